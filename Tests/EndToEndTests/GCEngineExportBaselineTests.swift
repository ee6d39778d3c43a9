import Foundation
import TestSupport
import XCTest

/// The gc engine's full export (`export --include-external`, TSV and JSON with explanations)
/// of the example, the engine's fixtures and encoding/json, against the exports recorded in
/// `Tests/GCEngineTests/Fixtures/export-baseline` (see its README: they were recorded by the
/// engine that compiled every package afresh with a `-json` log, whose facts the normalizer
/// tests check against the compiler). Each tree is scanned twice: the second scan is served by
/// the go build cache, so both the compiled and the replayed path must give the same bytes.
/// After a deliberate change to the facts, re-record with `HEAPSIGHT_UPDATE_GOLDEN=1`.
final class GCEngineExportBaselineTests: XCTestCase {
    static let baselines = TestSupport.repoRoot.appendingPathComponent("Tests/GCEngineTests/Fixtures/export-baseline")

    func goEnvironment() -> [String: String] {
        var env = TestSupport.goToolchain.environment()
        let dir = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent
        env["PATH"] = dir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        return env
    }

    /// Scans `target` twice and checks both runs' exports against the baseline `name`.
    func checkExports(of target: String, name: String, jsonByHash: Bool = false) throws {
        let cli = try CLI(self)
        for run in 1...2 {
            let scan = try cli.run(["scan", target, "--engine", "gc", "--db", "h.db", "--quiet"], environment: goEnvironment())
            XCTAssertEqual(scan.status, 0, scan.err)
            let tsv = try cli.run(["export", "--db", "h.db", "--run", "\(run)", "--format", "tsv", "--include-external"])
            XCTAssertEqual(tsv.status, 0, tsv.err)
            try compare(tsv.out, to: "\(name).tsv", run: run)
            let json = try cli.run(["export", "--db", "h.db", "--run", "\(run)", "--format", "json", "--include-external"])
            XCTAssertEqual(json.status, 0, json.err)
            if jsonByHash {
                try compareHash(json.out, to: "\(name).json.sha256", scratch: cli.directory, run: run)
            } else {
                try compare(json.out, to: "\(name).json", run: run)
            }
        }
    }

    func compare(_ actual: String, to file: String, run: Int) throws {
        let url = Self.baselines.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["HEAPSIGHT_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = Array(zip(e, a)).firstIndex { $0.0 != $0.1 } ?? min(e.count, a.count)
        XCTFail("scan \(run): export differs from \(file) at line \(i + 1):\n  baseline: \(i < e.count ? String(e[i]) : "<end>")\n  actual:   \(i < a.count ? String(a[i]) : "<end>")")
    }

    func compareHash(_ actual: String, to file: String, scratch: URL, run: Int) throws {
        let exported = scratch.appendingPathComponent("export-\(run).json")
        try Data(actual.utf8).write(to: exported)
        let sum = try TestSupport.run("/usr/bin/sha256sum", [exported.path])
        XCTAssertEqual(sum.status, 0, sum.err)
        let hash = String(sum.out.prefix { !$0.isWhitespace })
        let url = Self.baselines.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["HEAPSIGHT_UPDATE_GOLDEN"] == "1" {
            try Data((hash + "\n").utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(hash, expected, "scan \(run): the JSON export (with explanations) differs from the one recorded in \(file)")
    }

    func testExamplesExportIsUnchanged() throws {
        try checkExports(of: TestSupport.repoRoot.appendingPathComponent("Examples").path, name: "examples")
    }

    func testEngineFixtureExportsAreUnchanged() throws {
        try checkExports(of: TestSupport.repoRoot.appendingPathComponent("Tests/GCEngineTests/Fixtures/escapes").path, name: "escapes")
        try checkExports(of: TestSupport.repoRoot.appendingPathComponent("Tests/PassesTests/Fixtures/allocs").path, name: "allocs")
        try checkExports(of: TestSupport.repoRoot.appendingPathComponent("Tests/PassesTests/Fixtures/wrappers").path, name: "wrappers")
    }

    /// encoding/json with `-S` prints a 29 MB assembly listing, read as it streams.
    func testEncodingJSONExportIsUnchanged() throws {
        try checkExports(of: TestSupport.goToolchain.goroot + "/src/encoding/json", name: "encoding-json", jsonByHash: true)
    }
}
