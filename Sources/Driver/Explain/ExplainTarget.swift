import Foundation
import PassKit

/// What `heapsight explain` was asked about: a function id (`example.com/m.(*T).M`), a short
/// name within a package (`(*T).M`, `F.func1`), a glob over function ids (`example.com/m.Parse*`,
/// `...Encode`), or a source position `FILE:LINE` (the innermost function containing it; FILE is
/// relative to the scanned root, or any path ending in it).
public enum ExplainTarget: Sendable, Equatable {
    /// An exact function id or short name.
    case function(String)
    /// A glob over function ids.
    case glob(GlobPattern)
    /// A file and line.
    case position(file: String, line: Int)

    /// Parses the command-line argument.
    public init(_ text: String) {
        if let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]), line > 0,
           text[..<colon].hasSuffix(".go") {
            self = .position(file: String(text[..<colon]), line: line)
        } else if text.contains("...") || text.replacingOccurrences(of: "(*", with: "(").contains("*") {
            self = .glob(GlobPattern(text))
        } else {
            self = .function(text)
        }
    }

    /// The functions of a run the target names, sorted by id (literals only when named exactly
    /// or by position).
    public func select(from functions: [FunctionRecord]) -> [FunctionRecord] {
        switch self {
        case .function(let name):
            let exact = functions.filter { $0.id == name }
            if !exact.isEmpty { return exact }
            return functions.filter { $0.id.hasSuffix("." + name) && $0.id.dropLast(name.count + 1) == $0.package[...] }
                .sorted { $0.id < $1.id }
        case .glob(let pattern):
            return functions.filter { !$0.isLiteral && pattern.matches($0.id) }.sorted { $0.id < $1.id }
        case .position(let file, let line):
            let inFile = functions.filter { $0.file == file || file.hasSuffix("/" + $0.file) }
            let containing = inFile.filter { $0.startLine <= line && line <= $0.endLine }
            return containing.max { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }.map { [$0] } ?? []
        }
    }
}
