import Foundation
import PostgresNIO

/// `heapsight query` on PostgreSQL: one statement in a read-only transaction.
///
/// The statement runs after `BEGIN READ ONLY` and a first query, so that the transaction can no
/// longer be switched to read-write; the server then refuses every write (SQLSTATE 25006), every
/// attempt to lift the read-only mode and every statement that cannot run inside a transaction,
/// such as VACUUM (25001), and both are reported as `writeRefused`. The extended protocol takes exactly one statement, so a second
/// one is refused before anything runs. The transaction is always rolled back, and session
/// advisory locks a query might have taken are released, so that a query never holds up writers.
extension PostgresStoreConnection {
    /// SQLSTATE of a write attempted in a read-only transaction.
    static let readOnlyViolation = "25006"
    /// SQLSTATE of a statement refused inside the running transaction (a switch to read-write, VACUUM).
    static let activeTransaction = "25001"
    /// SQLSTATE of a syntax error; with "multiple commands" in the message, a second statement.
    static let syntaxError = "42601"

    /// Runs `sql` read-only and returns its rows as text.
    func readOnlyQuery(_ sql: String) throws -> QueryResult {
        if Self.holdsNoStatement(sql) { throw FactStoreError.emptyQuery }
        try flushPending()
        _ = try send("BEGIN TRANSACTION READ ONLY", [])
        defer {
            _ = try? send("ROLLBACK", [])
            _ = try? send("SELECT pg_advisory_unlock_all()", [])
        }
        _ = try send("SELECT 1", [])
        let raw: [PostgresRow]
        do {
            raw = try send(sql, []).rows
        } catch let failure as ServerFailure {
            if failure.sqlState == Self.readOnlyViolation || failure.sqlState == Self.activeTransaction { throw FactStoreError.writeRefused(sql: sql) }
            if failure.sqlState == Self.syntaxError, failure.message.contains("multiple commands") {
                throw FactStoreError.multipleStatements(sql: sql)
            }
            throw FactStoreError.queryFailed(sql: sql, reason: failure.description)
        }
        let columns = try raw.first.map(PostgresStoreRow.columns(of:)) ?? columnNames(of: sql)
        let result = raw.map(PostgresStoreRow.init)
        return QueryResult(columns: columns, rows: result.map { row in (0..<row.values.count).map(row.displayText) })
    }

    /// The column names of a query that returned no rows: a left join against one row yields
    /// one row of NULLs under the query's columns (nothing for a statement that is not a query).
    private func columnNames(of sql: String) throws -> [String] {
        var body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        while body.hasSuffix(";") { body.removeLast() }
        let probe = "SELECT q.* FROM (VALUES (1)) AS one LEFT JOIN (\(body)) AS q ON true"
        guard let row = try? send(probe, []).rows.first else { return [] }
        return PostgresStoreRow.columns(of: row)
    }

    /// True when `sql` is only blanks, semicolons and comments.
    static func holdsNoStatement(_ sql: String) -> Bool {
        var s = sql
        s = s.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"--[^\n]*"#, with: "", options: .regularExpression)
        return s.allSatisfy { $0.isWhitespace || $0 == ";" }
    }
}
