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

    /// Reading and parsing ahead on other threads changes when the checker gets a package,
    /// never what it computes: one thread and several give byte-identical output.
    func testThreadsDoNotChangeResults() throws {
        let cli = try CLI(self)
        try cli.write("mod/go.mod", "module example.com/m\n\ngo 1.27\n")
        try cli.write("mod/bad/a.go", "package bad\n\nimport \"net/http\"\n\nvar x int = http.DefaultClient\n")
        let one = try cli.run(["typecheck", "--jobs", "1", "--dump", "encoding/json"])
        let two = try cli.run(["typecheck", "--jobs", "2", "--dump", "encoding/json"])
        XCTAssertEqual(one.status, 0, one.err)
        XCTAssertEqual(two.status, 0, two.err)
        XCTAssertFalse(one.out.isEmpty)
        XCTAssertEqual(one.out, two.out)
        let badOne = try cli.run(["typecheck", "--jobs", "1", "mod/bad"])
        let badThree = try cli.run(["typecheck", "--jobs", "3", "mod/bad"])
        XCTAssertEqual(badOne.status, 1, badOne.out + badOne.err)
        XCTAssertEqual(badThree.status, 1, badThree.out + badThree.err)
        func withoutTime(_ s: String) -> String { s.components(separatedBy: " seconds=")[0] }
        XCTAssertEqual(withoutTime(badOne.out), withoutTime(badThree.out))
        XCTAssertTrue(badOne.out.contains("a.go:5:13: cannot use http.DefaultClient"), badOne.out)
    }

    func testBadInputExitsTwo() throws {
        let cli = try CLI(self)
        let missing = try cli.run(["typecheck", "no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.hasPrefix("heapsight: error: "), missing.err)
        let noPackage = try cli.run(["typecheck", "--dump", "no/such/package"])
        XCTAssertEqual(noPackage.status, 2)
        XCTAssertTrue(noPackage.err.contains("no Go package no/such/package"), noPackage.err)
        let noThreads = try cli.run(["typecheck", "--jobs", "0", "std"])
        XCTAssertEqual(noThreads.status, 2)
        XCTAssertTrue(noThreads.err.contains("--jobs must be at least 1"), noThreads.err)
    }
}
