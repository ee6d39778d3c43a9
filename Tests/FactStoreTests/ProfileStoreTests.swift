import FactStore
import Foundation
import PassKit
import XCTest

/// Profiles recorded with a run (schema version 5): written in the run's transaction, read back
/// added up per position, counted in the metrics, and added to older stores by migration.
final class ProfileStoreTests: XCTestCase {
    /// Two profiles of the sample run: a heap profile hitting F's composite literal, G's make
    /// and an unknown line, plus a stale position; a CPU profile hitting F's line again.
    static func sampleProfiles() -> [ProfileRecord] {
        let heapSites = [
            ProfileSite(file: "a/a.go", line: 5, symbol: "example.com/m/a.F", functionID: "example.com/m/a.F", inlined: false,
                        status: .site, weight: ProfileWeight(allocObjects: 10, allocBytes: 640)),
            ProfileSite(file: "a/a.go", line: 14, symbol: "example.com/m/a.G", functionID: "example.com/m/a.G", inlined: true,
                        status: .site, weight: ProfileWeight(allocObjects: 3, allocBytes: 3000, inuseBytes: 1000)),
            ProfileSite(file: "b/b.go", line: 9, symbol: "example.com/m/b.(*T).Run", functionID: "example.com/m/b.(*T).Run",
                        inlined: false, status: .unknown, weight: ProfileWeight(allocObjects: 1, allocBytes: 48)),
            ProfileSite(file: "/build/old/a.go", line: 90, symbol: "example.com/m/a.Gone", functionID: nil, inlined: false,
                        status: .stale, weight: ProfileWeight(allocObjects: 2, allocBytes: 100000)),
        ]
        let cpuSites = [
            ProfileSite(file: "a/a.go", line: 5, symbol: "example.com/m/a.F", functionID: "example.com/m/a.F", inlined: false,
                        status: .site, weight: ProfileWeight(cpuNanoseconds: 20_000_000)),
        ]
        return [
            ProfileRecord(path: "mem.pprof", sha256: String(repeating: "c", count: 64), kind: .heap,
                          sampleTypes: ["alloc_objects/count", "alloc_space/bytes", "inuse_objects/count", "inuse_space/bytes"],
                          sampleCount: 40, attributedCount: 16, totalObjects: 20, totalBytes: 104000, totalCPUNanoseconds: 0,
                          durationNanoseconds: 0, sites: heapSites),
            ProfileRecord(path: "cpu.pprof", sha256: String(repeating: "d", count: 64), kind: .cpu,
                          sampleTypes: ["samples/count", "cpu/nanoseconds"], sampleCount: 7, attributedCount: 2,
                          totalObjects: 0, totalBytes: 0, totalCPUNanoseconds: 70_000_000, durationNanoseconds: 1_000_000_000,
                          sites: cpuSites),
        ]
    }

    func testProfilesRoundTripAndFeedTheMetrics() throws {
        try onEachBackend { _, location in
            let store = try FactStore.open(path: location)
            var content = StoreFixtures.sampleContent()
            content.profiles = Self.sampleProfiles()
            let id = try store.record(content)

            let stored = try store.profiles(run: id)
            XCTAssertEqual(stored.map(\.record.path), ["mem.pprof", "cpu.pprof"])
            var expected = Self.sampleProfiles()
            for i in expected.indices { expected[i].sites = [] }
            XCTAssertEqual(stored.map(\.record), expected)

            let sites = try store.profileSites(run: id)
            XCTAssertEqual(sites.map { "\($0.file):\($0.line)" }, ["/build/old/a.go:90", "a/a.go:5", "a/a.go:14", "b/b.go:9"])
            // F's line is in both profiles: bytes from the heap profile, CPU from the CPU profile.
            XCTAssertEqual(sites[1].weight, ProfileWeight(allocObjects: 10, allocBytes: 640, cpuNanoseconds: 20_000_000))
            XCTAssertEqual(sites[0].status, .stale)

            // Profiled bytes count positions in the source (site and unknown), never stale ones.
            let fn = try store.query("SELECT function_id, profiled_bytes, profiled_objects FROM function_metrics WHERE run_id = \(id) AND profiled_bytes > 0 ORDER BY function_id").rows
            XCTAssertEqual(fn, [["example.com/m/a.F", "640", "10"], ["example.com/m/a.G", "3000", "3"], ["example.com/m/b.(*T).Run", "48", "1"]])
            let pkg = try store.query("SELECT package, profiled_bytes FROM package_metrics WHERE run_id = \(id) ORDER BY package").rows
            XCTAssertEqual(pkg, [["example.com/m/a", "3640"], ["example.com/m/b", "48"]])
            let trend = try store.trend(TrendQuery(metric: .profiledBytes))
            XCTAssertEqual(trend.map(\.value), [3688])

            // Deleting the run deletes its profiles.
            _ = try Prune.run(store, keep: 0, before: nil, includeLabelled: true)
            XCTAssertEqual(try store.query("SELECT count(*) FROM profiles").rows, [["0"]])
            XCTAssertEqual(try store.query("SELECT count(*) FROM profile_sites").rows, [["0"]])
        }
    }

    /// A database written by schema version 4 is migrated to 5: a `.bak-v4` copy is kept, the
    /// old run has no profiles and zero profiled bytes, and a new run records its own.
    func testVersionFourDatabaseIsMigratedAndOldRunsHaveNoProfiles() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let raw = try RawSQLite(path: path)
        try raw.exec(try String(contentsOf: TestSupportPaths.schemaV4Fixture, encoding: .utf8))
        XCTAssertEqual(try raw.rows("SELECT max(version) FROM schema_version"), [["4"]])
        raw.close()
        let store = try FactStore.open(path: path)
        XCTAssertEqual(try store.schemaVersion(), 7)
        let old = try RawSQLite(path: path + ".bak-v4")
        XCTAssertEqual(try old.rows("SELECT count(*) FROM sqlite_schema WHERE name = 'profiles'"), [["0"]])
        old.close()
        XCTAssertEqual(try store.facts(run: 1).count, 4)
        XCTAssertEqual(try store.profiles(run: 1), [])
        XCTAssertEqual(try store.query("SELECT DISTINCT profiled_bytes FROM function_metrics WHERE run_id = 1").rows, [["0"]])

        var content = RunContent(run: try XCTUnwrap(try store.run(id: 1)).record, functions: try store.functions(run: 1))
        content.profiles = Self.sampleProfiles()
        let id = try store.record(content)
        XCTAssertEqual(try store.profileSites(run: id).count, 4)
    }
}
