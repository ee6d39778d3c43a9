/// The go tool's decision on whether one file's contents take part in a build, once its name
/// has passed `FileNameRules`: its `//go:build` line, cgo, and whether it is Go source at all.
/// The loader and the type checker's package reader both decide through this, from the header
/// alone, so excluded files are never parsed.
public enum BuildInclusion: Equatable, Sendable {
    /// Part of the build; the header says what the file imports.
    case included(FileHeader)
    /// Left out by its `//go:build` expression or because it needs cgo when cgo is off.
    case excluded
    /// Not usable as Go source: the message says why, `line` where (0 for the whole file).
    case rejected(message: String, line: Int)

    /// Decides for a file's bytes in a build context.
    public static func of(_ bytes: [UInt8], in context: BuildContext) -> BuildInclusion {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .rejected(message: "not valid UTF-8 text, so not Go source", line: 0)
        }
        let header = FileHeader.read(bytes)
        if let expr = header.buildExpression {
            do {
                guard try BuildConstraint.parse(expr).evaluate(in: context) else { return .excluded }
            } catch {
                return .rejected(message: "invalid //go:build line: \(error)", line: 0)
            }
        } else {
            for line in header.plusBuildLines where !BuildConstraint.parsePlusBuild(line).evaluate(in: context) {
                return .excluded
            }
        }
        if header.usesCgo && !context.cgoEnabled { return .excluded }
        guard header.packageName != nil else {
            return .rejected(message: "no package clause; is it a Go source file?", line: 1)
        }
        return .included(header)
    }
}
