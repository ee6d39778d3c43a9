/// Values for a package's own package-level objects, by object id.
///
/// A checker creates its package-level objects together while it collects the package's
/// declarations, so their ids form one narrow range (objects of a package checked at the
/// same time may fall between them). A table over that range, indexed by the id less the
/// first one, answers in one load where a dictionary hashes the id and probes a table sized
/// by the whole package, which for a large package misses the cache on most lookups. Ids
/// outside the range (imported objects, locals) have no value.
struct ObjectTable<Value> {
    /// The id of slot 0.
    private var base: Int32 = 0
    private var slots: [Value?] = []

    /// The slot of `id`, or nil when it lies outside the table.
    @inline(__always) private func slot(_ id: ObjectID) -> Int? {
        let i = Int(id.raw) - Int(base)
        return i >= 0 && i < slots.count ? i : nil
    }

    /// The slot of `id`, growing the table to cover it.
    private mutating func makeSlot(_ id: ObjectID) -> Int {
        if slots.isEmpty { base = id.raw }
        if id.raw < base {
            slots.insert(contentsOf: repeatElement(nil, count: Int(base - id.raw)), at: 0)
            base = id.raw
        }
        let i = Int(id.raw) - Int(base)
        if i >= slots.count { slots.append(contentsOf: repeatElement(nil, count: i - slots.count + 1)) }
        return i
    }

    /// The value of `id`; setting nil removes it.
    subscript(id: ObjectID) -> Value? {
        @inline(__always) get { slot(id).flatMap { slots[$0] } }
        set {
            if let v = newValue { slots[makeSlot(id)] = v } else if let i = slot(id) { slots[i] = nil }
        }
    }

    /// The value of `id`, or `defaultValue` (stored first when the value is mutated).
    subscript(id: ObjectID, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[id] ?? defaultValue() }
        _modify {
            let i = makeSlot(id)
            if slots[i] == nil { slots[i] = defaultValue() }
            yield &slots[i]!
        }
    }

    /// The ids that have a value, in increasing order (creation order).
    var keys: [ObjectID] {
        var r: [ObjectID] = []
        for (i, v) in slots.enumerated() where v != nil { r.append(ObjectID(base + Int32(i))) }
        return r
    }
}
