import Foundation
import TestSupport
import XCTest

/// `heapsight typecheck`: type errors are printed with positions and exit 1, a clean package
/// exits 0, `--dump` prints the oracle's format, and bad input exits 2 with a message.
final class TypecheckCommandTests: XCTestCase {
    func testErrorsCleanPackagesAndDump() throws {
        let cli = try CLI(self)
        try cli.write("mod/go.mod", "module example.com/m\n\ngo 1.27\n")
        try cli.write("mod/bad/a.go", "package bad\n\nvar x int = \"s\"\n\nfunc f() int {\n\tvar y string\n\treturn y\n}\n")
        try cli.write("mod/good/b.go", "package good\n\nimport \"strings\"\n\nfunc F(s string) string { return strings.ToUpper(s) }\n")

        let bad = try cli.run(["typecheck", "mod/bad"])
        XCTAssertEqual(bad.status, 1, bad.out + bad.err)
        let lines = bad.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, bad.out)
        XCTAssertTrue(lines[0].hasSuffix("a.go:3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix("a.go:7:9: cannot use y (variable of type string) as int value in return statement"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("packages=1 errors=2 seconds="), lines[2])

        let good = try cli.run(["typecheck", "mod/good"])
        XCTAssertEqual(good.status, 0, good.out + good.err)
        XCTAssertTrue(good.out.hasPrefix("packages=1 errors=0 seconds="), good.out)

        let dump = try cli.run(["typecheck", "--dump", "strings"])
        XCTAssertEqual(dump.status, 0, dump.err)
        XCTAssertTrue(dump.out.hasPrefix("file "), String(dump.out.prefix(200)))
        XCTAssertTrue(dump.out.contains(" def ToUpper func strings func(s string) string\n"))
    }

    func testBadInputExitsTwo() throws {
        let cli = try CLI(self)
        let missing = try cli.run(["typecheck", "no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.hasPrefix("heapsight: error: "), missing.err)
        let noPackage = try cli.run(["typecheck", "--dump", "no/such/package"])
        XCTAssertEqual(noPackage.status, 2)
        XCTAssertTrue(noPackage.err.contains("no Go package no/such/package"), noPackage.err)
    }
}
