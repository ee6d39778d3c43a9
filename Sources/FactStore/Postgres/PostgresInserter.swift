/// Rows of one `INSERT … VALUES(?1, …, ?k) [tail]` statement, sent to PostgreSQL as multi-row
/// INSERTs of up to `PostgresStoreConnection.parametersPerBatch` parameters: one round trip per
/// batch instead of one per row.
final class PostgresInserter: RowInserter {
    private let head: String
    private let tuple: String
    private let tail: String
    private let width: Int
    private var values: [SQLValue] = []
    private unowned let connection: PostgresStoreConnection

    /// Splits `sql` around its VALUES tuple.
    init(sql: String, connection: PostgresStoreConnection) throws {
        guard let open = sql.range(of: "VALUES("), let close = sql[open.upperBound...].firstIndex(of: ")") else {
            throw FactStoreError.invalidRun(reason: "not an INSERT … VALUES(…) statement: \(sql)")
        }
        head = String(sql[..<open.lowerBound]) + "VALUES "
        tuple = String(sql[open.upperBound..<close])
        tail = String(sql[sql.index(after: close)...])
        width = tuple.filter { $0 == "?" }.count
        self.connection = connection
    }

    func add(_ row: [SQLValue]) throws {
        if values.isEmpty { connection.holdsRows(self) }
        values += row
        if values.count + width > PostgresStoreConnection.parametersPerBatch { try flush() }
    }

    /// Sends the rows held so far as one statement.
    func flush() throws {
        guard !values.isEmpty else { return }
        let rows = values.count / width
        var sql = head
        for r in 0..<rows {
            if r > 0 { sql += ", " }
            sql += "(" + renumbered(offset: r * width) + ")"
        }
        sql += tail
        let batch = values
        values = []
        _ = try connection.send(sql, batch)
    }

    /// The tuple with `?j` written as `$(offset + j)`.
    private func renumbered(offset: Int) -> String {
        var out = "", digits = ""
        func close() {
            if let n = Int(digits) { out += "$\(offset + n)" }
            digits = ""
        }
        var inParameter = false
        for c in tuple {
            if inParameter, c.isASCII, c.isNumber { digits.append(c); continue }
            if inParameter { close(); inParameter = false }
            if c == "?" { inParameter = true } else { out.append(c) }
        }
        if inParameter { close() }
        return out
    }
}
