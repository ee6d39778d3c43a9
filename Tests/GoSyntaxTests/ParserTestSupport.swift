import XCTest
@testable import GoSyntax

/// Small helpers shared by the parser tests.
extension XCTestCase {
    func parse(_ src: String, file: StaticString = #filePath, line: UInt = #line, allowErrors: Bool = false) -> ParsedFile {
        let p = parseFile(path: "t.go", bytes: Array(src.utf8))
        if !allowErrors { XCTAssertEqual(p.diagnostics.map(\.description), [], file: file, line: line) }
        return p
    }

    /// Parses `body` inside `func f() { ... }`.
    func parseBody(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> ParsedFile {
        parse("package p\nfunc f() {\n\(body)\n}\n", file: file, line: line)
    }

    /// All nodes of a kind in source order.
    func nodes(_ p: ParsedFile, _ kind: NodeKind) -> [Node] {
        var out: [Node] = []
        p.tree.walk(p.tree.root) { id, _, _ in
            if p.tree.kind(id) == kind { out.append(p.tree[id]) }
            return true
        }
        return out
    }

    /// Offset of the first occurrence of `needle` in `src`.
    func offset(_ needle: String, in src: String, after: Int = 0) -> Int {
        let bytes = Array(src.utf8), n = Array(needle.utf8)
        var i = after
        while i + n.count <= bytes.count {
            if Array(bytes[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return -1
    }
}
