/// The result of parsing one file: the tree, the diagnostics, and the facts most callers want
/// without walking (package name, imports, build constraint).
public struct ParsedFile: Sendable {
    /// The syntax tree (always present, even with errors).
    public let tree: SyntaxTree
    /// Syntax errors, in offset order; empty for a well-formed file.
    public let diagnostics: [SyntaxDiagnostic]
    /// The expression of the leading `//go:build` line (`linux && amd64`), if any.
    public let buildConstraint: String?
    /// The `ImportSpec` nodes, in source order.
    public let importSpecs: [NodeID]

    /// The file's source (path, bytes, positions).
    public var source: SourceFile { tree.source }

    /// The file's path.
    public var path: String { tree.source.path }

    /// True when the file has syntax errors.
    public var hasErrors: Bool { !diagnostics.isEmpty }

    /// The `File` node.
    public var root: Node { tree[tree.root] }

    /// The package name of the package clause (`_` when missing).
    public var packageName: String { root.name.exists ? tree[root.name].identifier : "_" }

    /// The file's imports with their paths unquoted.
    public var imports: [ImportInfo] {
        importSpecs.map { id in
            let spec = tree[id]
            let lit = tree[spec.path]
            let name = spec.name.exists ? tree[spec.name].identifier : nil
            let offset = Int(lit.record.p0)
            return ImportInfo(path: unquoteImportPath(lit.literal), name: name, offset: offset,
                              position: tree.source.position(of: offset), spec: id)
        }
    }

    /// Top-level declarations (`GenDecl`, `FuncDecl`, `BadDecl` nodes).
    public var declarations: NodeList { root.decls }

    /// The doc comment group of the package clause, if any.
    public var packageDoc: Int? { root.doc }
}

/// One import of a file.
public struct ImportInfo: Hashable, Sendable {
    /// The import path, unquoted (`net/http`).
    public var path: String
    /// The local name (`.`, `_`, or an identifier), if given.
    public var name: String?
    /// Offset of the path literal.
    public var offset: Int
    /// Line and column of the path literal.
    public var position: SourcePosition
    /// The `ImportSpec` node.
    public var spec: NodeID
}

/// Unquotes an import path literal (`"fmt"` or `` `fmt` ``); returns it unchanged otherwise.
func unquoteImportPath(_ s: String) -> String {
    guard s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "`" else { return s }
    return String(s.dropFirst().dropLast())
}
