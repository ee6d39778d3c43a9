import XCTest
@testable import GoSyntax

/// Syntax errors: diagnostics with positions, recovery, termination on hostile input.
final class RecoveryTests: XCTestCase {
    func testMissingClosingParenReportsLine() {
        // go/parser: "4:8: missing ',' before newline in argument list" first.
        let src = "package p\n\nfunc f() {\n\tg(1, 2\n}\n\nfunc later() {}\n"
        let p = parse(src, allowErrors: true)
        XCTAssertEqual(p.diagnostics.first.map { "\($0.line):\($0.column): \($0.message)" },
                       "4:8: missing ',' before newline in argument list")
    }

    func testRecoveryAtNextStatementKeepsLaterDeclarations() {
        // go/parser reports exactly these two errors and still returns both functions.
        let src = "package p\n\nfunc f() {\n\tx := )\n\treturn\n}\n\nfunc later() {}\n"
        let p = parse(src, allowErrors: true)
        XCTAssertEqual(p.diagnostics.map { "\($0.line):\($0.column): \($0.message)" },
                       ["4:7: expected operand, found ')'", "5:2: expected ';', found 'return'"])
        let names = nodes(p, .funcDecl).map { p.tree[$0.name].identifier }
        XCTAssertEqual(names, ["f", "later"])
    }

    func testDiagnosticFormat() {
        // go/parser: EOF after a final newline is reported on the last line, past its newline.
        let p = parse("package p\nvar x = \n", allowErrors: true)
        XCTAssertEqual(p.diagnostics.map(\.description), ["t.go:2:10: expected operand, found 'EOF'"])
    }

    func testMissingPackageClause() {
        let p = parse("func f() {}\n", allowErrors: true)
        XCTAssertEqual(p.diagnostics.first?.message, "expected 'package', found 'func'")
        XCTAssertEqual(p.diagnostics.first?.line, 1)
    }

    func testDeepNestingStopsWithDiagnostic() {
        let n = 100_000
        let src = "package p\nvar x = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + "\n"
        let p = parse(src, allowErrors: true)
        XCTAssertTrue(p.diagnostics.contains { $0.message == "exceeded max nesting depth" })
    }

    func testGarbageTerminates() {
        let inputs = ["", "package", "package p; func", "package p\nfunc f() { for { if { switch { case", "}}}}))))]]]]",
                      "package p\nvar x = [][][][]", "package p\ntype T interface { ~ | ~ }", "\u{0}\u{0}\u{FF}"]
        for s in inputs {
            let p = parseFile(path: "g.go", bytes: Array(s.utf8))
            XCTAssertFalse(p.diagnostics.isEmpty, s)
        }
    }
}
