/// The `cost=N` detail of `can-inline` facts, written and read in one place for both engines.
extension Fact {
    /// The detail prefix of a `can-inline` fact.
    public static let inlineCostPrefix = "cost="

    /// The detail of a `can-inline` fact for a function of this inlining cost.
    public static func inlineCostDetail(_ cost: Int) -> String { inlineCostPrefix + String(cost) }

    /// The inlining cost a `can-inline` fact states; nil for other facts or a detail without one.
    public var inlineCost: Int? {
        guard kind == .canInline, detail.hasPrefix(Self.inlineCostPrefix) else { return nil }
        return Int(detail.dropFirst(Self.inlineCostPrefix.count))
    }
}
