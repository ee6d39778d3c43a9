import GoSyntax
import GoTypes

/// What the inliner reads of a package's syntax trees besides its lowered bodies: the call graph
/// its verdicts are decided over and where its calls and function literals are. Both are
/// functions of the checked package and the program's objects alone, so a package's job makes
/// them before it takes the inliner's lock (`NativeInliner.prepareOutsideLock`), beside other
/// packages' inlining; the inliner makes them under its lock only for a package no job
/// prepared. Immutable once made.
final class PackageSyntaxIndex: @unchecked Sendable {
    /// For each function of the package (`TypedPackage.functions`), the functions of the same
    /// package its body mentions, in source order.
    let references: [[Int]]
    /// For each file, its calls by the offset of their `(` and its function literals by the
    /// offset of their `func`.
    let files: [(calls: [Int: NodeID], literals: [Int: NodeID])]

    /// The index of a checked package.
    init(_ pkg: TypedPackage, types: Program) {
        references = pkg.functions.indices.map { Self.references(pkg, $0, types: types) }
        files = pkg.files.map { file in
            let tree = file.tree
            var calls: [Int: NodeID] = [:], literals: [Int: NodeID] = [:]
            for decl in file.declarations {
                tree.walk(decl) { id, _, _ in
                    switch tree.kind(id) {
                    case .callExpr: calls[tree[id].lparen] = id
                    case .funcLit: literals[tree[id].pos] = id
                    default: break
                    }
                    return true
                }
            }
            return (calls, literals)
        }
    }

    /// The call and the function literal at a byte offset of file `file` (by index).
    func syntaxNode(file: Int, offset: Int) -> (call: NodeID?, literal: NodeID?) {
        guard file >= 0 && file < files.count else { return (nil, nil) }
        return (files[file].calls[offset], files[file].literals[offset])
    }

    /// Functions of the same package that function `i`'s body mentions, in source order.
    private static func references(_ pkg: TypedPackage, _ i: Int, types: Program) -> [Int] {
        let f = pkg.functions[i]
        let tree = pkg.files[f.file].tree
        let facts = pkg.facts[f.file]
        var out: [Int] = []
        tree.walk(tree[f.node].body) { id, _, _ in
            guard tree.kind(id) == .ident, var o = facts.uses[id] else { return true }
            let r = types.object(o)
            guard r.kind == .function, r.package == pkg.index else { return true }
            if let origin = r.origin { o = origin }
            let ro = types.object(o)
            if let j = pkg.function(file: Int(ro.file), nameOffset: Int(ro.offset)) { out.append(j) }
            return true
        }
        return out
    }
}
