/// A parameter's leak summary: the minimum number of dereferences along any flow from the
/// parameter to the heap, the mutator, the callee, or one of its function's first five
/// results. This is the cross-package summary (the compiler's parameter "tag").
///
/// Stored as the compiler stores it: eight bytes, each `derefs + 1` (0 = no flow, capped at
/// 255). Codable as the tag text's bytes, so summaries round-trip through a store unchanged.
public struct LeakSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Number of result slots tracked.
    public static let trackedResults = 5
    static let heapSlot = 0, mutatorSlot = 1, calleeSlot = 2, firstResultSlot = 3
    static let slotCount = 8
    /// The prefix of every non-empty tag.
    public static let tagPrefix = "esc:"

    /// The eight slots packed little-endian: slot `i` is byte `i` (no heap array per summary).
    private var packed: UInt64 = 0

    /// The eight bytes, in the compiler's order.
    public var bytes: [UInt8] { (0..<Self.slotCount).map { slot($0) } }

    /// No flows at all (tag `esc:`).
    public init() {}

    /// Minimum derefs to the heap, or nil for no flow.
    public var heap: Int? { value(at: Self.heapSlot) }
    /// Minimum derefs to the mutator, or nil.
    public var mutator: Int? { value(at: Self.mutatorSlot) }
    /// Minimum derefs to the callee, or nil.
    public var callee: Int? { value(at: Self.calleeSlot) }
    /// Minimum derefs to result `index` (0-based, < 5), or nil.
    public func result(_ index: Int) -> Int? {
        precondition(index >= 0 && index < Self.trackedResults, "internal error: EscapeGraph result index \(index)")
        return value(at: Self.firstResultSlot + index)
    }

    /// Records a flow to the heap.
    public mutating func addHeap(_ derefs: Int) { add(Self.heapSlot, derefs) }
    /// Records a flow to the mutator.
    public mutating func addMutator(_ derefs: Int) { add(Self.mutatorSlot, derefs) }
    /// Records a flow to the callee.
    public mutating func addCallee(_ derefs: Int) { add(Self.calleeSlot, derefs) }
    /// Records a flow to result `index` (0-based, < 5).
    public mutating func addResult(_ index: Int, _ derefs: Int) {
        precondition(index >= 0 && index < Self.trackedResults, "internal error: EscapeGraph result index \(index)")
        add(Self.firstResultSlot + index, derefs)
    }

    /// Whether the value flows anywhere at all.
    public var any: Bool { packed != 0 }

    /// Drops every non-heap flow that is as long as or longer than the heap flow: once a
    /// value reaches the heap with `n` derefs, such flows add nothing.
    public mutating func optimize() {
        guard let heapDerefs = heap else { return }
        for slot in 1..<Self.slotCount {
            if let d = value(at: slot), d >= heapDerefs { setSlot(slot, 0) }
        }
    }

    /// The compiler's tag bytes: empty for "heap with 0 derefs", else `esc:` followed by the
    /// eight bytes with trailing zeros trimmed.
    public var encoded: [UInt8] {
        if heap == 0 { return [] }
        var n = Self.slotCount
        while n > 0 && slot(n - 1) == 0 { n -= 1 }
        return Array(Self.tagPrefix.utf8) + (0..<n).map { slot($0) }
    }

    /// Parses tag bytes: anything without the `esc:` prefix (the empty tag included) means
    /// "leaks to the heap with 0 derefs".
    public init(encoded tag: [UInt8]) {
        self.init()
        let prefix = Array(Self.tagPrefix.utf8)
        guard tag.count >= prefix.count, Array(tag[0..<prefix.count]) == prefix else {
            addHeap(0)
            return
        }
        for (i, b) in tag[prefix.count...].prefix(Self.slotCount).enumerated() { setSlot(i, b) }
    }

    /// `heap=N mutator=N callee=N r0=N ...` listing only present flows (`none` when empty).
    public var description: String {
        var parts: [String] = []
        if let d = heap { parts.append("heap=\(d)") }
        if let d = mutator { parts.append("mutator=\(d)") }
        if let d = callee { parts.append("callee=\(d)") }
        for i in 0..<Self.trackedResults { if let d = result(i) { parts.append("r\(i)=\(d)") } }
        return parts.isEmpty ? "none" : parts.joined(separator: " ")
    }

    /// Encodes as the tag bytes (a stable, compact form).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(encoded)
    }

    /// Decodes from tag bytes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        self.init(encoded: try c.decode([UInt8].self))
    }

    private func slot(_ i: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * UInt64(i))) }

    private mutating func setSlot(_ i: Int, _ value: UInt8) {
        let shift = 8 * UInt64(i)
        packed = (packed & ~(0xFF << shift)) | (UInt64(value) << shift)
    }

    private func value(at i: Int) -> Int? {
        let v = slot(i)
        return v == 0 ? nil : Int(v) - 1
    }

    private mutating func add(_ slot: Int, _ derefs: Int) {
        precondition(derefs >= 0, "internal error: EscapeGraph leak with derefs \(derefs)")
        if let old = value(at: slot), old <= derefs { return }
        setSlot(slot, UInt8(min(derefs + 1, Int(UInt8.max))))
    }
}
