import CSQLite
import Foundation

/// The store of runs, facts and metrics, in a SQLite file (WAL, one writer at a time, many
/// readers) or a PostgreSQL database (`postgres://…`, many writers taking turns per run). Every
/// run is written in one transaction, so a failed or killed write leaves no partial run. See
/// docs/schema.md for the tables users may query.
public final class FactStore: @unchecked Sendable {
    /// The database file, or the PostgreSQL URL (without a password).
    public let path: String
    /// True when opened with `openReadOnly`.
    public let isReadOnly: Bool
    let db: any StoreConnection
    private var queryConnection: SQLiteConnection?
    let lock = NSLock()

    init(path: String, db: any StoreConnection, readOnly: Bool) {
        self.path = path
        self.db = db
        self.isReadOnly = readOnly
    }

    /// Opens (creating if missing) a store for reading and writing. An older schema is migrated
    /// after a copy is kept as `PATH.bak-vN`; a newer schema, a non-SQLite file or a SQLite file
    /// that is not a heapsight store is refused with a typed error and left unchanged.
    public static func open(path: String) throws -> FactStore {
        if isServerLocation(path) { return try openServer(url: path, readOnly: false, create: true) }
        try StoreFile.checkHeader(path: path)
        let db = try SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        // Another process may be creating or migrating the same file: retry while it is busy.
        // SQLite can also call a file it catches half-created "not a database"; while the file
        // still starts like one, that is the other writer at work, not a foreign file.
        try WriteTransaction.retryingBusy(path: path) {
            do {
                try openStore(db, path: path)
            } catch FactStoreError.notADatabase where (try? StoreFile.checkHeader(path: path)) != nil {
                throw FactStoreError.busy(path: path)
            }
        }
        return FactStore(path: path, db: db, readOnly: false)
    }

    /// Opens an existing store for reading and writing, like `open`, but never creates one: a
    /// missing file, or a PostgreSQL database holding no heapsight tables (or none at all), is
    /// `FactStoreError.missingDatabase` and is left as it was. For the commands that change
    /// recorded runs but have nothing to record (`prune`).
    public static func openExisting(path: String) throws -> FactStore {
        if isServerLocation(path) { return try openServer(url: path, readOnly: false, create: false) }
        guard FileManager.default.fileExists(atPath: path) else { throw FactStoreError.missingDatabase(path: path) }
        return try open(path: path)
    }

    /// The page size of a store this build creates (an existing store keeps its own).
    static let newStorePageSize = 65_536

    /// Checks, configures and migrates a store opened for writing.
    private static func openStore(_ db: SQLiteConnection, path: String) throws {
        let found = try StoreFile.storeVersion(db, path: path)
        if found > Schema.current {
            throw FactStoreError.newerSchema(path: path, found: found, supported: Schema.current)
        }
        try StoreFile.wrap(path) {
            // Only possible in a new, empty file, before WAL writes its first page. Incremental
            // auto-vacuum lets `prune` hand space back without rewriting the whole file. Pages
            // of 64 KiB (SQLite's largest) instead of 4: a scan writes each page twice (log,
            // then checkpoint), one write call per log frame, and std's run holds 140 MB of
            // explanations, so that the per-page work dominates small pages. Writing std's
            // facts took 0.82 CPU-seconds with 4 KiB pages, 0.50 with 16 and 0.33 with 64; reading
            // them back (export, report) costs the same. An empty store is 2 MB.
            if found == 0 { try db.execute("PRAGMA page_size = \(newStorePageSize); PRAGMA auto_vacuum = INCREMENTAL") }
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        }
        try Migrator(db: db, path: path).migrate(from: found)
    }

    /// Opens an existing store for reading only: never creates, never migrates, never writes,
    /// and works in a folder this user cannot write (see `StoreFile.readLocation`).
    public static func openReadOnly(path: String) throws -> FactStore {
        if isServerLocation(path) { return try openServer(url: path, readOnly: true, create: false) }
        guard FileManager.default.fileExists(atPath: path) else { throw FactStoreError.missingDatabase(path: path) }
        try StoreFile.checkHeader(path: path)
        let (location, flags) = try StoreFile.readLocation(path: path)
        let db = try SQLiteConnection(path: location, flags: flags)
        try StoreFile.wrap(path) { try db.execute("PRAGMA query_only = 1") }
        let found = try StoreFile.storeVersion(db, path: path)
        if found == 0 { throw FactStoreError.foreignDatabase(path: path) }
        if found > Schema.current {
            throw FactStoreError.newerSchema(path: path, found: found, supported: Schema.current)
        }
        if found < Schema.current {
            throw FactStoreError.olderSchemaReadOnly(path: path, found: found, supported: Schema.current)
        }
        return FactStore(path: path, db: db, readOnly: true)
    }

    /// The schema version of the open database.
    public func schemaVersion() throws -> Int {
        try locked { try StoreFile.schemaVersion(db, path: path) }
    }

    /// Runs `body` holding the store's lock, turning SQLite failures into `FactStoreError`.
    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try StoreFile.wrap(path, body)
    }

    /// The read-only connection used by `query` (opened on first use).
    func readOnlyConnection() throws -> SQLiteConnection {
        if let queryConnection { return queryConnection }
        let (location, flags) = try StoreFile.readLocation(path: path)
        let c = try SQLiteConnection(path: location, flags: flags)
        try c.execute("PRAGMA query_only = 1")
        queryConnection = c
        return c
    }
}
