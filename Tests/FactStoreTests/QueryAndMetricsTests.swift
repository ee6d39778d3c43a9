import FactStore
import Foundation
import PassKit
import XCTest

/// The read-only query connection and the materialized metrics.
final class QueryAndMetricsTests: XCTestCase {
    func testQueryReturnsRowsAsText() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            try store.record(StoreFixtures.sampleContent(label: "v1"))
            let result = try store.query("SELECT id, label, git_commit, 1.5 AS x FROM runs")
            XCTAssertEqual(result.columns, ["id", "label", "git_commit", "x"])
            XCTAssertEqual(result.rows, [["1", "v1", nil, "1.5"]])
        }
    }

    func testWritesThroughQueryAreRefusedAndChangeNothing() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            try store.record(StoreFixtures.sampleContent())
            let writes = ["DELETE FROM facts", "UPDATE runs SET label = 'x'", "DROP TABLE runs",
                          "INSERT INTO runs(id) VALUES(5)", "CREATE TABLE t(x INTEGER)"]
                + (backend == .sqlite ? ["PRAGMA query_only = 0", "pragma  QUERY_ONLY=false", "VACUUM"]
                   : ["SET TRANSACTION READ WRITE", "SELECT set_config('transaction_read_only', 'off', false)", "VACUUM",
                      "SELECT nextval('runs_id_seq')"])
            for sql in writes {
                XCTAssertThrowsError(try store.query(sql), sql) { error in
                    guard case FactStoreError.writeRefused = error else { return XCTFail("\(sql): \(error)") }
                }
            }
            XCTAssertEqual(try store.query("SELECT count(*) FROM facts").rows, [["11"]])
            XCTAssertEqual(try store.query("SELECT label FROM runs").rows, [[nil]])
            let ro = try FactStore.openReadOnly(path: location)
            XCTAssertThrowsError(try ro.query("DELETE FROM facts"))
            XCTAssertThrowsError(try ro.record(StoreFixtures.sampleContent()))
            XCTAssertEqual(try ro.query("SELECT count(*) FROM facts").rows, [["11"]])
        }
    }

    func testBadQueryGivesTypedError() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            XCTAssertThrowsError(try store.query("SELECT nope FROM runs")) { error in
                guard case FactStoreError.queryFailed = error else { return XCTFail("\(error)") }
                XCTAssertTrue("\(error)".contains(backend == .sqlite ? "no such column" : "column \"nope\" does not exist"), "\(error)")
            }
            try store.record(StoreFixtures.sampleContent())
            XCTAssertThrowsError(try store.query("SELECT 1; DELETE FROM facts")) { error in
                guard case FactStoreError.multipleStatements = error else { return XCTFail("\(error)") }
            }
            XCTAssertThrowsError(try store.query("  -- nothing here\n ;")) { error in
                XCTAssertEqual(error as? FactStoreError, .emptyQuery)
            }
            XCTAssertEqual(try store.query("SELECT count(*) FROM facts").rows, [["11"]])
            XCTAssertEqual(try store.query("SELECT id FROM runs WHERE id > 5").columns, ["id"])
        }
    }

    func testMetricsFollowTheDocumentedDefinitions() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            try store.record(StoreFixtures.sampleContent())
            let fm = try store.query("""
                SELECT function_id, package, heap_sites, heap_sites_in_loops, moved_to_heap, escapes, no_escape, leaks,
                  inlinable, not_inlinable, allocs, facts FROM function_metrics WHERE run_id = 1 ORDER BY function_id
                """).rows
            XCTAssertEqual(fm, [
                ["example.com/m/a.F", "example.com/m/a", "1", "0", "0", "1", "0", "0", "1", "0", "1", "3"],
                ["example.com/m/a.G", "example.com/m/a", "1", "1", "1", "0", "0", "0", "0", "1", "2", "4"],
                ["example.com/m/b.(*T).Run", "example.com/m/b", "0", "0", "0", "0", "1", "1", "0", "0", "0", "2"],
            ])
            // Package b also counts its package-level allocation (no enclosing function); the
            // external fmt fact counts nowhere.
            let pm = try store.query("""
                SELECT package, functions, heap_sites, heap_sites_in_loops, inlinable, not_inlinable, facts
                FROM package_metrics WHERE run_id = 1 ORDER BY package
                """).rows
            XCTAssertEqual(pm, [["example.com/m/a", "2", "2", "1", "1", "1", "7"],
                                ["example.com/m/b", "1", "1", "0", "0", "0", "3"]])
            XCTAssertEqual(try store.query("SELECT heap_sites_source FROM runs").rows, [["alloc"]])
        }
    }

    func testHeapSitesFallBackToEscapesWithoutAllocFacts() throws {
        try onEachBackend { backend, location in
            let store = try FactStore.open(path: location)
            var content = StoreFixtures.sampleContent()
            content.facts.removeAll { $0.kind == .alloc }
            try store.record(content)
            XCTAssertEqual(try store.query("SELECT heap_sites_source FROM runs").rows, [["escapes"]])
            XCTAssertEqual(try store.query("""
                SELECT function_id, heap_sites, heap_sites_in_loops FROM function_metrics ORDER BY function_id
                """).rows, [["example.com/m/a.F", "1", "0"], ["example.com/m/a.G", "1", "0"], ["example.com/m/b.(*T).Run", "0", "0"]])
        }
    }
}
