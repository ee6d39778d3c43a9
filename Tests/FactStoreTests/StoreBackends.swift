@testable import FactStore
import Foundation
import XCTest

/// The two backends the store's tests run on, with identical expectations.
///
/// PostgreSQL tests use the server named by `HEAPSIGHT_TEST_POSTGRES` (a `postgres://` URL of a
/// role that may create databases; `.ci/run` starts one with `scripts/postgres-cluster`). Each
/// test gets a database of its own, dropped when the test ends. When the variable is set, a
/// server that cannot be reached fails the test; when it is not set, the PostgreSQL half of each
/// test does not run and says so on stderr.
enum StoreBackend: String, CaseIterable {
    case sqlite
    case postgres

    /// The environment variable naming the test server.
    static let serverVariable = "HEAPSIGHT_TEST_POSTGRES"

    /// The test server's URL, nil when none is configured.
    static var serverURL: String? {
        ProcessInfo.processInfo.environment[serverVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True when this environment must test PostgreSQL: a server is named, or this is CI
    /// (`CI` set), where `.ci/run` starts one and a missing URL is a broken setup.
    static var serverRequired: Bool {
        serverURL != nil || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } == true
    }

    /// The backends this environment tests: SQLite always, PostgreSQL when required.
    static var available: [StoreBackend] {
        if !serverRequired {
            FileHandle.standardError.write(Data("note: \(serverVariable) is not set; the PostgreSQL half of the store tests did not run\n".utf8))
            return [.sqlite]
        }
        return allCases
    }

    /// A location for a new, empty store of this backend, removed when `test` ends.
    func newLocation(_ test: XCTestCase) throws -> String {
        switch self {
        case .sqlite:
            return try StoreFixtures.tempDir(test).appendingPathComponent("h.db").path
        case .postgres:
            return try TestDatabases.create(test)
        }
    }
}

/// Fresh PostgreSQL databases on the test server.
enum TestDatabases {
    /// Creates a database with a unique name and returns its URL; it is dropped at teardown.
    static func create(_ test: XCTestCase) throws -> String {
        guard let base = StoreBackend.serverURL else {
            if StoreBackend.serverRequired {
                throw TestSetupError("CI is set but \(StoreBackend.serverVariable) is not: .ci/run must start the PostgreSQL server")
            }
            throw XCTSkip("\(StoreBackend.serverVariable) is not set; start a server with scripts/postgres-cluster")
        }
        let name = "hs_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try admin(base, "CREATE DATABASE \(name)")
        test.addTeardownBlock { try? admin(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return url(base, database: String(name))
    }

    /// `base` with its database replaced.
    static func url(_ base: String, database: String) -> String {
        var c = URLComponents(string: base)!
        c.path = "/" + database
        return c.string!
    }

    /// The tables of a database.
    static func tables(_ url: String) throws -> [String] {
        try PostgresStoreConnection(location: try PostgresLocation(url: url), readOnly: true).tableNames()
    }

    /// Runs one statement outside a transaction on the database of `base`.
    static func admin(_ base: String, _ sql: String) throws {
        let connection = try PostgresStoreConnection(location: try PostgresLocation(url: base), readOnly: false)
        try connection.run(sql)
    }
}

extension XCTestCase {
    /// Runs `body` once per available backend with a new, empty store location; failures name
    /// the backend.
    func onEachBackend(_ body: (StoreBackend, String) throws -> Void) throws {
        for backend in StoreBackend.available {
            let location = try backend.newLocation(self)
            do {
                try body(backend, location)
            } catch {
                XCTFail("on \(backend.rawValue): \(error)")
            }
        }
    }
}

/// A test environment that cannot run what it must.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
