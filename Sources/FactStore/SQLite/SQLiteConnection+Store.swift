import CSQLite
import Foundation

extension SQLiteStatement: StoreRow {}

/// The SQLite backend of `StoreConnection`: statements run at once, inserts reuse one prepared
/// statement, and writers exclude each other with `BEGIN IMMEDIATE` (see `WriteTransaction`).
extension SQLiteConnection: StoreConnection {
    var dialect: SQLDialect { .sqlite }

    func executeSchema(_ sql: String) throws { try execute(sql) }

    func rows<T>(_ sql: String, _ arguments: [SQLValue], map: (any StoreRow) throws -> T) throws -> [T] {
        try statementRows(sql, arguments, map: map)
    }

    func insertReturningID(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
        try run(sql, arguments)
        return lastInsertRowID
    }

    func inserter(_ sql: String) throws -> any RowInserter { SQLiteInserter(statement: try cached(sql)) }

    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try WriteTransaction.run(self, path: path, body)
    }

    func lastRunID() throws -> Int64 {
        try scalarInt("SELECT seq FROM sqlite_sequence WHERE name = 'runs'") ?? 0
    }

    /// Nothing: AUTOINCREMENT notes an explicit id in `sqlite_sequence` itself.
    func claimRunID(_ id: Int64) throws {}

    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if inTransaction { return try body() }
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    func tableNames() throws -> [String] {
        try statementRows("SELECT name FROM sqlite_schema WHERE type = 'table'", []) { $0.text(0) }
    }

    /// Writes a consistent copy of the database as `PATH.bak-vN` (an existing copy is kept).
    func keepCopy(beforeMigratingFrom version: Int) throws {
        let backup = "\(path).bak-v\(version)"
        if FileManager.default.fileExists(atPath: backup) { return }
        try StoreFile.wrap(path) { try run("VACUUM INTO ?1", [.text(backup)]) }
    }

    /// Nothing: `heapsight_identity` is registered on every connection when it opens.
    func prepareSchema() throws {}

    /// Stores created with incremental auto-vacuum give free pages back without rewriting the
    /// whole file; older ones need a full VACUUM. The log is then folded into the file.
    func reclaimSpace() throws {
        if try scalarInt("PRAGMA auto_vacuum") == 2 {
            try execute("PRAGMA incremental_vacuum")
        } else {
            try execute("VACUUM")
        }
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Size of the database file plus its WAL, in bytes.
    func storageSize() -> Int64 {
        func size(_ p: String) -> Int64 {
            ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return size(path) + size(path + "-wal")
    }
}

/// Binds and steps one cached statement per row.
final class SQLiteInserter: RowInserter {
    let statement: SQLiteStatement

    init(statement: SQLiteStatement) { self.statement = statement }

    func add(_ values: [SQLValue]) throws {
        try statement.run(binding: values)
    }
}
