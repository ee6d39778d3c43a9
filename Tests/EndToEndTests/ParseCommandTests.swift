import Foundation
import TestSupport
import XCTest

/// `heapsight parse`: the standard library parses without errors, broken files are reported
/// with positions and exit 1, testdata is skipped, `--dump` prints what the go/parser oracle
/// prints, and bad usage exits 2.
final class ParseCommandTests: XCTestCase {
    func testStandardLibraryParsesWithoutErrors() throws {
        let cli = try CLI(self)
        let r = try cli.run(["parse", TestSupport.goToolchain.goroot + "/src"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        let summary = r.out.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(summary.hasPrefix("files="), summary)
        XCTAssertTrue(summary.contains(" errors=0 "), summary)
        let files = Int(summary.dropFirst("files=".count).prefix { $0.isNumber }) ?? 0
        XCTAssertGreaterThan(files, 5000)
    }

    func testBrokenFilesAreReportedAndTestdataSkipped() throws {
        let cli = try CLI(self)
        try cli.write("tree/ok.go", "package p\n\nfunc F() {}\n")
        try cli.write("tree/sub/bad.go", "package p\nfunc f( {\n")
        try cli.write("tree/testdata/ignored.go", "this is not Go\n")
        let r = try cli.run(["parse", "tree"])
        XCTAssertEqual(r.status, 1)
        var lines = r.out.split(separator: "\n").map(String.init)
        let summary = lines.removeLast()
        // Every error, as `gofmt -e` (go/parser with AllErrors) lists them.
        let go = TestSupport.goToolchain
        let gofmt = try TestSupport.run(go.goroot + "/bin/gofmt", ["-e", "tree/sub/bad.go"], cwd: cli.directory,
                                        environment: go.environment())
        XCTAssertEqual(lines, gofmt.err.split(separator: "\n").map(String.init))
        XCTAssertEqual(lines.first, "tree/sub/bad.go:2:9: expected ')', found '{'")
        XCTAssertTrue(summary.hasPrefix("files=2 bytes="), r.out)
        XCTAssertTrue(summary.contains(" errors=\(lines.count) "), r.out)
    }

    func testDumpMatchesTheGoParserOracle() throws {
        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("parsedump")
        let file = go.goroot + "/src/fmt/print.go"
        let cli = try CLI(self)
        let ours = try cli.run(["parse", "--dump", file])
        XCTAssertEqual(ours.status, 0, ours.err)
        let theirs = try TestSupport.run(oracle, ["-dump", file], environment: go.environment())
        XCTAssertEqual(ours.out, theirs.out.split(separator: "\n", maxSplits: 1).last.map(String.init))
    }

    func testUsageAndMissingPaths() throws {
        let cli = try CLI(self)
        XCTAssertEqual(try cli.run(["parse"]).status, 2)
        let missing = try cli.run(["parse", "no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("heapsight: error: cannot read no/such/dir"), missing.err)
    }
}
