import CSQLite

extension FactStore {
    /// Runs one SQL statement on a read-only connection (`SQLITE_OPEN_READONLY` and
    /// `PRAGMA query_only`) and returns its rows as text. A statement that would write is
    /// refused with `FactStoreError.writeRefused` before it runs, and changes nothing.
    public func query(_ sql: String) throws -> QueryResult {
        try locked {
            let c = try readOnlyConnection()
            let stmt: SQLiteStatement
            do {
                stmt = try c.prepare(sql)
            } catch let failure as SQLiteFailure {
                throw FactStoreError.queryFailed(sql: sql, reason: failure.message)
            }
            if !stmt.isReadOnly || Self.switchesOffQueryOnly(sql) { throw FactStoreError.writeRefused(sql: sql) }
            var rows: [[String?]] = []
            let n = stmt.columnCount
            do {
                while try stmt.step() { rows.append((0..<n).map { stmt.displayText($0) }) }
            } catch let failure as SQLiteFailure {
                if failure.code & 0xff == SQLITE_READONLY { throw FactStoreError.writeRefused(sql: sql) }
                throw FactStoreError.queryFailed(sql: sql, reason: failure.message)
            }
            return QueryResult(columns: (0..<n).map { stmt.columnName($0) }, rows: rows)
        }
    }

    /// True for `PRAGMA query_only = …`, which SQLite counts as read-only but would lift the guard.
    static func switchesOffQueryOnly(_ sql: String) -> Bool {
        let squeezed = sql.lowercased().filter { !$0.isWhitespace }
        return squeezed.contains("query_only=") || squeezed.contains("query_only(")
    }
}
