/// What heapsight reads from a `go.mod`: the module path and the `go` version line.
public struct ModuleFile: Sendable, Hashable {
    /// The module path (`example.com/m`; `std` for the standard library).
    public var path: String
    /// The `go` line (`1.22`, `1.27`), which changes language semantics such as loop variables.
    public var goVersion: String?

    /// Parses `go.mod` text; nil when it has no `module` line.
    public static func parse(_ text: String) -> ModuleFile? {
        var path: String?
        var version: String?
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = ModuleFile.stripComment(raw)
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count >= 2 else { continue }
            if words[0] == "module" { path = ModuleFile.unquote(words[1]) }
            if words[0] == "go" { version = words[1] }
        }
        guard let path, !path.isEmpty else { return nil }
        return ModuleFile(path: path, goVersion: version)
    }

    /// The minor version of the `go` line (`1.22.3` gives 22), when there is one.
    public var goMinor: Int? {
        guard let v = goVersion else { return nil }
        let parts = v.split(separator: ".")
        guard parts.count >= 2, parts[0] == "1" else { return nil }
        return Int(parts[1].prefix(while: { $0.isNumber }))
    }

    static func stripComment(_ line: Substring) -> Substring {
        if let r = line.range(of: "//") { return line[..<r.lowerBound] }
        return line
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("`") && s.hasSuffix("`")) {
            return String(s.dropFirst().dropLast())
        }
        return s
    }
}

/// What heapsight reads from a `go.work`: its `go` line and the module directories it uses.
public struct WorkspaceFile: Sendable, Hashable {
    /// The `go` line.
    public var goVersion: String?
    /// Directories from `use` directives, relative to the go.work file as written.
    public var uses: [String]

    /// Parses `go.work` text (single `use` lines and `use ( ... )` blocks).
    public static func parse(_ text: String) -> WorkspaceFile {
        var version: String?
        var uses: [String] = []
        var inUseBlock = false
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let words = ModuleFile.stripComment(raw).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            if inUseBlock {
                if words[0] == ")" { inUseBlock = false } else { uses.append(ModuleFile.unquote(words[0])) }
                continue
            }
            if words[0] == "go", words.count >= 2 { version = words[1] }
            if words[0] == "use" {
                if words.count >= 2 && words[1] == "(" { inUseBlock = true }
                else if words.count >= 2 { uses.append(ModuleFile.unquote(words[1])) }
            }
        }
        return WorkspaceFile(goVersion: version, uses: uses)
    }
}
