import FactStore
import Foundation
import PassKit
import XCTest

/// Opening: creation, WAL, refusals that leave files untouched, migration from version 1.
final class OpenAndMigrateTests: XCTestCase {
    func testNewStoreIsWALAndAtCurrentVersion() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let store = try FactStore.open(path: path)
        XCTAssertEqual(try store.schemaVersion(), 7)
        let raw = try RawSQLite(path: path)
        XCTAssertEqual(try raw.rows("PRAGMA journal_mode"), [["wal"]])
        XCTAssertEqual(try raw.rows("PRAGMA auto_vacuum"), [["2"]])
        XCTAssertEqual(try raw.rows("PRAGMA page_size"), [["65536"]])
        raw.close()
        let tables = try store.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows.map { $0[0]! }
        for t in ["runs", "packages", "files", "functions", "facts", "diagnostics", "function_metrics", "package_metrics", "directives", "pass_executions", "package_summaries", "schema_version"] {
            XCTAssertTrue(tables.contains(t), t)
        }
        XCTAssertEqual(try store.query("SELECT version FROM schema_version ORDER BY version").rows, [["1"], ["2"], ["3"], ["4"], ["5"], ["6"], ["7"]])
    }

    func testNonSQLiteFileIsRefusedUnchanged() throws {
        let dir = try StoreFixtures.tempDir(self)
        let path = dir.appendingPathComponent("notes.db").path
        let bytes = Data("these are my notes, not a database\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        for open in [FactStore.open, FactStore.openReadOnly] {
            XCTAssertThrowsError(try open(path)) { error in
                XCTAssertEqual(error as? FactStoreError, .notADatabase(path: path))
                XCTAssertTrue("\(error)".contains("--db"))
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["notes.db"])
    }

    func testForeignSQLiteDatabaseIsRefused() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("other.db").path
        let raw = try RawSQLite(path: path)
        try raw.exec("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES(1, 'x');")
        raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try FactStore.open(path: path)) { error in
            XCTAssertEqual(error as? FactStoreError, .foreignDatabase(path: path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testNewerSchemaIsRefusedWithActionableError() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        _ = try FactStore.open(path: path)
        let raw = try RawSQLite(path: path)
        try raw.exec("INSERT INTO schema_version VALUES(9, '2030-01-01', 'from the future'); PRAGMA wal_checkpoint(TRUNCATE);")
        raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try FactStore.open(path: path)) { error in
            XCTAssertEqual(error as? FactStoreError, .newerSchema(path: path, found: 9, supported: 7))
            XCTAssertTrue("\(error)".contains("upgrade heapsight"))
        }
        XCTAssertThrowsError(try FactStore.openReadOnly(path: path))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testReadOnlyOpenNeverCreates() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("missing.db").path
        XCTAssertThrowsError(try FactStore.openReadOnly(path: path)) { error in
            XCTAssertEqual(error as? FactStoreError, .missingDatabase(path: path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testMissingFolderGivesActionableError() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("no/such/dir/h.db").path
        XCTAssertThrowsError(try FactStore.open(path: path)) { error in
            guard case FactStoreError.cannotOpen = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("folder exists"))
        }
    }

    /// Builds a database exactly as version 1 wrote it (schema v1 DDL, one run with facts) and
    /// opens it: a `.bak-v1` copy is kept, the schema becomes current, the old run keeps its facts
    /// and gets its metrics.
    func testVersionOneDatabaseIsMigratedAfterBackup() throws {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let raw = try RawSQLite(path: path)
        try raw.exec(try String(contentsOf: TestSupportPaths.schemaV1Fixture, encoding: .utf8))
        raw.close()

        let store = try FactStore.open(path: path)
        XCTAssertEqual(try store.schemaVersion(), 7)
        let backup = path + ".bak-v1"
        XCTAssertTrue(FileManager.default.fileExists(atPath: backup))
        let old = try RawSQLite(path: backup)
        XCTAssertEqual(try old.rows("SELECT max(version) FROM schema_version"), [["1"]])
        XCTAssertEqual(try old.rows("SELECT count(*) FROM sqlite_schema WHERE name = 'function_metrics'"), [["0"]])
        old.close()

        let run = try XCTUnwrap(try store.run(id: 1))
        XCTAssertEqual(run.record.label, "before-upgrade")
        XCTAssertEqual(run.factCount, 4)
        XCTAssertEqual(try store.facts(run: 1).map(\.kind), [.canInline, .alloc, .escapes, .movedToHeap])
        // Metrics for the old run were computed by the migration.
        XCTAssertEqual(try store.query("""
            SELECT function_id, heap_sites, heap_sites_in_loops, escapes, moved_to_heap, inlinable
            FROM function_metrics WHERE run_id = 1 ORDER BY function_id
            """).rows, [["example.com/m.F", "1", "1", "1", "0", "1"], ["example.com/m.G", "0", "0", "0", "1", "0"]])
        XCTAssertEqual(try store.query("SELECT heap_sites_source FROM runs WHERE id = 1").rows, [["alloc"]])
        XCTAssertEqual(try store.query("SELECT count(*) FROM function_metrics WHERE run_id = 1 AND fingerprint <> 0").rows, [["2"]])
        // New runs continue the numbering.
        XCTAssertEqual(try store.record(StoreFixtures.sampleContent()), 2)
        // Opening again does not migrate or copy again.
        try FileManager.default.removeItem(atPath: backup)
        _ = try FactStore.open(path: path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: backup))
    }
}

extension OpenAndMigrateTests {
    /// Loads a dumped database of schema `version` and opens it: the schema becomes current and
    /// a `.bak-vN` copy at the old version is kept. Returns the store and the backup's path.
    func migrated(_ fixture: URL, from version: Int) throws -> (FactStore, String) {
        let path = try StoreFixtures.tempDir(self).appendingPathComponent("h.db").path
        let raw = try RawSQLite(path: path)
        try raw.exec(try String(contentsOf: fixture, encoding: .utf8))
        XCTAssertEqual(try raw.rows("SELECT max(version) FROM schema_version"), [["\(version)"]])
        raw.close()
        let store = try FactStore.open(path: path)
        XCTAssertEqual(try store.schemaVersion(), 7)
        let backup = path + ".bak-v\(version)"
        let old = try RawSQLite(path: backup)
        XCTAssertEqual(try old.rows("SELECT max(version) FROM schema_version"), [["\(version)"]])
        old.close()
        return (store, backup)
    }

    /// A database written by schema version 2 (metrics without fingerprints) is migrated: a
    /// `.bak-v2` copy is kept and fingerprints are computed, so that a diff against a run
    /// recorded after the upgrade is right.
    func testVersionTwoDatabaseIsMigratedAndDiffsStillWork() throws {
        let (store, _) = try migrated(TestSupportPaths.schemaV2Fixture, from: 2)
        // Run 2 repeats run 1 with G's moved-to-heap gone and the rest moved down two lines.
        var facts = try store.facts(run: 1).filter { $0.kind != .movedToHeap }
        for i in facts.indices { facts[i].line += 2 }
        let run = try XCTUnwrap(try store.run(id: 1)).record
        let id = try store.record(RunContent(run: run, functions: try store.functions(run: 1), facts: facts))
        let diff = try store.diff(base: 1, head: id)
        XCTAssertEqual(diff.changes.map(\.function), ["example.com/m.G"])
        XCTAssertEqual(diff.changes.first?.disappeared.map(\.subject), ["v"])
        XCTAssertEqual(diff.appearedCount, 0)
    }

    /// A database written by schema version 3 (no directives table) is migrated to 4: a
    /// `.bak-v3` copy is kept, the old run keeps its facts and is marked as recorded without
    /// directives (nil, not "none"), and a run recorded afterwards stores and returns its own.
    func testVersionThreeDatabaseIsMigratedAndOldRunsSayTheirDirectivesAreUnknown() throws {
        let (store, backup) = try migrated(TestSupportPaths.schemaV3Fixture, from: 3)
        let old = try RawSQLite(path: backup)
        XCTAssertEqual(try old.rows("SELECT count(*) FROM sqlite_schema WHERE name = 'directives'"), [["0"]])
        old.close()
        XCTAssertEqual(try store.facts(run: 1).count, 4)
        XCTAssertNil(try store.directives(run: 1), "a run recorded before version 4 has unknown directives")

        let run = try XCTUnwrap(try store.run(id: 1)).record
        let found = StoreFixtures.sampleDirectives()
        let id = try store.record(RunContent(run: run, functions: try store.functions(run: 1), directives: found))
        XCTAssertEqual(try store.directives(run: id), found)
        XCTAssertEqual(try store.query("SELECT directives_recorded FROM runs ORDER BY id").rows, [["0"], ["1"]])
    }

    /// A database written by schema version 4 (no record of which passes ran) is migrated to 6:
    /// its runs say "not known" (nil), never "nothing ran" or "everything ran", so a policy
    /// cannot pass a rule on them; a run recorded afterwards stores and returns its executions.
    func testVersionFourDatabaseIsMigratedAndOldRunsSayTheirPassesAreUnknown() throws {
        let (store, _) = try migrated(TestSupportPaths.schemaV4NativeFixture, from: 4)
        XCTAssertNil(try store.passExecutions(run: 1))
        XCTAssertNil(try store.passExecutions(run: 2))
        XCTAssertEqual(try store.facts(run: 2).map(\.kind), [.canInline])

        let run = try XCTUnwrap(try store.run(id: 2)).record
        let passes = [
            PassExecution(package: "example.com/m", pass: "inlining", status: .ran, factKinds: [.canInline, .cannotInline]),
            PassExecution(package: "example.com/m", pass: "escape", status: .skipped,
                          reason: "the native engine does not compute it yet; use --engine gc", factKinds: [.escapes, .movedToHeap]),
            PassExecution(package: "example.com/m", pass: "x", status: .failed, reason: "exited with status 3", factKinds: []),
        ]
        let id = try store.record(RunContent(run: run, passes: passes))
        XCTAssertEqual(try store.passExecutions(run: id), passes.sorted { $0.pass < $1.pass })
        XCTAssertEqual(try store.query("SELECT passes_recorded FROM runs ORDER BY id").rows, [["0"], ["0"], ["1"]])
        XCTAssertEqual(try store.passExecutions(run: try store.record(RunContent(run: run))), [],
                       "a run with no passes recorded says so: an empty list, not unknown")
    }
}

/// Paths of checked-in test data.
enum TestSupportPaths {
    /// A database dump as heapsight's schema version 1 wrote it.
    static var schemaV1Fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-v1.sql")
    }
    /// A database dump as heapsight's schema version 2 wrote it.
    static var schemaV2Fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-v2.sql")
    }
    /// A database dump as heapsight's schema version 3 wrote it.
    static var schemaV3Fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-v3.sql")
    }
    /// A database dump as heapsight's schema version 4 wrote it.
    static var schemaV4Fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-v4.sql")
    }
    /// A database dump as heapsight's schema version 4 wrote it, with a gc run and a native run.
    static var schemaV4NativeFixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-v4-native.sql")
    }
}
