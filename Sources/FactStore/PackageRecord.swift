/// One package of a run.
public struct PackageRecord: Sendable, Hashable, Codable {
    /// Import path.
    public var importPath: String
    /// Package name from the package clause.
    public var name: String
    /// Directory relative to the scanned root.
    public var directory: String
    /// True for standard library packages.
    public var isStandard: Bool
    /// True when the package could not be analysed (syntax or compile errors, loader failure).
    public var failed: Bool

    /// Creates a package record.
    public init(importPath: String, name: String, directory: String, isStandard: Bool = false,
                failed: Bool = false) {
        self.importPath = importPath
        self.name = name
        self.directory = directory
        self.isStandard = isStandard
        self.failed = failed
    }
}
