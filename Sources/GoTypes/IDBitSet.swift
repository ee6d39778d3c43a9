/// A set of type or object ids as one bit per id.
///
/// Ids are small dense indices into the program's tables, so a bit table answers membership in
/// one load where a hashed set hashes the id and probes a table that, for a large package,
/// misses the cache on most lookups. Members come out in increasing order, the same in every
/// run. The table grows to the largest id inserted (an eighth of a byte per id of the program).
public struct IDBitSet: Sendable {
    @usableFromInline var words: [UInt64] = []

    /// An empty set.
    @inlinable public init() {}

    /// True when `raw` is a member.
    @inlinable public func contains(_ raw: Int32) -> Bool {
        let w = Int(raw) >> 6
        return w < words.count && words[w] & (1 << UInt64(raw & 63)) != 0
    }

    /// Adds `raw`; true when it was not a member.
    @inlinable @discardableResult
    public mutating func insert(_ raw: Int32) -> Bool {
        let w = Int(raw) >> 6
        if w >= words.count { grow(w) }
        let bit: UInt64 = 1 << UInt64(raw & 63)
        if words[w] & bit != 0 { return false }
        words[w] |= bit
        return true
    }

    @usableFromInline mutating func grow(_ w: Int) {
        words.append(contentsOf: repeatElement(0, count: Swift.max(w + 1, 2 * words.count) - words.count))
    }

    /// The members in increasing order.
    public var members: [Int32] {
        var out: [Int32] = []
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                out.append(Int32(w << 6 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return out
    }
}

extension IDBitSet {
    /// True when type `t` is a member.
    @inlinable public func contains(_ t: TypeID) -> Bool { contains(t.raw) }
    /// Adds type `t`; true when it was not a member.
    @inlinable @discardableResult
    public mutating func insert(_ t: TypeID) -> Bool { insert(t.raw) }
}
