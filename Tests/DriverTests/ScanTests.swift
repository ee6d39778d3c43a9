import FactStore
import PassKit
import XCTest
@testable import Driver
import enum GoSyntax.SHA256

final class ScanTests: XCTestCase {
    /// Kinds the built-in engine passes (inlining, escape) report under the native engine.
    static let engineKinds: Set<String> = ["can-inline", "cannot-inline", "inline-call", "moved-to-heap", "escapes",
                                           "no-escape", "leak-param", "leak-param-content", "leak-result"]

    /// The facts of the fake `makes` pass (the built-in allocations pass reports `alloc` facts
    /// too, with the compiler's subjects, never the bare `make`).
    static func makesFacts(_ fx: ScanFixture, _ outcome: ScanOutcome) throws -> [Fact] {
        try fx.store().facts(run: outcome.runID).filter { $0.kind == .alloc && $0.subject == "make" }
    }

    static let module: [String: String] = [
        "go.mod": "module example.com/m\n\ngo 1.27\n",
        "a/a.go": "package a\n\nfunc A(n int) []byte {\n\treturn make([]byte, n)\n}\n",
        "b/b.go": "package b\n\nimport \"example.com/m/a\"\n\nfunc B() { _ = a.A(3); _ = make([]int, 2) }\n",
        "broken/broken.go": "package broken\n\nfunc X() { _ = make([]int, 1) }\n",
        "c/c.go": "package c\n\nimport (\n\t\"example.com/m/a\"\n\t\"example.com/m/b\"\n)\n\nfunc C() { a.A(1); b.B() }\n",
    ]

    func testScanRecordsPackagesFilesFactsAndMetadata() throws {
        let fx = try ScanFixture(Self.module)
        let outcome = try runScan(fx.request(extra: [FakePasses.makes], label: "first"))
        XCTAssertEqual(outcome.packageCount, 4)
        XCTAssertEqual(outcome.fileCount, 4)
        // The built-in passes (engine native) add their verdicts; this test is about the rest.
        XCTAssertEqual(Set(outcome.factsByKind.keys).subtracting(Self.engineKinds), ["alloc"])
        XCTAssertEqual(try Self.makesFacts(fx, outcome).count, 3)
        XCTAssertEqual(outcome.status, "ok")
        let store = try fx.store()
        let run = try XCTUnwrap(try store.run(id: outcome.runID))
        XCTAssertEqual(run.record.label, "first")
        XCTAssertEqual(run.record.engine, "native")
        XCTAssertEqual(run.record.toolVersion, "test")
        XCTAssertEqual(run.record.roots, [fx.tree.path])
        XCTAssertFalse(run.record.goos.isEmpty)
        XCTAssertEqual(run.record.configHash, SHA256.hex(of: []))
        // Bottom-up order is what the store keeps for packages.
        XCTAssertEqual(try store.packages(run: outcome.runID).map(\.importPath).sorted(),
                       ["example.com/m/a", "example.com/m/b", "example.com/m/broken", "example.com/m/c"])
        let files = try store.files(run: outcome.runID)
        let a = try XCTUnwrap(files.first { $0.path == "a/a.go" })
        XCTAssertEqual(a.sha256, SHA256.hex(of: Array(Self.module["a/a.go"]!.utf8)))
        XCTAssertEqual(a.lines, 5)
        XCTAssertEqual(try Self.makesFacts(fx, outcome).map(\.tsvLine),
                       ["a/a.go\t4\t9\talloc\tmake\tmake-slice heap depth=0",
                        "b/b.go\t5\t28\talloc\tmake\tmake-slice heap depth=0",
                        "broken/broken.go\t3\t16\talloc\tmake\tmake-slice heap depth=0"])
    }

    func testParallelScanRecordsTheSameAsSerial() throws {
        let fx = try ScanFixture(Self.module)
        let serial = try runScan(fx.request(jobs: 1, extra: [FakePasses.makes]))
        let parallel = try runScan(fx.request(jobs: 2, extra: [FakePasses.makes]))
        let store = try fx.store()
        XCTAssertEqual(try store.exportTSV(run: serial.runID), try store.exportTSV(run: parallel.runID))
        XCTAssertEqual(try store.packages(run: serial.runID), try store.packages(run: parallel.runID))
        XCTAssertEqual(try store.files(run: serial.runID), try store.files(run: parallel.runID))
        XCTAssertEqual(try store.diagnostics(run: serial.runID), try store.diagnostics(run: parallel.runID))
    }

    func testAFailingPassFailsOnlyThatPackage() throws {
        let fx = try ScanFixture(Self.module)
        let outcome = try runScan(fx.request(extra: [FakePasses.makes, FakePasses.picky, FakePasses.afterPicky]))
        XCTAssertEqual(outcome.status, "partial")
        XCTAssertEqual(outcome.failedPackages, ["example.com/m/broken"])
        XCTAssertEqual(try Self.makesFacts(fx, outcome).count, 3, "facts of other passes on the failing package are kept")
        let diags = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "pass:picky" || $0.source == "pass:after-picky" }
        let bySource = Dictionary(grouping: diags, by: \.source)
        XCTAssertEqual(diags.count, 2)
        XCTAssertTrue(bySource["pass:picky"]?.first?.message.contains("refuses package broken") ?? false)
        XCTAssertTrue(bySource["pass:after-picky"]?.first?.message.contains("required pass picky failed") ?? false)
        let packages = try fx.store().packages(run: outcome.runID)
        XCTAssertEqual(packages.filter(\.failed).map(\.importPath), ["example.com/m/broken"])
    }

    func testDisabledPassDoesNotRunAndIsListedAsSkipped() throws {
        let fx = try ScanFixture(Self.module)
        try fx.write("off.yml", "passes:\n  makes:\n    enabled: false\n")
        let outcome = try runScan(fx.request(extra: [FakePasses.makes], config: "off.yml"))
        XCTAssertEqual(try Self.makesFacts(fx, outcome), [])
        XCTAssertEqual(outcome.skipped.filter { $0.hasPrefix("makes") }, ["makes: disabled in heapsight.yml"])
        XCTAssertNotEqual(try fx.store().run(id: outcome.runID)?.record.configHash, SHA256.hex(of: []))
    }

    /// Every registered pass is recorded on every package with whether it computed its facts
    /// there, so that the policy can tell "nothing found" from "not looked at": a disabled pass,
    /// a pass that threw and a pass whose requirement failed are each named with the reason.
    func testEachPassIsRecordedPerPackageWithWhetherItComputedItsFacts() throws {
        let fx = try ScanFixture(Self.module)
        try fx.write("off.yml", "passes:\n  makes:\n    enabled: false\n")
        let outcome = try runScan(fx.request(extra: [FakePasses.makes, FakePasses.picky, FakePasses.afterPicky], config: "off.yml"))
        let executions = try XCTUnwrap(try fx.store().passExecutions(run: outcome.runID))
        XCTAssertEqual(Set(executions.map(\.package)), ["example.com/m/a", "example.com/m/b", "example.com/m/broken", "example.com/m/c"])
        let broken = Dictionary(uniqueKeysWithValues: executions.filter { $0.package == "example.com/m/broken" }.map { ($0.pass, $0) })
        XCTAssertEqual(Set(broken.keys), ["functions", "inlining", "escape", "allocations", "bounds", "makes", "picky", "after-picky"])
        XCTAssertEqual(broken["functions"]?.status, .ran)
        XCTAssertEqual(broken["escape"]?.factKinds, [.movedToHeap, .escapes, .noEscape, .leakParam, .leakParamContent, .leakResult])
        XCTAssertEqual(broken["allocations"]?.factKinds, [.alloc])
        XCTAssertEqual(broken["bounds"]?.factKinds, [.boundsCheck])
        XCTAssertEqual(broken["makes"].map { [$0.status.rawValue, $0.reason] }, ["skipped", "disabled in heapsight.yml"])
        XCTAssertEqual(broken["picky"].map { [$0.status.rawValue, $0.reason] }, ["failed", "refuses package broken"])
        XCTAssertEqual(broken["after-picky"].map { [$0.status.rawValue, $0.reason] }, ["skipped", "required pass picky failed"])
        XCTAssertEqual(executions.first { $0.package == "example.com/m/a" && $0.pass == "picky" }?.status, .ran)
    }

    func testOperationalErrorsWriteNothing() throws {
        let fx = try ScanFixture(Self.module)
        var missingDir = fx.request()
        missingDir.dbPath = fx.root.appendingPathComponent("nope/heapsight.db").path
        XCTAssertThrowsError(try runScan(missingDir)) {
            XCTAssertTrue(String(describing: $0).contains("does not exist"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missingDir.dbPath))

        var created = fx.request()
        created.dbPath = fx.root.appendingPathComponent("made/heapsight.db").path
        created.createDatabaseDirectory = true
        XCTAssertNoThrow(try runScan(created))

        var badPath = fx.request()
        badPath.paths = [fx.tree.appendingPathComponent("missing").path]
        XCTAssertThrowsError(try runScan(badPath)) { XCTAssertTrue(String(describing: $0).contains("no such file")) }
        try fx.write("bad.yml", "passes:\n  nosuch: {}\n")
        XCTAssertThrowsError(try runScan(fx.request(config: "bad.yml"))) {
            XCTAssertTrue(String(describing: $0).contains("passes.nosuch"), "\($0)")
        }
        try fx.write("empty/readme.txt", "no go here")
        var empty = fx.request()
        empty.paths = [fx.tree.appendingPathComponent("empty").path]
        XCTAssertThrowsError(try runScan(empty)) { XCTAssertTrue(String(describing: $0).contains("no Go packages")) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fx.dbPath), "no scan above reached the store")
    }

    func testLoaderProblemsBecomeDiagnosticsAndTheRestIsScanned() throws {
        var files = Self.module
        files["a/notgo.go"] = "this is not go"
        let fx = try ScanFixture(files)
        try Data([0x70, 0x61, 0xff, 0xfe]).write(to: fx.tree.appendingPathComponent("a/binary.go"))
        let outcome = try runScan(fx.request(extra: [FakePasses.makes]))
        XCTAssertEqual(outcome.status, "partial")
        XCTAssertEqual(try Self.makesFacts(fx, outcome).count, 3)
        let loader = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "loader" && $0.severity == .error }
        XCTAssertEqual(loader.map(\.file), ["a/binary.go", "a/notgo.go"])
    }

    func testEnclosingFunctionIsTheInnermostRecord() {
        let outer = FunctionRecord(id: "p.F", package: "p", receiver: "", name: "F", file: "x.go", line: 3, column: 6,
                                   startLine: 3, startColumn: 1, endLine: 10, endColumn: 1, lineCount: 8,
                                   statementCount: 3, directives: [], isLiteral: false, parent: nil)
        let inner = FunctionRecord(id: "p.F.func1", package: "p", receiver: "", name: "func1", file: "x.go", line: 5, column: 7,
                                   startLine: 5, startColumn: 7, endLine: 7, endColumn: 2, lineCount: 3,
                                   statementCount: 1, directives: [], isLiteral: true, parent: "p.F")
        let facts = [Fact(kind: .alloc, file: "x.go", line: 6, column: 3, subject: "a"),
                     Fact(kind: .alloc, file: "x.go", line: 8, column: 3, subject: "b"),
                     Fact(kind: .alloc, file: "x.go", line: 12, column: 3, subject: "c"),
                     Fact(kind: .alloc, file: "y.go", line: 6, column: 3, subject: "d")]
        XCTAssertEqual(EnclosingFunctionIndex([outer, inner]).assignUnattributed(facts).map(\.function), ["p.F.func1", "p.F", nil, nil])
    }
}

final class TargetConfigurationTests: XCTestCase {
    func testGOOSGOARCHTagsAndCgoComeFromTheConfiguration() throws {
        let fx = try ScanFixture([
            "go.mod": "module example.com/t\n\ngo 1.27\n",
            "all.go": "package t\n\nfunc All() {}\n",
            "win_windows.go": "package t\n\nfunc Win() {}\n",
            "arm_arm64.go": "package t\n\nfunc Arm() {}\n",
            "tagged.go": "//go:build special\n\npackage t\n\nfunc Tagged() {}\n",
            "cgo.go": "package t\n\nimport \"C\"\n\nfunc Cgo() {}\n",
            "windows.yml": "goos: windows\ngoarch: arm64\ngo:\n  tags: [special]\n  cgo: true\n",
        ])
        let host = try runScan(fx.request())
        let windows = try runScan(fx.request(config: "windows.yml"))
        let store = try fx.store()
        XCTAssertEqual(try store.functions(run: host.runID).map(\.name).sorted(), ["All"])
        XCTAssertEqual(try store.functions(run: windows.runID).map(\.name).sorted(), ["All", "Arm", "Cgo", "Tagged", "Win"])
        let run = try XCTUnwrap(try store.run(id: windows.runID))
        XCTAssertEqual(run.record.goos, "windows")
        XCTAssertEqual(run.record.goarch, "arm64")
    }
}

final class TestFilesTests: XCTestCase {
    func testTestFilesOnlyWithIncludeTests() throws {
        let fx = try ScanFixture([
            "go.mod": "module example.com/tt\n\ngo 1.27\n",
            "a.go": "package tt\n\nfunc A() int { return 1 }\n",
            "a_test.go": "package tt\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) { _ = A() }\n",
            "ext_test.go": "package tt_test\n\nimport \"testing\"\n\nfunc TestExt(t *testing.T) { t.Run(\"x\", func(t *testing.T) {}) }\n",
        ])
        let without = try runScan(fx.request())
        var request = fx.request()
        request.includeTests = true
        let with = try runScan(request)
        let store = try fx.store()
        XCTAssertEqual(try store.functions(run: without.runID).map(\.id), ["example.com/tt.A"])
        XCTAssertEqual(try store.functions(run: with.runID).map(\.id).sorted(),
                       ["example.com/tt.A", "example.com/tt.TestA", "example.com/tt_test.TestExt", "example.com/tt_test.TestExt.func1"])
        XCTAssertEqual(try store.packages(run: with.runID).map(\.importPath).sorted(), ["example.com/tt", "example.com/tt_test"])
    }
}
