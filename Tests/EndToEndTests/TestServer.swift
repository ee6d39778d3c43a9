import Foundation
import TestSupport
import XCTest

/// The PostgreSQL server the end-to-end store tests use, named by `HEAPSIGHT_TEST_POSTGRES`
/// (`.ci/run` starts one with scripts/postgres-cluster). Without it the PostgreSQL half of a test
/// is skipped, except under CI, where a missing server is a broken setup and fails the test.
enum TestServer {
    /// The test server's URL, nil when none is configured.
    static var baseURL: String? {
        ProcessInfo.processInfo.environment["HEAPSIGHT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True when this environment must test PostgreSQL: a server is named, or this is CI.
    static var required: Bool {
        baseURL != nil || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } == true
    }

    /// `psql`, which the tests use to create, drop and inspect databases.
    static var psql: String { TestSupport.which("psql") ?? "/usr/bin/psql" }

    /// The server's URL, or a skip (a failure under CI) when there is none.
    static func base() throws -> String {
        guard let base = baseURL else {
            if required { throw TestSetupFailure("CI is set but HEAPSIGHT_TEST_POSTGRES is not: .ci/run must start the PostgreSQL server") }
            throw XCTSkip("HEAPSIGHT_TEST_POSTGRES is not set; start a server with scripts/postgres-cluster")
        }
        return base
    }

    /// A database name no other test uses.
    static func uniqueName() -> String {
        "e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }

    /// `base` with its database replaced by `name`.
    static func url(_ base: String, database name: String) -> String {
        var c = URLComponents(string: base)!
        c.path = "/" + name
        return c.string!
    }

    /// Runs one SQL statement with psql on the server's own database; the result's status and output.
    @discardableResult
    static func psql(_ sql: String, on url: String? = nil) throws -> TestSupport.ProcessResult {
        try TestSupport.run(psql, [url ?? base(), "-qAtc", sql])
    }

    /// Whether the server has a database called `name`.
    static func exists(_ name: String) throws -> Bool {
        try psql("SELECT count(*) FROM pg_database WHERE datname = '\(name)'").out == "1\n"
    }

    /// The tables of the database at `url` (none for an empty one).
    static func tables(_ url: String) throws -> [String] {
        try psql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1", on: url)
            .out.split(separator: "\n").map(String.init)
    }
}

extension XCTestCase {
    /// A new, empty database on the test server, dropped at teardown.
    func serverDatabase() throws -> String {
        let base = try TestServer.base()
        let name = TestServer.uniqueName()
        let created = try TestServer.psql("CREATE DATABASE \(name)")
        XCTAssertEqual(created.status, 0, "the test server cannot be reached: \(created.err)")
        dropAtTeardown(name)
        return TestServer.url(base, database: name)
    }

    /// A URL on the test server naming a database that does not exist (dropped at teardown in
    /// case the test creates it).
    func absentServerDatabase() throws -> (url: String, name: String) {
        let base = try TestServer.base()
        let name = TestServer.uniqueName()
        dropAtTeardown(name)
        return (TestServer.url(base, database: name), name)
    }

    private func dropAtTeardown(_ name: String) {
        addTeardownBlock { _ = try? TestServer.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }
}

/// A test environment that cannot run what it must.
struct TestSetupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
