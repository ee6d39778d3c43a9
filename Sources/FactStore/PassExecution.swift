import PassKit

/// Whether one pass computed its facts for one package of a run, and which fact kinds it
/// declares. The policy reads these to tell "no finding" from "not looked at": a rule whose fact
/// kinds no pass computed for a package cannot pass there.
public struct PassExecution: Sendable, Hashable, Codable {
    /// How the pass ended on the package.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The pass ran and its engine computed its facts.
        case ran
        /// The pass was not run, or ran without an engine to compute its facts (disabled, engine
        /// without that analysis, no toolchain, a required pass failed, compiler rejected the package).
        case skipped
        /// The pass threw on the package.
        case failed
    }

    /// Import path of the package.
    public var package: String
    /// The pass name.
    public var pass: String
    /// How it ended.
    public var status: Status
    /// Why it did not run or failed ("" when it ran).
    public var reason: String
    /// The fact kinds the pass declares (its descriptor's `factKinds`).
    public var factKinds: [FactKind]

    /// Creates a record.
    public init(package: String, pass: String, status: Status, reason: String = "", factKinds: [FactKind]) {
        self.package = package
        self.pass = pass
        self.status = status
        self.reason = reason
        self.factKinds = factKinds
    }
}
