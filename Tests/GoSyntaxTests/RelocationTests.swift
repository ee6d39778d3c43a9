import XCTest
import GoSyntax
import TestSupport

/// A tree parsed under one name taken under another (`ParsedFile.relocated(to:)`), as the
/// native engine's type checker takes the driver's trees of GOROOT's files.
final class RelocationTests: XCTestCase {
    /// Every file of a GOROOT package, relocated from a relative name to its absolute one, is
    /// what parsing it under the absolute name gives: same dump, same positions, same imports.
    func testARelocatedFileIsTheParseUnderTheNewName() throws {
        let dir = TestSupport.goToolchain.goroot + "/src/strings"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".go") }.sorted()
        XCTAssertGreaterThan(names.count, 3)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
            let absolute = dir + "/" + name
            let driver = parseFile(path: "strings/" + name, bytes: bytes)
            let moved = try XCTUnwrap(driver.relocated(to: absolute), name)
            let direct = parseFile(path: absolute, bytes: bytes)
            XCTAssertEqual(moved.path, absolute)
            XCTAssertEqual(ASTDump.dump(moved), ASTDump.dump(direct), name)
            XCTAssertEqual(moved.imports, direct.imports, name)
            let last = max(0, bytes.count - 1)
            XCTAssertEqual(moved.source.position(of: last), direct.source.position(of: last), name)
            XCTAssertEqual(driver.path, "strings/" + name, "the original keeps its name")
        }
    }

    /// A `//line` directive with a relative file name is resolved against the file's directory,
    /// and a syntax error records the path: such files are never relocated.
    func testFilesWhoseParseDependsOnTheNameAreNotRelocated() {
        let directive = parseFile(path: "a/x.go", bytes: Array("package p\n\n//line gen.go:10\nvar v = 1\n".utf8))
        XCTAssertFalse(directive.source.lineDirectives.isEmpty)
        XCTAssertNil(directive.relocated(to: "/abs/b/x.go"))
        let broken = parseFile(path: "a/y.go", bytes: Array("package p\n\nfunc {\n".utf8))
        XCTAssertFalse(broken.diagnostics.isEmpty)
        XCTAssertNil(broken.relocated(to: "/abs/b/y.go"))
        let clean = parseFile(path: "a/z.go", bytes: Array("package p\n".utf8))
        XCTAssertEqual(clean.relocated(to: "a/z.go")?.tree === clean.tree, true, "the same name is the same tree")
    }
}
