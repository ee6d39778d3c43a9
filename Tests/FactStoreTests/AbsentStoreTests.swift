@testable import FactStore
import Foundation
import XCTest

/// A store with no history is the same on both backends: an absent SQLite file, and an empty or
/// absent PostgreSQL database, are `missingDatabase` to every open that must not create, and are
/// left exactly as they were; the open that records creates what is missing, the database itself
/// included.
final class AbsentStoreTests: XCTestCase {
    /// Whether the store at `location` still holds nothing (no file; no tables).
    func holdsNothing(_ backend: StoreBackend, _ location: String) throws -> Bool {
        switch backend {
        case .sqlite: return !FileManager.default.fileExists(atPath: location)
        case .postgres: return try TestDatabases.tables(location).isEmpty
        }
    }

    func testOpensThatMustNotCreateFindNoHistoryAndLeaveItSo() throws {
        try onEachBackend { backend, location in
            let name = backend == .sqlite ? location : try PostgresLocation(url: location).display
            XCTAssertThrowsError(try FactStore.openReadOnly(path: location)) { error in
                XCTAssertEqual(error as? FactStoreError, .missingDatabase(path: name), "\(backend)")
            }
            XCTAssertThrowsError(try FactStore.openExisting(path: location)) { error in
                XCTAssertEqual(error as? FactStoreError, .missingDatabase(path: name), "\(backend)")
            }
            XCTAssertTrue(try holdsNothing(backend, location), "\(backend): nothing was created")
            // The opener that records creates the store, after which both others open it.
            XCTAssertEqual(try FactStore.open(path: location).schemaVersion(), Schema.current)
            XCTAssertEqual(try FactStore.openExisting(path: location).schemaVersion(), Schema.current)
            XCTAssertEqual(try FactStore.openReadOnly(path: location).runs().count, 0)
        }
    }

    func testAnAbsentServerDatabaseIsMissingUntilAWriterCreatesIt() throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        let made = try TestDatabases.create(self)
        // A sibling of a database this test owns, so that its teardown drops the sibling too.
        let url = TestDatabases.url(made, database: String(URLComponents(string: made)!.path.dropFirst()) + "_new")
        addTeardownBlock { try? TestDatabases.admin(made, "DROP DATABASE IF EXISTS \(URLComponents(string: url)!.path.dropFirst()) WITH (FORCE)") }
        let name = try PostgresLocation(url: url).display
        XCTAssertThrowsError(try FactStore.openReadOnly(path: url)) { error in
            XCTAssertEqual(error as? FactStoreError, .missingDatabase(path: name))
            XCTAssertTrue("\(error)".hasPrefix("no heapsight history in \(name): the database does not exist"), "\(error)")
        }
        XCTAssertThrowsError(try FactStore.openExisting(path: url)) { error in
            XCTAssertEqual(error as? FactStoreError, .missingDatabase(path: name))
        }
        XCTAssertThrowsError(try FactStore.openReadOnly(path: url), "still absent: no open above created it")
        // Two writers racing to create it both succeed, and the store is migrated once.
        let group = DispatchGroup()
        let failures = LockedList()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                do { _ = try FactStore.open(path: url) } catch { failures.append("\(error)") }
            }
        }
        group.wait()
        XCTAssertEqual(failures.items, [])
        XCTAssertEqual(try FactStore.openReadOnly(path: url).schemaVersion(), Schema.current)
        XCTAssertEqual(try FactStore.openReadOnly(path: url).query("SELECT count(*) FROM schema_version WHERE version = 1").rows, [["1"]])
    }

    func testLocationFormsAreCheckedWithoutTouchingAnything() throws {
        for good in ["h.db", "/tmp/none/h.db", "postgres://u@h:5/d?sslmode=require", "POSTGRESQL://h/d", "dir/x:y.db"] {
            XCTAssertNoThrow(try FactStore.checkLocationForm(good), good)
        }
        let bad: [(String, String)] = [
            ("", "cannot use the database '': the location is empty"),
            ("  ", "cannot use the database '': the location is empty"),
            ("mysql://h/d", "cannot use the database mysql://h/d: a mysql:// URL is not a store heapsight can use"),
            ("sqlite:///tmp/h.db", "cannot use the database sqlite:///tmp/h.db: a sqlite:// URL is not a store heapsight can use"),
            ("postgres://u:pw@h/d", "cannot use the database postgres://u:***@h/d: the URL holds a password"),
            ("postgres://u@h/d?sslmode=maybe", "cannot use the database postgres://u@h/d?sslmode=maybe: sslmode 'maybe' is not one of"),
        ]
        for (location, message) in bad {
            XCTAssertThrowsError(try FactStore.checkLocationForm(location), location) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(location): \(error)")
            }
        }
    }
}

/// Strings appended from several threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ item: String) { lock.lock(); list.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
