/// The rows of a user query, every value rendered as text (NULL as nil).
public struct QueryResult: Sendable, Hashable {
    /// Column names in order.
    public var columns: [String]
    /// Rows, one value per column.
    public var rows: [[String?]]

    /// Creates a query result.
    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }
}
