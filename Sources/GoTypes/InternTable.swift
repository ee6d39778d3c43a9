// # The table of interned types
//
// `Program.intern` finds a composite type by its structure or adds it. Most of the nodes it
// is asked for are new: every function's parameter and result tuples and its signature hold
// variables created for that function, so they match nothing already interned. A
// `Dictionary<TypeNode, TypeID>` answers such a miss by comparing the new node with each
// occupied bucket it probes, and compares by copying the stored node out, which retains the
// stored node's arrays: every probe reads the array buffers of some unrelated type, scattered
// over the heap. Growing the dictionary rehashes every stored node the same way. On a package
// of tens of thousands of functions those reads miss the caches on almost every probe.
//
// This table keeps, per slot, the node's hash and its id only. A probe compares hashes,
// which sit in the slot; the stored node is read (from `Program.types`) only when the hashes
// are equal, which for a full-width hash is the matching node. Growing moves slots by their
// stored hashes without reading any node.
//
// # Invariants
//
//   - A slot with `id == 0` is empty (id 0 is the invalid type, which is never interned).
//   - Every interned node is in exactly one slot, at the first free slot of its probe
//     sequence (linear probing) at the time it was added; nothing is ever removed.
//   - The table is at most three-quarters full; its capacity is a power of two.
//   - Callers hold the program's lock (the table is part of `Program`).
//
// # Complexity
//
// A lookup hashes the node once (its arrays are the caller's, just built) and probes a few
// slots of 16 bytes; adding is amortised O(1).

/// Interned composite types by structure (see the essay above).
struct InternTable {
    private struct Slot {
        var hash: Int
        var id: Int32
    }

    private var slots: [Slot]
    private var count = 0
    private var mask: Int

    /// An empty table.
    init() {
        slots = Array(repeating: Slot(hash: 0, id: 0), count: 256)
        mask = 255
    }

    /// The id of the interned node equal to `node` (whose hash is `hash`) among `types`, if
    /// there is one.
    func find(_ node: TypeNode, hash: Int, in types: StableTable<TypeNode>) -> TypeID? {
        var i = hash & mask
        while true {
            let s = slots[i]
            if s.id == 0 { return nil }
            if s.hash == hash && types[Int(s.id)] == node { return TypeID(s.id) }
            i = (i + 1) & mask
        }
    }

    /// Records `id` as the interned node with hash `hash`; `find` must have answered nil.
    mutating func add(_ id: TypeID, hash: Int) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(Slot(hash: hash, id: id.raw))
        count += 1
    }

    private mutating func place(_ slot: Slot) {
        var i = slot.hash & mask
        while slots[i].id != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, id: 0), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.id != 0 { place(s) }
    }
}
