import GoSyntax
import PassKit

/// Walks the parsed files of one package and builds a `FunctionRecord` per function.
struct FunctionCollector {
    let importPath: String
    let tree: SyntaxTree
    let filePath: String
    var records: [FunctionRecord] = []

    /// All functions of a package, files in the order given (sorted by the loader), literals
    /// after the function that holds them in source order.
    static func collect(package: PackageInput) -> [FunctionRecord] {
        let parsed: [(String, ParsedFile)] = package.files.indices.map { i in
            (package.files[i].path, package.parsedFile(at: i))
        }
        var out: [FunctionRecord] = []
        var initCount = 0
        var packageLiterals = 0
        for (path, file) in parsed {
            var collector = FunctionCollector(importPath: package.importPath, tree: file.tree, filePath: path)
            collector.collectFile(initCount: &initCount, packageLiterals: &packageLiterals)
            // The first file's records are taken as they are (appending copies every record).
            if out.isEmpty { out = collector.records } else { out += collector.records }
        }
        return out
    }

    mutating func collectFile(initCount: inout Int, packageLiterals: inout Int) {
        let root = tree[tree.root]
        records.reserveCapacity(root.decls.count)
        for decl in root.decls {
            let node = tree[decl]
            if node.kind == .funcDecl {
                collectDeclaration(node, initCount: &initCount)
            } else {
                // Literals in package-level initialisers belong to the package's init.
                var counter = packageLiterals
                collectLiterals(survey(decl).literals, parentName: "init", parentID: nil, counter: &counter, nested: false)
                packageLiterals = counter
            }
        }
    }

    mutating func collectDeclaration(_ node: Node, initCount: inout Int) {
        let nameNode = tree[node.name]
        var name = nameNode.identifier
        var receiverText = ""
        var qualified: String
        let isGeneric = tree[node.type].typeParams.exists
        var referenceOffset = nameNode.pos
        if node.recv.exists, let field = tree[node.recv].list.first {
            receiverText = typeText(tree[field].type)
            qualified = receiverName(tree[field].type) + "." + name
            referenceOffset = tree[node.recv].opening
        } else if name == "init" && !isGeneric {
            name = "init.\(initCount)"
            initCount += 1
            qualified = name
        } else {
            qualified = isGeneric ? name + "[...]" : name
        }
        let id = importPath + "." + qualified
        let body = node.body
        let inside = body.exists ? survey(body) : BodySurvey()
        let record = makeRecord(id: id, receiver: receiverText, name: name, referenceOffset: referenceOffset,
                                start: tree[node.type].funcPos >= 0 ? tree[node.type].funcPos : node.pos,
                                end: body.exists ? tree[body].rbrace : node.end - 1,
                                statements: inside.statements, directives: directiveStrings(node.id), isLiteral: false,
                                parent: nil)
        records.append(record)
        var counter = 0
        collectLiterals(inside.literals, parentName: qualified, parentID: id, counter: &counter, nested: false)
    }

    /// Records the function literals `found` directly under a body (not inside another
    /// literal), then recurses into each with its own counter.
    mutating func collectLiterals(_ found: [NodeID], parentName: String, parentID: String?,
                                  counter: inout Int, nested: Bool) {
        for lit in found {
            counter += 1
            let suffix = nested ? "\(counter)" : "func\(counter)"
            let qualified = parentName + "." + suffix
            let id = importPath + "." + qualified
            let node = tree[lit]
            let body = node.body
            let inside = body.exists ? survey(body) : BodySurvey()
            let funcPos = tree[node.type].funcPos >= 0 ? tree[node.type].funcPos : node.pos
            records.append(makeRecord(id: id, receiver: "", name: suffix, referenceOffset: funcPos, start: funcPos,
                                      end: body.exists ? tree[body].rbrace : node.end - 1, statements: inside.statements,
                                      directives: [], isLiteral: true, parent: parentID))
            var inner = 0
            collectLiterals(inside.literals, parentName: qualified, parentID: id, counter: &inner, nested: true)
        }
    }

    /// What one walk below a node finds, stopping at function literals: the statements (not
    /// counting containers, nor the statements of nested literals) and the literals themselves.
    struct BodySurvey {
        var statements = 0
        var literals: [NodeID] = []
    }

    /// Walks below `start` once for both the statement count and the literals (two walks of
    /// every body cost the functions pass half its time).
    func survey(_ start: NodeID) -> BodySurvey {
        var out = BodySurvey()
        tree.walk(start) { id, _, depth in
            let kind = tree.kind(id)
            if depth > 0 && kind == .funcLit {
                out.literals.append(id)
                return false
            }
            if kind.isStatement && kind != .blockStmt && kind != .caseClause && kind != .commClause {
                if !(kind == .emptyStmt && tree[id].implicit) { out.statements += 1 }
            }
            return true
        }
        return out
    }

    func makeRecord(id: String, receiver: String, name: String, referenceOffset: Int, start: Int, end: Int,
                    statements: Int, directives: [String], isLiteral: Bool, parent: String?) -> FunctionRecord {
        let ref = tree.source.position(of: max(0, referenceOffset))
        let s = tree.source.position(of: max(0, start))
        let e = tree.source.position(of: max(0, end >= 0 ? end : start))
        return FunctionRecord(id: id, package: importPath, receiver: receiver, name: name, file: filePath,
                              line: ref.line, column: ref.column, startLine: s.line, startColumn: s.column,
                              endLine: e.line, endColumn: e.column, lineCount: e.line - s.line + 1,
                              statementCount: statements,
                              directives: directives, isLiteral: isLiteral, parent: parent)
    }

    /// `//go:noinline`, `//heapsight:noalloc 0`, ... from the declaration's doc comment.
    func directiveStrings(_ id: NodeID) -> [String] {
        guard let doc = tree[id].doc else { return [] }
        return tree.directives(ofGroup: doc).map { d in
            "//" + d.fullName + (d.arguments.isEmpty ? "" : " " + d.arguments)
        }
    }

    /// The receiver type as written (`*T`, `List[T]`).
    func typeText(_ id: NodeID) -> String {
        let n = tree[id]
        guard n.pos >= 0, n.end > n.pos else { return "" }
        return tree.text(n.pos, n.end)
    }

    /// The compiler's spelling of a receiver: `T`, `(*T)`, `List[...]`, `(*List[...])`.
    func receiverName(_ id: NodeID) -> String {
        var n = tree[id]
        while n.kind == .parenExpr { n = tree[n.x] }
        if n.kind == .starExpr { return "(*" + baseTypeName(n.x) + ")" }
        return baseTypeName(n.id)
    }

    func baseTypeName(_ id: NodeID) -> String {
        var n = tree[id]
        while n.kind == .parenExpr { n = tree[n.x] }
        switch n.kind {
        case .ident: return n.identifier
        case .indexExpr, .indexListExpr: return baseTypeName(n.x) + "[...]"
        default: return typeText(n.id)
        }
    }
}
