import GoSyntax

/// A map from the syntax nodes of one file to values. Node ids are small dense integers (the
/// arena's indices), so a slot per node replaces hashing: lookups and inserts are array
/// accesses, and iteration follows insertion order, the same in every run.
///
/// Keys and values live in two parallel arrays rather than one array of pairs, and the
/// accessors are inlinable: the analyses read these maps for every node they visit, and an
/// unspecialised generic access to a `(key, value)` pair asks the runtime for the tuple's type
/// metadata on every call (a hashed, locked cache lookup that cost more than the read).
public struct NodeMap<Value>: Sequence {
    /// Per node: 0 when absent, else 1 + the index of its entry.
    @usableFromInline var slots: [Int32] = []
    /// Entry keys, in insertion order.
    @usableFromInline var keys: [NodeID] = []
    /// Entry values, parallel to `keys`.
    @usableFromInline var values: [Value] = []

    /// An empty map.
    public init() {}

    /// Makes room for the nodes of a tree of `nodeCount` nodes at once: a map that grows by
    /// doubling as the checker walks a file copies and zero-fills its slot table again at every
    /// step.
    public mutating func reserveSlots(nodeCount: Int) {
        if nodeCount > slots.count {
            slots.append(contentsOf: repeatElement(0, count: nodeCount - slots.count))
        }
    }

    /// Makes room for `count` entries at once: the entry tables of a large file grow to tens
    /// of megabytes, and growing them by doubling copies them over and over.
    public mutating func reserveEntries(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Number of entries.
    @inlinable public var count: Int { keys.count }
    /// True when there are no entries.
    @inlinable public var isEmpty: Bool { keys.isEmpty }

    /// The value of a node; assigning nil removes it.
    @inlinable public subscript(_ id: NodeID) -> Value? {
        get {
            let i = Int(id.raw)
            guard i < slots.count else { return nil }
            let s = slots[i]
            return s == 0 ? nil : values[Int(s) - 1]
        }
        set {
            let i = Int(id.raw)
            guard let value = newValue else { remove(i); return }
            if i >= slots.count {
                slots.append(contentsOf: repeatElement(0, count: Swift.max(i + 1, slots.count * 2) - slots.count))
            }
            let s = slots[i]
            if s == 0 {
                keys.append(id)
                values.append(value)
                slots[i] = Int32(keys.count)
            } else {
                values[Int(s) - 1] = value
            }
        }
    }

    @usableFromInline mutating func remove(_ i: Int) {
        guard i < slots.count, slots[i] != 0 else { return }
        let at = Int(slots[i]) - 1
        slots[i] = 0
        let lastKey = keys.removeLast()
        let lastValue = values.removeLast()
        if at < keys.count {
            keys[at] = lastKey
            values[at] = lastValue
            slots[Int(lastKey.raw)] = Int32(at + 1)
        }
    }

    /// Iterates the entries in insertion order.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let map: NodeMap
        @usableFromInline var index = 0

        @inlinable init(_ map: NodeMap) { self.map = map }

        /// The next entry, or nil after the last.
        @inlinable public mutating func next() -> (key: NodeID, value: Value)? {
            guard index < map.keys.count else { return nil }
            defer { index += 1 }
            return (map.keys[index], map.values[index])
        }
    }

    /// Entries in insertion order.
    @inlinable public func makeIterator() -> Iterator { Iterator(self) }
}

extension NodeMap: Sendable where Value: Sendable {}
extension NodeMap.Iterator: Sendable where Value: Sendable {}
