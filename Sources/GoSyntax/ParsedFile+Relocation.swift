// A parsed file under another path, without parsing it again.
//
// The driver parses a package's files under the paths facts carry (relative to the scanned
// root); the type checker names GOROOT's files by absolute path. The tree does not depend on
// the path except through `//line` directives (a relative directive file name is resolved
// against the file's directory) and through the path recorded in syntax errors, so a file
// with neither is the same tree under any name: the relocated copy shares the node, list and
// comment storage and differs only in `source.path`. Files with directives or errors are not
// relocated (the caller parses them under the new name), so the result is always exactly what
// `parseFile(path: newPath, bytes:)` would return.

extension SourceFile {
    /// The same file named `path`, sharing bytes and line table.
    init(relocating other: SourceFile, to path: String) {
        self.path = path
        self.bytes = other.bytes
        self.lineStarts = other.lineStarts
        self.lineDirectives = other.lineDirectives
    }
}

extension ParsedFile {
    /// This file as `parseFile(path: path, bytes: source.bytes)` would parse it, sharing the
    /// tree's storage; nil when the name could change the result (the file has `//line`
    /// directives or syntax errors), and the caller must parse it under `path` itself.
    public func relocated(to path: String) -> ParsedFile? {
        if path == self.path { return self }
        guard diagnostics.isEmpty, tree.source.lineDirectives.isEmpty else { return nil }
        let source = SourceFile(relocating: tree.source, to: path)
        let moved = SyntaxTree(source: source, nodes: tree.nodes, lists: tree.lists, comments: tree.comments,
                               commentGroups: tree.commentGroups, root: tree.root,
                               embeddedFields: tree.embeddedFields)
        return ParsedFile(tree: moved, diagnostics: [], buildConstraint: buildConstraint, importSpecs: importSpecs)
    }
}
