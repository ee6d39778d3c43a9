// The store's two backends behind one connection interface.
//
// `FactStore` holds its history in SQLite (one file, the default) or in PostgreSQL (a server a
// team shares). Everything the store computes — recording a run, materializing its metrics,
// trends, diffs, prunes, the read-only `query` — is written once, in SQL both databases accept,
// against `StoreConnection`. Where the two dialects part (glob matching, a JSON list as a table,
// case-insensitive LIKE, column types in the schema), `SQLDialect` says how each backend spells
// it, so that both give the same answers from the same code. What only one backend has (SQLite's
// file checks, VACUUM and backups; PostgreSQL's advisory lock and server errors) stays inside
// that backend's connection.

/// A value bound to a statement parameter (`?1`, `?2`, … in the store's SQL).
enum SQLValue {
    case int(Int64)
    case text(String)
    /// Text given as its UTF-8 bytes (valid UTF-8, as `JSONText.encodeBytes` writes it): a
    /// scan's explanations are bound as encoded, never checked again as a `String`.
    case utf8([UInt8])
    case real(Double)
    case null
}

extension SQLValue {
    /// `.text` for a string, `.null` for nil.
    static func optional(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
    /// `.int` from an `Int`.
    static func integer(_ i: Int) -> SQLValue { .int(Int64(i)) }
    /// 1/0 for a Bool, `.null` for nil.
    static func bool(_ b: Bool?) -> SQLValue { b.map { .int($0 ? 1 : 0) } ?? .null }
}

/// One result row, read by column index (0-based). Integers read from text and text read from
/// integers convert as SQLite converts them; NULL reads as 0 or "".
protocol StoreRow {
    /// True when the column is NULL.
    func isNull(_ i: Int) -> Bool
    /// The column as an integer.
    func int64(_ i: Int) -> Int64
    /// The column as text ("" for NULL).
    func text(_ i: Int) -> String
}

extension StoreRow {
    /// The column as an `Int`.
    func int(_ i: Int) -> Int { Int(int64(i)) }
    /// The column as text, nil for NULL.
    func optionalText(_ i: Int) -> String? { isNull(i) ? nil : text(i) }
}

/// Rows added to one `INSERT … VALUES(?1, …)` statement; the backend decides when they are
/// written (at once on SQLite, in batches on PostgreSQL), always before the next statement on
/// the same connection runs and before the transaction commits.
protocol RowInserter: AnyObject {
    /// Adds one row of arguments.
    func add(_ values: [SQLValue]) throws
}

/// One connection to a store's database.
protocol StoreConnection: AnyObject {
    /// How this backend spells what the two dialects write differently.
    var dialect: SQLDialect { get }
    /// Executes one or more statements without arguments or rows.
    func execute(_ sql: String) throws
    /// Executes schema statements written with SQLite's column types (see `SQLDialect`).
    func executeSchema(_ sql: String) throws
    /// Rows of one statement with bound arguments, each mapped by `map`.
    func rows<T>(_ sql: String, _ arguments: [SQLValue], map: (any StoreRow) throws -> T) throws -> [T]
    /// Runs one statement with bound arguments that returns no rows.
    func run(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs one `INSERT` into a table with an `id` key and returns the new row's id.
    func insertReturningID(_ sql: String, _ arguments: [SQLValue]) throws -> Int64
    /// An inserter for many rows of one `INSERT … VALUES(…)` statement.
    func inserter(_ sql: String) throws -> any RowInserter
    /// Runs `body` in a write transaction that excludes every other writer of the store until it
    /// commits; any error rolls it back and nothing of it remains.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T
    /// The highest run number ever handed out (0 for none), pruned runs included.
    func lastRunID() throws -> Int64
    /// Records that run number `id`, inserted explicitly, is taken, so that later runs get higher ones.
    func claimRunID(_ id: Int64) throws
    /// Runs `body`, whose reads all see one snapshot of the store: a run that commits meanwhile
    /// is in none of them or, after the transaction, in all of them.
    func readTransaction<T>(_ body: () throws -> T) throws -> T
    /// Names of the tables in the store's schema.
    func tableNames() throws -> [String]
    /// Keeps a copy of the store as it is before a migration from `version` (SQLite: the file
    /// beside it; PostgreSQL keeps none, since its migration is one transaction, DDL included).
    func keepCopy(beforeMigratingFrom version: Int) throws
    /// Creates what the schema's SQL needs besides tables (PostgreSQL: the SQL functions SQLite
    /// registers on each connection), inside the migration's transaction.
    func prepareSchema() throws
    /// Hands the space of deleted runs back after a prune.
    func reclaimSpace() throws
    /// Bytes the store occupies (SQLite: file plus log; PostgreSQL: the database).
    func storageSize() -> Int64
}

extension StoreConnection {
    /// Rows of a statement without arguments.
    func rows<T>(_ sql: String, map: (any StoreRow) throws -> T) throws -> [T] {
        try rows(sql, [], map: map)
    }

    /// The first column of the first row, as an integer (nil when there is no row or it is NULL).
    func scalarInt(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64? {
        try rows(sql, arguments) { $0.isNull(0) ? nil : $0.int64(0) }.first ?? nil
    }
}

extension StoreConnection {
    /// Runs a statement without arguments that returns no rows.
    func run(_ sql: String) throws { try run(sql, []) }
}
