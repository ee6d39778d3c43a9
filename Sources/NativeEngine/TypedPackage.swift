import GoSyntax
import GoTypes

/// One type-checked package as the native engine reads it: its parsed files, the checker's
/// facts for each file (same index), and its function declarations.
public final class TypedPackage {
    /// Import path (canonical, as GoTypes names it).
    public let path: String
    /// Index of the package in `Program.packages`.
    public let index: Int32
    /// Parsed files, in the checker's order.
    public let files: [ParsedFile]
    /// Checker facts per file.
    public let facts: [FileFacts]
    /// Every function declaration, in source order (files by name, declarations in order).
    public let functions: [FunctionDecl]
    /// Function declarations by the offset of their name, per file.
    private let byNameOffset: [[Int: Int]]

    /// A function or method declaration.
    public struct FunctionDecl: Sendable {
        /// File index.
        public var file: Int
        /// The `FuncDecl` node.
        public var node: NodeID
        /// The declared object (nil when the checker recorded none, e.g. `init` or `_`).
        public var object: ObjectID?
        /// Directives written above the declaration (`noinline`, `uintptrescapes`, ...).
        public var pragmas: Set<String>
    }

    /// Builds the package view from files and their facts.
    public init(path: String, index: Int32, files: [ParsedFile], facts: [FileFacts]) {
        self.path = path
        self.index = index
        self.files = files
        self.facts = facts
        var functions: [FunctionDecl] = []
        var byName: [[Int: Int]] = []
        for (fi, file) in files.enumerated() {
            var map: [Int: Int] = [:]
            let tree = file.tree
            var previousEnd = 0
            for decl in file.declarations {
                let node = tree[decl]
                defer { previousEnd = node.end }
                guard node.kind == .funcDecl else { continue }
                let name = node.name
                let object = fi < facts.count ? (facts[fi].defs[name] ?? nil) : nil
                map[tree[name].pos] = functions.count
                functions.append(FunctionDecl(file: fi, node: decl, object: object,
                                              pragmas: tree.goDirectiveNames(from: previousEnd, to: node.pos)))
            }
            byName.append(map)
        }
        self.functions = functions
        self.byNameOffset = byName
    }

    /// The index in `functions` of the declaration whose name starts at `offset` in `file`.
    public func function(file: Int, nameOffset: Int) -> Int? {
        guard file >= 0 && file < byNameOffset.count else { return nil }
        return byNameOffset[file][nameOffset]
    }
}
