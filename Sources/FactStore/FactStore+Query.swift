import CSQLite

extension FactStore {
    /// Runs exactly one SQL statement (none, or more than one, is refused) on a read-only connection (`SQLITE_OPEN_READONLY` and
    /// `PRAGMA query_only`) and returns its rows as text. A statement that would write is
    /// refused with `FactStoreError.writeRefused` before it runs, and changes nothing.
    public func query(_ sql: String) throws -> QueryResult {
        if let server = db as? PostgresStoreConnection { return try locked { try server.readOnlyQuery(sql) } }
        return try locked {
            let c = try readOnlyConnection()
            let prepared: (statement: SQLiteStatement?, moreStatements: Bool)
            do {
                prepared = try c.prepareFirst(sql)
            } catch let failure as SQLiteFailure {
                throw FactStoreError.queryFailed(sql: sql, reason: failure.message)
            }
            guard let stmt = prepared.statement else { throw FactStoreError.emptyQuery }
            // Running only the first of several statements would silently ignore the rest.
            if prepared.moreStatements { throw FactStoreError.multipleStatements(sql: sql) }
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
