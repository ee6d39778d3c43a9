import GoSyntax

/// A map from the syntax nodes of one file to values. Node ids are small dense integers (the
/// arena's indices), so a slot per node replaces hashing: lookups and inserts are array
/// accesses, and iteration follows insertion order, the same in every run.
public struct NodeMap<Value>: Sequence {
    /// Per node: 0 when absent, else 1 + the index of its entry.
    private var slots: [Int32] = []
    private var entries: [(key: NodeID, value: Value)] = []

    /// An empty map.
    public init() {}

    /// Number of entries.
    public var count: Int { entries.count }
    /// True when there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value of a node; assigning nil removes it.
    public subscript(_ id: NodeID) -> Value? {
        get {
            let i = Int(id.raw)
            guard i < slots.count else { return nil }
            let s = slots[i]
            return s == 0 ? nil : entries[Int(s) - 1].value
        }
        set {
            let i = Int(id.raw)
            guard let value = newValue else { remove(i); return }
            if i >= slots.count {
                slots.append(contentsOf: repeatElement(0, count: Swift.max(i + 1, slots.count * 2) - slots.count))
            }
            let s = slots[i]
            if s == 0 {
                entries.append((id, value))
                slots[i] = Int32(entries.count)
            } else {
                entries[Int(s) - 1].value = value
            }
        }
    }

    private mutating func remove(_ i: Int) {
        guard i < slots.count, slots[i] != 0 else { return }
        let at = Int(slots[i]) - 1
        slots[i] = 0
        let last = entries.removeLast()
        if at < entries.count {
            entries[at] = last
            slots[Int(last.key.raw)] = Int32(at + 1)
        }
    }

    /// Entries in insertion order.
    public func makeIterator() -> IndexingIterator<[(key: NodeID, value: Value)]> { entries.makeIterator() }
}

extension NodeMap: Sendable where Value: Sendable {}
