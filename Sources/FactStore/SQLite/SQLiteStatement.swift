import Foundation
import CSQLite

/// One prepared statement: bind, step, read columns. Finalized when released.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds the arguments to parameters 1...n.
    func bind(_ values: [SQLValue]) throws {
        for (i, value) in values.enumerated() { try bind(value, at: Int32(i + 1)) }
    }

    /// Binds one value to a 1-based parameter.
    func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .int(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .text(var s):
            // From the string's own UTF-8 storage (SQLite copies it), with an explicit byte count,
            // so that a NUL inside the text is stored, not a cut. An empty string has no storage
            // to point at, and a null pointer would bind NULL: it binds a literal "".
            rc = s.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(bytes.count), sqliteTransient)
                }
            }
        case .utf8(let bytes):
            rc = bytes.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress, !b.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, sqliteTransient) }
                return base.withMemoryRebound(to: CChar.self, capacity: b.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(b.count), sqliteTransient)
                }
            }
        case .real(let d): rc = sqlite3_bind_double(handle, index, d)
        case .null: rc = sqlite3_bind_null(handle, index)
        }
        guard rc == SQLITE_OK else {
            throw SQLiteFailure(code: rc, message: connection.errorMessage, sql: sql)
        }
    }

    /// Binds the arguments to parameters 1...n, runs the statement to its end and resets it.
    /// Texts are bound where they are, for SQLite to read while the statement runs, instead of
    /// being copied first: the rows of a std scan carry some 130 MB of explanation text, and
    /// a copy of each (up to a megabyte) cost an allocation and fresh pages.
    func run(binding values: [SQLValue]) throws {
        defer { reset() }
        try bindInPlace(values, from: 0)
    }

    /// Binds `values[i...]` and steps; each text stays bound only while its storage is held.
    private func bindInPlace(_ values: [SQLValue], from i: Int) throws {
        guard i < values.count else {
            while try step() {}
            return
        }
        func bound(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            let rc = bytes.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, Int32(i + 1), $0.baseAddress, Int32($0.count), nil)
            }
            guard rc == SQLITE_OK else { throw SQLiteFailure(code: rc, message: connection.errorMessage, sql: sql) }
            try bindInPlace(values, from: i + 1)
        }
        switch values[i] {
        case .text(var text) where !text.isEmpty: try text.withUTF8(bound)
        case .utf8(let bytes) where !bytes.isEmpty: try bytes.withUnsafeBufferPointer(bound)
        default:
            try bind(values[i], at: Int32(i + 1))
            try bindInPlace(values, from: i + 1)
        }
    }

    /// Advances to the next row; false when done.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let message = connection.errorMessage
            sqlite3_reset(handle)
            throw SQLiteFailure(code: sqlite3_extended_errcode(connection.handle), message: message, sql: sql)
        }
    }

    /// Resets the statement and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The statement's SQL text.
    var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }
    /// True when the statement does not write the database.
    var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }
    /// Number of result columns.
    var columnCount: Int { Int(sqlite3_column_count(handle)) }
    /// Name of a result column.
    func columnName(_ i: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(i))) }
    /// True when the column is NULL in the current row.
    func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }
    /// Integer value of a column.
    func int64(_ i: Int) -> Int64 { sqlite3_column_int64(handle, Int32(i)) }
    /// Integer value of a column as `Int`.
    func int(_ i: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(i))) }
    /// Double value of a column.
    func double(_ i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }
    /// Text value of a column ("" for NULL).
    func text(_ i: Int) -> String {
        guard let p = sqlite3_column_text(handle, Int32(i)) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, Int32(i)))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    /// Text value of a column, nil for NULL.
    func optionalText(_ i: Int) -> String? { isNull(i) ? nil : text(i) }
    /// Any column rendered as text, nil for NULL (used by `query`).
    func displayText(_ i: Int) -> String? {
        switch sqlite3_column_type(handle, Int32(i)) {
        case SQLITE_NULL: return nil
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, Int32(i)))
            guard n > 0, let p = sqlite3_column_blob(handle, Int32(i)) else { return "" }
            let bytes = UnsafeRawBufferPointer(start: p, count: n)
            return "x'" + bytes.map { String(format: "%02x", $0) }.joined() + "'"
        default: return text(i)
        }
    }
}
