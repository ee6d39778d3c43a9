/// A run as stored: its number, its record and how much it holds.
public struct StoredRun: Sendable, Hashable, Codable {
    /// The run number: 1, 2, 3… in the order recorded, never reused.
    public var id: Int64
    /// The run's metadata.
    public var record: RunRecord
    /// Number of packages.
    public var packageCount: Int
    /// Number of functions.
    public var functionCount: Int
    /// Number of facts, external ones included.
    public var factCount: Int
    /// Number of diagnostics.
    public var diagnosticCount: Int

    /// Creates a stored run.
    public init(id: Int64, record: RunRecord, packageCount: Int, functionCount: Int, factCount: Int,
                diagnosticCount: Int) {
        self.id = id
        self.record = record
        self.packageCount = packageCount
        self.functionCount = functionCount
        self.factCount = factCount
        self.diagnosticCount = diagnosticCount
    }
}
