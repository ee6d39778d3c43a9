import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks on the database file made before anything is written to it.
enum StoreFile {
    /// The 16 bytes every SQLite 3 database starts with.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Refuses an existing, non-empty file that is not a SQLite database (without opening it
    /// through SQLite, which could otherwise write to it).
    static func checkHeader(path: String) throws {
        let fd = Glibc.open(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT { return }
            throw FactStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { Glibc.close(fd) }
        var head = [UInt8](repeating: 0, count: 16)
        let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 16) }
        guard n > 0 else { return }
        // A file another process is creating right now may hold only part of the header.
        if Array(head[0..<n]) != Array(sqliteHeader[0..<n]) { throw FactStoreError.notADatabase(path: path) }
    }

    /// Refuses a SQLite database that has tables but no `schema_version` table.
    static func checkIsStore(_ db: SQLiteConnection, path: String) throws {
        try wrap(path) {
            let tables = try db.rows("SELECT name FROM sqlite_schema WHERE type = 'table'") { $0.text(0) }
            if !tables.isEmpty && !tables.contains("schema_version") {
                throw FactStoreError.foreignDatabase(path: path)
            }
        }
    }

    /// The highest applied schema version, 0 for an empty database.
    static func schemaVersion(_ db: SQLiteConnection, path: String) throws -> Int {
        try wrap(path) {
            let has = try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'") ?? 0
            if has == 0 { return 0 }
            return Int(try db.scalarInt("SELECT max(version) FROM schema_version") ?? 0)
        }
    }

    /// Runs `body`, translating SQLite failures into `FactStoreError` for `path`.
    static func wrap<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as SQLiteFailure {
            if failure.isBusy { throw FactStoreError.busy(path: path) }
            if failure.code & 0xff == 26 { throw FactStoreError.notADatabase(path: path) }  // SQLITE_NOTADB
            throw FactStoreError.sqlite(path: path, reason: failure.description)
        }
    }
}
