import Foundation
import TestSupport
import XCTest

/// Every command's help, the version, the export format and its determinism.
final class CommandTests: XCTestCase {
    func testHelpOnEveryCommandAndVersion() throws {
        let cli = try CLI(self)
        let root = try cli.run(["--help"])
        XCTAssertEqual(root.status, 0)
        for command in ["scan", "runs", "export", "query", "passes"] {
            XCTAssertTrue(root.out.contains("  \(command) "), "root help lists \(command)")
            let help = try cli.run([command, "--help"])
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.out.contains("USAGE: heapsight \(command)"), help.out)
        }
        XCTAssertTrue(try cli.run(["scan", "--help"]).out.contains("--db <FILE|URL>"))
        let version = try cli.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertNotNil(version.out.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), version.out)
    }

    func testPassesListsDocsFactsAndConfigKeys() throws {
        let cli = try CLI(self)
        let r = try cli.run(["passes"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("functions\n"), r.out)
        XCTAssertTrue(r.out.contains("  Every function"), r.out)
        XCTAssertTrue(r.out.contains("inlining\n"), r.out)
        let bounds = try XCTUnwrap(r.out.components(separatedBy: "\nbounds\n").last)
        XCTAssertTrue(bounds.contains("  engines: gc\n"), "bounds is computed by the gc engine only: \(r.out)")
        let escape = try XCTUnwrap(r.out.components(separatedBy: "\nescape\n").last)
        XCTAssertTrue(escape.hasPrefix("  ") && escape.contains("  engines: gc, native\n"), r.out)
    }

    func testMissingGOROOTIsReportedOnceAndIsNotAnError() throws {
        let cli = try CLI(self)
        try cli.write("m/go.mod", "module m\n\ngo 1.27\n")
        try cli.write("m/a.go", "package m\n\nfunc A() {}\n")
        try cli.write("m/b/b.go", "package b\n\nfunc B() {}\n")
        let r = try cli.run(["scan", "m"], environment: ["PATH": "/usr/bin:/bin", "HOME": cli.path(".")])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err.components(separatedBy: "no GOROOT found").count - 1, 1, r.err)
        XCTAssertTrue(r.err.hasPrefix("heapsight: note: "), r.err)
        XCTAssertTrue(r.out.contains("(ok)"), r.out)
        let goroot = try cli.run(["query", "select goroot is null from runs"])
        XCTAssertEqual(goroot.out, "1\n")
    }

    func testExportIsSortedDeterministicAndLeavesExternalFactsOut() throws {
        let cli = try CLI(self)
        XCTAssertEqual(try cli.run(["scan", CLI.examples, "--db", "a.db", "--quiet"]).status, 0)
        XCTAssertEqual(try cli.run(["scan", CLI.examples, "--db", "b.db", "--quiet", "--jobs", "2"]).status, 0)
        let a = try cli.run(["export", "--db", "a.db", "--format", "tsv"])
        let b = try cli.run(["export", "--db", "b.db", "--run", "1", "--format", "tsv"])
        XCTAssertEqual(a.status, 0, a.err)
        XCTAssertFalse(a.stdout.isEmpty)
        XCTAssertEqual(a.stdout, b.stdout, "identical input gives byte-identical export")
        let lines = a.out.split(separator: "\n")
        for line in lines { XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 6, String(line)) }
        let json = try cli.run(["export", "--db", "a.db", "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]]
        XCTAssertEqual(decoded?.count, lines.count)
        XCTAssertEqual(try cli.run(["export", "--db", "a.db", "--run", "7"]).status, 2)
    }
}
