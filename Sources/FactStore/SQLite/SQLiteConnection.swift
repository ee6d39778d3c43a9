import CSQLite
import Foundation

/// The destructor value that tells SQLite to copy bound text (`SQLITE_TRANSIENT` does not import).
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A thin owner of one `sqlite3*` handle: open, execute, prepare, close. Not thread-safe; the
/// store serialises access to it.
final class SQLiteConnection {
    /// The raw handle.
    let handle: OpaquePointer
    /// The file the connection was opened on.
    let path: String
    private var statementCache: [String: SQLiteStatement] = [:]
    /// How long a statement waits for another connection's lock.
    let busyTimeoutMilliseconds: Int32

    /// Opens `path` with the given `SQLITE_OPEN_*` flags and a busy timeout in milliseconds.
    init(path: String, flags: Int32, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw FactStoreError.cannotOpen(path: path, reason: message)
        }
        self.handle = db
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        // History queries group tens of thousands of facts: keep pages and sorts in memory.
        sqlite3_exec(db, "PRAGMA cache_size = -\(Self.queryCacheKiB); PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456;", nil, nil, nil)
        IdentityHash.register(on: db)
    }

    /// The page cache of a connection (KiB), large for the history queries.
    static let queryCacheKiB = 32768

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// The last error message of this connection.
    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Executes one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(err)
            throw SQLiteFailure(code: rc, message: message, sql: sql)
        }
    }

    /// Prepares a statement (not cached).
    func prepare(_ sql: String) throws -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw SQLiteFailure(code: rc, message: errorMessage, sql: sql)
        }
        return SQLiteStatement(handle: stmt, connection: self)
    }

    /// Prepares the first statement of `sql` and says whether more text that is a statement
    /// follows it (comments and `;` alone are not). Nil statement: `sql` holds no statement.
    func prepareFirst(_ sql: String) throws -> (statement: SQLiteStatement?, moreStatements: Bool) {
        var bytes = Array(sql.utf8)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer -> (SQLiteStatement?, Bool) in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var stmt: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(handle, base, Int32(buffer.count), &stmt, &tail)
            guard rc == SQLITE_OK else { throw SQLiteFailure(code: rc, message: errorMessage, sql: sql) }
            guard let stmt else { return (nil, false) }
            let statement = SQLiteStatement(handle: stmt, connection: self)
            var more = false
            if let tail, tail.pointee != 0 {
                var next: OpaquePointer?
                let rc2 = sqlite3_prepare_v2(handle, tail, -1, &next, nil)
                // Text after the first statement that does not even parse is a second statement too.
                more = rc2 != SQLITE_OK || next != nil
                if let next { sqlite3_finalize(next) }
            }
            return (statement, more)
        }
    }

    /// A prepared statement reused across calls, reset before it is handed out.
    func cached(_ sql: String) throws -> SQLiteStatement {
        if let stmt = statementCache[sql] {
            stmt.reset()
            return stmt
        }
        let stmt = try prepare(sql)
        statementCache[sql] = stmt
        return stmt
    }

    /// Rows of a query with bound arguments, each row mapped by `map`.
    func statementRows<T>(_ sql: String, _ arguments: [SQLValue], map: (SQLiteStatement) throws -> T) throws -> [T] {
        let stmt = try cached(sql)
        try stmt.bind(arguments)
        var out: [T] = []
        while try stmt.step() { out.append(try map(stmt)) }
        stmt.reset()
        return out
    }

    /// Runs a statement with bound arguments that returns no rows.
    func run(_ sql: String, _ arguments: [SQLValue]) throws {
        let stmt = try cached(sql)
        try stmt.bind(arguments)
        while try stmt.step() {}
        stmt.reset()
    }

    /// The rowid of the last insert.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether the connection is inside a transaction.
    var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Takes the write lock with `BEGIN IMMEDIATE` if no other connection holds it: true when
    /// the transaction is open, false when the database is busy (nothing is waited for).
    func beginImmediateWithoutWaiting() throws -> Bool {
        sqlite3_busy_timeout(handle, 0)
        defer { sqlite3_busy_timeout(handle, busyTimeoutMilliseconds) }
        do {
            try execute("BEGIN IMMEDIATE")
            return true
        } catch let failure as SQLiteFailure where failure.isBusy {
            return false
        }
    }
}

/// A failed SQLite call: result code, message, and the SQL that failed.
struct SQLiteFailure: Error, CustomStringConvertible {
    /// Extended result code.
    let code: Int32
    /// SQLite's message.
    let message: String
    /// The statement text.
    let sql: String
    /// True for SQLITE_BUSY / SQLITE_LOCKED and their extended codes.
    var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
    var description: String { "\(message) (SQLite code \(code))" }
}
