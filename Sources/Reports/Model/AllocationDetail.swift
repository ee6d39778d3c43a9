import PassKit

/// The parsed detail of an `alloc` fact: `KIND heap|stack|may depth=N`.
public struct AllocationDetail: Sendable, Hashable {
    /// Where an allocation site puts its storage.
    public enum Placement: String, Sendable, Hashable {
        case heap, stack, may
    }

    /// Allocation kind (`new`, `composite`, `make-slice`, ...).
    public var kind: String
    /// Heap, stack, or "may" (decided at run time, e.g. append growth).
    public var placement: Placement
    /// Loop nesting depth of the site (0 outside loops).
    public var depth: Int

    /// Parses an `alloc` detail; unknown or missing parts give `stack` and depth 0, so a
    /// malformed detail never counts as a heap site.
    public init(_ detail: String) {
        let parts = detail.split(separator: " ")
        kind = parts.first.map(String.init) ?? ""
        placement = .stack
        depth = 0
        for part in parts.dropFirst() {
            if let p = Placement(rawValue: String(part)) { placement = p }
            else if part.hasPrefix("depth="), let d = Int(part.dropFirst(6)) { depth = d }
        }
    }

    /// The detail of a fact when it is an `alloc` fact.
    public init?(fact: Fact) {
        guard fact.kind == .alloc else { return nil }
        self.init(fact.detail)
    }

    /// True when the site always allocates on the heap.
    public var isHeap: Bool { placement == .heap }
}

extension Fact {
    /// True for an `alloc` fact whose storage is on the heap.
    public var isHeapSite: Bool { AllocationDetail(fact: self)?.isHeap ?? false }
    /// True for a heap `alloc` fact inside a loop.
    public var isHeapSiteInLoop: Bool {
        guard let d = AllocationDetail(fact: self) else { return false }
        return d.isHeap && d.depth > 0
    }
    /// The `cause: …` and `remedy: …` lines of a heap or `may` allocation site's explanation
    /// (`PassKit.AllocationCause`, written by both engines' allocations pass); empty for other
    /// facts and for stack sites.
    public var causeAndRemedy: [String] {
        guard let d = AllocationDetail(fact: self), d.placement != .stack else { return [] }
        return explanation.filter { $0.hasPrefix(AllocationCause.causePrefix) || $0.hasPrefix(AllocationCause.remedyPrefix) }
    }
    /// True for facts that put a value on the heap: heap sites, `escapes`, `moved-to-heap`.
    public var isHeapEscape: Bool { kind == .escapes || kind == .movedToHeap || isHeapSite }
}
