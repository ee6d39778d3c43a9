import XCTest
@testable import GoLoader

final class ModuleFileTests: XCTestCase {
    func testModuleAndGoLine() {
        let m = ModuleFile.parse("// comment\nmodule \"example.com/m\" // trailing\n\ngo 1.22.3\n\nrequire (\n\tx.org/y v1.0.0\n)\n")
        XCTAssertEqual(m?.path, "example.com/m")
        XCTAssertEqual(m?.goVersion, "1.22.3")
        XCTAssertEqual(m?.goMinor, 22)
        XCTAssertNil(ModuleFile.parse("go 1.21\n"))
    }

    func testWorkspaceUses() {
        let w = WorkspaceFile.parse("go 1.27\n\nuse ./a\nuse (\n\t./b // b\n\t\"./c\"\n)\n")
        XCTAssertEqual(w.goVersion, "1.27")
        XCTAssertEqual(w.uses, ["./a", "./b", "./c"])
    }

    func testHeaderReadsBuildLinePackageAndImports() {
        let src = """
        // Copyright line.

        //go:build linux && !cgo

        /* block */ package foo // trailing

        import "fmt"
        import (
        \tstr "strings"
        \t_ "embed"
        \t. "math"
        \t`os`
        )
        import "C"

        func f() {}
        import "never"
        """
        let h = FileHeader.read(Array(src.utf8))
        XCTAssertEqual(h.packageName, "foo")
        XCTAssertEqual(h.buildExpression, "linux && !cgo")
        XCTAssertEqual(h.imports.map(\.path), ["fmt", "strings", "embed", "math", "os", "C"])
        XCTAssertEqual(h.imports.first?.line, 7)
        XCTAssertTrue(h.usesCgo)
    }

    func testHeaderWithoutPackageClause() {
        XCTAssertNil(FileHeader.read(Array("hello world".utf8)).packageName)
        XCTAssertNil(FileHeader.read([]).packageName)
    }
}
