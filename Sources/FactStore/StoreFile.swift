import CSQLite
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

    /// The schema version of a database about to be opened as a store, 0 for an empty one;
    /// refuses a database that has tables but no `schema_version` table. One look at the tables
    /// serves both (on a server, each look is a round trip).
    static func storeVersion(_ db: any StoreConnection, path: String) throws -> Int {
        try wrap(path) {
            let tables = try db.tableNames()
            if tables.isEmpty { return 0 }
            if !tables.contains("schema_version") { throw FactStoreError.foreignDatabase(path: path) }
            return Int(try db.scalarInt("SELECT max(version) FROM schema_version") ?? 0)
        }
    }

    /// The highest applied schema version, 0 for an empty database.
    static func schemaVersion(_ db: any StoreConnection, path: String) throws -> Int {
        try wrap(path) {
            if try !db.tableNames().contains("schema_version") { return 0 }
            return Int(try db.scalarInt("SELECT max(version) FROM schema_version") ?? 0)
        }
    }

    /// Where and how to open a store for reading. Normally the file, read-only. A WAL database
    /// needs its `-shm` index, which a reader creates next to it; when the folder cannot be
    /// written and no `-shm` exists, the file is opened as immutable instead (`immutable=1`:
    /// SQLite neither locks nor looks for the index), which is exact as long as no write-ahead
    /// log is pending, the state every heapsight writer leaves behind. A pending log in such a
    /// folder cannot be read without writing, and is refused with advice.
    static func readLocation(path: String) throws -> (location: String, flags: Int32) {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        let fm = FileManager.default
        if fm.isWritableFile(atPath: folder) || fm.fileExists(atPath: path + "-shm") {
            return (path, SQLITE_OPEN_READONLY)
        }
        let log = (try? fm.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        if let log, log.intValue > 0 { throw FactStoreError.pendingLogInReadOnlyFolder(path: path) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return ("file:\(encoded)?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
    }

    /// Runs `body`, translating SQLite failures into `FactStoreError` for `path`.
    static func wrap<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as SQLiteFailure {
            if failure.isBusy { throw FactStoreError.busy(path: path) }
            if failure.code & 0xff == 26 { throw FactStoreError.notADatabase(path: path) }  // SQLITE_NOTADB
            if failure.code & 0xff == 11 {  // SQLITE_CORRUPT
                throw FactStoreError.damaged(path: path, reason: failure.description)
            }
            throw FactStoreError.sqlite(path: path, reason: failure.description)
        } catch let failure as ServerFailure {
            throw FactStoreError.server(location: path, reason: failure.description)
        }
    }
}
