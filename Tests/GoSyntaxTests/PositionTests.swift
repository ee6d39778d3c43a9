import XCTest
@testable import GoSyntax

/// Line and byte-column positions, and `//line` directives as go/token applies them.
final class PositionTests: XCTestCase {
    func testLineAndByteColumn() {
        let f = SourceFile(path: "a.go", bytes: Array("ab\n\tcé x\n".utf8))
        XCTAssertEqual(f.position(of: 0).description, "1:1")
        XCTAssertEqual(f.position(of: 3).description, "2:1")     // the tab
        XCTAssertEqual(f.position(of: 4).description, "2:2")     // a tab counts as one column
        XCTAssertEqual(f.position(of: 8).description, "2:6")     // é is two bytes: x is at byte column 6
    }

    func testLineDirectives() {
        let src = """
        package p

        //line gen.go:100
        var a = 1
        var b = /*line other.go:7:3*/ 2
        var c = 3
        //line :50:1
        var d = 4
        """
        let parsed = parseFile(path: "/src/dir/a.go", bytes: Array(src.utf8))
        XCTAssertEqual(parsed.diagnostics, [])
        func at(_ needle: String) -> SourcePosition {
            let r = src.utf8.firstRange(of: needle.utf8)!
            return parsed.source.position(of: src.utf8.distance(from: src.utf8.startIndex, to: r.lowerBound))
        }
        let a = at("var a")
        XCTAssertEqual([a.line, a.column], [4, 1])
        XCTAssertEqual(a.adjustedFile, "/src/dir/gen.go")   // relative names join the file's directory
        XCTAssertEqual(a.adjustedLine, 100)
        XCTAssertEqual(a.adjustedColumn, 0)                 // no column in the directive: unknown
        let two = at("2\n")
        XCTAssertEqual(two.adjustedFile, "/src/dir/other.go")
        XCTAssertEqual([two.adjustedLine, two.adjustedColumn], [7, 4])   // one byte after the comment
        let c = at("var c")
        XCTAssertEqual([c.adjustedLine, c.adjustedColumn], [8, 1])      // next line: physical column
        let d = at("var d")
        XCTAssertEqual(d.adjustedFile, "/src/dir/other.go")  // empty name with a column: keep the file
        XCTAssertEqual([d.adjustedLine, d.adjustedColumn], [50, 1])
        XCTAssertEqual([d.line, d.column], [8, 1])
    }

    func testLineDirectiveNotAtLineStartIsIgnored() {
        let parsed = parseFile(path: "a.go", bytes: Array("package p\nvar x = 1 //line b.go:9\nvar y = 2\n".utf8))
        XCTAssertEqual(parsed.source.lineDirectives, [])
    }

    func testDiagnosticsCarryTheAdjustedPositionToo() {
        // go/parser reports this error as /d/gen.go:40:9 (the directive names the next line).
        let parsed = parseFile(path: "/d/a.go", bytes: Array("package p\n//line gen.go:40:1\nvar x = )\n".utf8))
        let d = parsed.diagnostics.first
        XCTAssertEqual(d.map { "\($0.line):\($0.column)" }, "3:9")
        XCTAssertEqual(d.map { "\($0.position.adjustedFile):\($0.position.adjustedLine):\($0.position.adjustedColumn)" }, "/d/gen.go:40:9")
    }

    func testInvalidLineNumberIsReported() {
        let parsed = parseFile(path: "a.go", bytes: Array("package p\n//line b.go:0\nvar y = 2\n".utf8))
        XCTAssertEqual(parsed.diagnostics.map(\.message), ["invalid line number: 0"])
    }
}
