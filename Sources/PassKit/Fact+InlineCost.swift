import Foundation

/// The inlining cost in the details of `can-inline` (`cost=N`) and `cannot-inline` (`... cost N
/// exceeds budget B`) facts, written and read in one place for both engines, the passes and the
/// reports.
extension Fact {
    /// The detail prefix of a `can-inline` fact.
    public static let inlineCostPrefix = "cost="

    /// The detail of a `can-inline` fact for a function of this inlining cost.
    public static func inlineCostDetail(_ cost: Int) -> String { inlineCostPrefix + String(cost) }

    /// The inlining cost a `can-inline` or over-budget `cannot-inline` fact states, with the
    /// budget the refusal names; nil for other facts or a detail without a cost.
    public var inlineCost: (cost: Int, budget: Int?)? {
        switch kind {
        case .canInline:
            guard let r = detail.range(of: Self.inlineCostPrefix) else { return nil }
            let digits = detail[r.upperBound...].prefix(while: { $0.isNumber })
            return Int(digits).map { ($0, nil) }
        case .cannotInline:
            guard let r = detail.range(of: "cost ") else { return nil }
            let digits = detail[r.upperBound...].prefix(while: { $0.isNumber })
            guard let cost = Int(digits) else { return nil }
            var budget: Int?
            if let b = detail.range(of: "budget ") {
                budget = Int(detail[b.upperBound...].prefix(while: { $0.isNumber }))
            }
            return (cost, budget)
        default:
            return nil
        }
    }
}
