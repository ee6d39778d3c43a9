@testable import FactStore
import Foundation
import XCTest

/// What only the PostgreSQL backend has to get right, checked against a real server (and, for
/// globs and the identity hash, against SQLite itself as the oracle).
final class PostgresServerTests: XCTestCase {
    func testGlobsMatchExactlyWhatSQLiteGlobMatches() throws {
        let url = try TestDatabases.create(self)
        let pg = try PostgresStoreConnection(location: try PostgresLocation(url: url), readOnly: false)
        let sqlite = try SQLiteConnection(path: ":memory:", flags: 0x02 | 0x04)
        let values = ["example.com/m/a", "example.com/m/b.F", "a.b", "a*b", "x[1]", "Xy", "", "ünï.code", "a.bc", "^$", "a\\b", "a|b", "a[b"]
        let patterns = ["*", "example.com/*", "*.F", "a?b", "a.b", "a[*]b", "x[[]1]", "[^a-z]*", "[]x]*", "*[a", "?", "*.?",
                        "ünï*", "^$", "a\\b", "a|b", "[!a]*", "A*"]
        for p in patterns {
            for v in values {
                let expected = try sqlite.scalarInt("SELECT ?1 GLOB ?2", [.text(v), .text(p)])
                let got = try pg.scalarInt("SELECT CAST(?1 ~ ?2 AS INTEGER)", [.text(v), SQLDialect.postgres.globArgument(p)])
                XCTAssertEqual(got, expected, "'\(v)' GLOB '\(p)'")
            }
        }
    }

    func testIdentityHashIsTheSameFunctionOnBothBackends() throws {
        let store = try FactStore.open(path: try TestDatabases.create(self))
        let sqlite = try SQLiteConnection(path: ":memory:", flags: 0x02 | 0x04)
        let samples: [(String?, String?, String?)] = [("alloc", "&T{}", "composite heap depth=0"), ("", "", ""),
                                                      ("escapes", "ünïcødé → 𝄞", nil), (nil, nil, nil),
                                                      ("can-inline", String(repeating: "x", count: 500), "cost=80")]
        for (a, b, c) in samples {
            let args: [SQLValue] = [.optional(a), .optional(b), .optional(c)]
            XCTAssertEqual(try store.db.scalarInt("SELECT heapsight_identity(?1, ?2, ?3)", args),
                           try sqlite.scalarInt("SELECT heapsight_identity(?1, ?2, ?3)", args), "\(args)")
        }
    }

    func testPasswordFromPGPASSWORDOrPasswordFileAndTLS() throws {
        guard let url = ProcessInfo.processInfo.environment["HEAPSIGHT_TEST_POSTGRES_PASSWORD_ROLE"],
              let secret = ProcessInfo.processInfo.environment["HEAPSIGHT_TEST_POSTGRES_PASSWORD"] else {
            if StoreBackend.serverRequired { throw TestSetupError("scripts/postgres-cluster sets HEAPSIGHT_TEST_POSTGRES_PASSWORD_ROLE") }
            throw XCTSkip("no password-protected role configured")
        }
        let file = try StoreFixtures.tempDir(self).appendingPathComponent("pgpass").path
        setenv("PGPASSFILE", file, 1)
        defer { unsetenv("PGPASSFILE"); unsetenv("PGPASSWORD") }
        XCTAssertThrowsError(try FactStore.open(path: url)) { error in
            guard case FactStoreError.cannotConnect = error else { return XCTFail("\(error)") }
            XCTAssertFalse("\(error)".contains(secret))
        }
        setenv("PGPASSWORD", secret, 1)
        XCTAssertEqual(try FactStore.open(path: url).schemaVersion(), 7)
        unsetenv("PGPASSWORD")
        let location = try PostgresLocation(url: url)
        try "\(location.host):\(location.port):\(location.database):\(location.user):\(secret)\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let tls = url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")
        let store = try FactStore.openReadOnly(path: tls)
        XCTAssertEqual(try store.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").rows, [["1"]])
        // The test server's certificate is self-signed: verify-full must refuse it.
        let verified = url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=verify-full")
        XCTAssertThrowsError(try FactStore.openReadOnly(path: verified)) { error in
            guard case FactStoreError.cannotConnect = error else { return XCTFail("\(error)") }
        }
    }

    func testOlderSchemaIsUpgradedNewerRefusedForeignRefused() throws {
        // A store left at schema version 2 with one run recorded under it.
        let url = try TestDatabases.create(self)
        let old = try PostgresStoreConnection(location: try PostgresLocation(url: url), readOnly: false)
        try old.writeTransaction {
            try old.prepareSchema()
            for migration in Schema.migrations.prefix(2) {
                try migration.apply(old)
                try old.run("INSERT INTO schema_version VALUES(?1, '2026-01-01T00:00:00Z', ?2)", [.integer(migration.version), .text(migration.summary)])
            }
        }
        try old.execute("""
            INSERT INTO runs(started_at, finished_at, roots, engine, tool_version, goos, goarch, config_hash, status, skipped)
              VALUES('2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', '["."]', 'gc', 'old', 'linux', 'amd64', 'x', 'ok', '[]');
            INSERT INTO functions(run_id, function_id, package, receiver, name, file, line, col, start_line, start_col, end_line, end_col, line_count, statement_count, directives, is_literal)
              VALUES(1, 'p.F', 'p', '', 'F', 'p.go', 3, 6, 3, 1, 9, 1, 7, 2, '[]', 0);
            INSERT INTO facts(run_id, kind, file, line, col, subject, detail, function_id, package, explanation, external)
              VALUES(1, 'alloc', 'p.go', 5, 9, '&T{}', 'composite heap depth=0', 'p.F', 'p', '[]', 0);
            """)
        try MetricsMaterializer.materialize(run: 1, on: old)
        let location = try PostgresLocation(url: url).display
        XCTAssertThrowsError(try FactStore.openReadOnly(path: url)) { error in
            XCTAssertEqual(error as? FactStoreError, .olderSchemaReadOnly(path: location, found: 2, supported: 7))
        }
        let store = try FactStore.open(path: url)
        XCTAssertEqual(try store.schemaVersion(), 7)
        XCTAssertEqual(try store.query("SELECT version FROM schema_version ORDER BY version").rows.map { $0[0]! }, ["1", "2", "3", "4", "5", "6", "7"])
        XCTAssertNil(try store.directives(run: 1))
        XCTAssertNil(try store.passExecutions(run: 1))
        // Version 3 computed the old run's fingerprint: an identical new run diffs empty.
        let again = try store.record(RunContent(
            run: try XCTUnwrap(store.run(id: 1)).record,
            functions: try store.functions(run: 1), facts: try store.facts(run: 1)))
        XCTAssertTrue(try store.diff(base: 1, head: again).isEmpty)
        XCTAssertEqual(try store.query("SELECT count(DISTINCT fingerprint) FROM function_metrics").rows, [["1"]])

        try old.run("INSERT INTO schema_version VALUES(9, '2030-01-01', 'from the future')")
        XCTAssertThrowsError(try FactStore.open(path: url)) { error in
            XCTAssertEqual(error as? FactStoreError, .newerSchema(path: location, found: 9, supported: 7))
        }
        XCTAssertThrowsError(try FactStore.openReadOnly(path: url))

        let foreign = try TestDatabases.create(self)
        try TestDatabases.admin(foreign, "CREATE TABLE customers(id integer)")
        XCTAssertThrowsError(try FactStore.open(path: foreign)) { error in
            guard case FactStoreError.foreignDatabase = error else { return XCTFail("\(error)") }
        }
        let empty = try TestDatabases.create(self)
        XCTAssertThrowsError(try FactStore.openReadOnly(path: empty)) { error in
            guard case FactStoreError.missingDatabase = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try TestDatabases.tables(empty), [], "a read-only open created nothing")
    }
}
