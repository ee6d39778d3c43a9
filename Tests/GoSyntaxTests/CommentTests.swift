import Foundation
import XCTest
@testable import GoSyntax

/// Comment grouping and attachment (go/parser's rules), the walker, and parsing on a thread
/// with a small stack.
final class CommentTests: XCTestCase {
    func testDocAndLineCommentsAttachLikeGoParser() {
        let src = """
        package p

        // Doc for T.
        type T int // line comment for T

        // Separated by a blank line: not a doc comment.

        func F() {}

        /* block
           doc */
        func G() {}
        """
        let p = parse(src)
        XCTAssertEqual(p.tree.commentGroups.count, 4)
        let decls = p.declarations.map { p.tree[$0] }
        let typeDoc = decls[0].doc.map { p.tree.comments(inGroup: $0).map { p.tree.text(of: $0) } }
        XCTAssertEqual(typeDoc, ["// Doc for T."])
        let spec = p.tree[decls[0].specs[0]]
        XCTAssertNil(spec.doc)                                 // the doc belongs to the GenDecl
        XCTAssertEqual(spec.comment.map { p.tree.text(of: p.tree.comments(inGroup: $0).first!) }, "// line comment for T")
        XCTAssertNil(decls[1].doc)
        XCTAssertEqual(decls[2].doc.map { p.tree.text(of: p.tree.comments(inGroup: $0).first!) }, "/* block\n   doc */")
    }

    /// The `//go:` directives between one declaration's end and the next one's start, as the
    /// compiler reads them: a name up to the first space or tab; `// go:` (with a space) and
    /// `/*go:...*/` are plain comments; a directive inside a body belongs to no declaration.
    func testGoDirectivesBetweenDeclarations() {
        let src = "package p\n\n//go:noinline\n// Doc of F.\n//go:linkname F runtime.f\nfunc F() {\n//go:nosplit\n}\n\n" +
            "// go:noinline\n/*go:norace*/\nfunc G() {}\n\n//go:uintptrescapes\r\nfunc H(p uintptr) {}\n"
        let p = parse(src)
        let tree = p.tree
        var previousEnd = 0
        var seen: [Set<String>] = []
        for decl in p.declarations {
            seen.append(tree.goDirectiveNames(from: previousEnd, to: tree[decl].pos))
            previousEnd = tree[decl].end
        }
        XCTAssertEqual(seen, [["noinline", "linkname"], [], ["uintptrescapes"]])
        XCTAssertEqual(tree.goDirectiveNames(from: 0, to: src.utf8.count), ["noinline", "linkname", "nosplit", "uintptrescapes"])
        XCTAssertEqual(tree.goDirectiveNames(from: src.utf8.count, to: src.utf8.count + 10), [])
    }

    func testAdjacentLineCommentsFormOneGroup() {
        let p = parse("package p\n\n// a\n// b\n\n// c\nvar x int\n")
        XCTAssertEqual(p.tree.commentGroups.map(\.count), [2, 1])
    }

    func testWalkVisitsInSourceOrderWithParentsAndDepth() {
        let p = parse("package p\nfunc f() { g(1 + 2) }\n")
        var seen: [(NodeKind, NodeKind, Int)] = []
        p.tree.walk(p.tree.root) { id, parent, depth in
            seen.append((p.tree.kind(id), p.tree.kind(parent), depth))
            return true
        }
        XCTAssertEqual(seen.map(\.0), [.file, .ident, .funcDecl, .ident, .funcType, .fieldList, .blockStmt,
                                       .exprStmt, .callExpr, .ident, .binaryExpr, .basicLit, .basicLit])
        XCTAssertEqual(seen[8].1, .exprStmt)
        XCTAssertEqual(seen[8].2, 4)                             // File > FuncDecl > Block > ExprStmt > Call
        let parents = p.tree.parents()
        let call = nodes(p, .callExpr)[0]
        XCTAssertEqual(p.tree.kind(parents[Int(call.id.raw)]), .exprStmt)
        var skipped = 0
        p.tree.walk(p.tree.root) { id, _, _ in
            skipped += 1
            return p.tree.kind(id) != .funcDecl           // do not descend into functions
        }
        XCTAssertEqual(skipped, 3)
    }

    func testDeepNestingOnASmallStackThreadStopsCleanly() {
        let src = "package p\nvar x = " + String(repeating: "[]func(", count: 50_000)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var messages: [String] = []
        let t = Thread {
            messages = parseFile(path: "s.go", bytes: Array(src.utf8)).diagnostics.map(\.message)
            done.signal()
        }
        t.stackSize = 512 << 10
        t.start()
        XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(messages.first, "exceeded max nesting depth")
    }
}
