/// The context an expression is evaluated into: "store the value, dereferenced `derefs`
/// times, into `destination`". Notes explaining the path so far are kept in the graph's note
/// arena; `notes` is the head of that chain (−1 when empty).
public struct Hole: Sendable, Hashable {
    /// Where the value goes.
    public let destination: LocationID
    /// Derefs applied on the way (≥ −1; −1 = the expression's address).
    public let derefs: Int32
    /// Head of the note chain in the graph's arena, −1 for none.
    let notes: Int32
    /// Whether this context takes the expression's address (even if the address is dropped).
    public let takesAddress: Bool

    init(destination: LocationID, derefs: Int32 = 0, notes: Int32 = -1, takesAddress: Bool = false) {
        self.destination = destination
        self.derefs = derefs
        self.notes = notes
        self.takesAddress = takesAddress
    }

    /// The heap.
    public static let heap = Hole(destination: .heap)
    /// The mutator pseudo-location.
    public static let mutator = Hole(destination: .mutator)
    /// The callee pseudo-location.
    public static let callee = Hole(destination: .callee)
    /// The discard hole (also where the caller sends pointer-free values).
    public static let discard = Hole(destination: .blank)

    /// A plain hole storing into `location`.
    public static func into(_ location: LocationID) -> Hole { Hole(destination: location) }

    /// Whether values sent here are dropped.
    public var isDiscard: Bool { destination == .blank }

    /// The same hole with `delta` more derefs; a negative delta makes it an address hole.
    public func shifted(by delta: Int32) -> Hole {
        let d = derefs + delta
        precondition(d >= -1, "internal error: EscapeGraph derefs underflow (\(d))")
        return Hole(destination: destination, derefs: d, notes: notes, takesAddress: delta < 0)
    }
}

extension EscapeGraph {
    /// Adds an explanation note (kept only when `options.explains`).
    public mutating func note(_ k: Hole, _ site: NoteSite, _ why: FlowReason) -> Hole {
        guard options.explains else { return k }
        notes.append(NoteRecord(site: site, why: why, next: k.notes))
        return Hole(destination: k.destination, derefs: k.derefs, notes: Int32(notes.count - 1),
                    takesAddress: k.takesAddress)
    }

    /// `&expr`: one deref less, with a note.
    public mutating func addr(_ k: Hole, _ site: NoteSite, _ why: FlowReason) -> Hole {
        note(k.shifted(by: -1), site, why)
    }

    /// `*expr`: one deref more, with a note.
    public mutating func deref(_ k: Hole, _ site: NoteSite, _ why: FlowReason) -> Hole {
        note(k.shifted(by: 1), site, why)
    }

    /// A type assertion to a type: a deref unless the target is an interface or pointer-shaped.
    public mutating func dotType(_ k: Hole, targetIsInterfaceOrPointerShaped: Bool,
                                 _ site: NoteSite, _ why: FlowReason) -> Hole {
        note(targetIsInterfaceOrPointerShaped ? k : k.shifted(by: 1), site, why)
    }

    /// Records that `source`'s value flows into `k`. Address holes mark the source
    /// address-taken; flows into blank and self value-flows are dropped; the address of a
    /// source flowing into an escaping destination makes the source escape at once (and is
    /// explained at once).
    public mutating func flow(_ k: Hole, _ source: LocationID) {
        requireBuilding()
        if k.takesAddress { flagBits[source.index] = LocationFlags(rawValue: flagBits[source.index].rawValue | LocationFlags.addressTaken.rawValue) }
        let dst = k.destination
        if dst == .blank { return }
        if dst == source && k.derefs >= 0 { return }
        if attributeBits[dst.index].has(.escapes) && k.derefs < 0 {
            if options.explains {
                let step = FlowStep(destination: explanationName(of: dst), operators: FlowExplanation.operators(k.derefs),
                                    source: explanationName(of: source), notes: noteChain(k.notes))
                record(escapeExplanation(of: source, steps: [step], truncated: false))
            }
            attributeBits[source.index] = .all
            return
        }
        let e = Int32(edges.count)
        edges.append(Edge(source: source.raw, derefs: k.derefs, notes: k.notes, next: -1))
        if lastEdge[dst.index] >= 0 {
            edges[Int(lastEdge[dst.index])].next = e
        } else {
            firstEdge[dst.index] = e
        }
        lastEdge[dst.index] = e
    }

    /// A hole whose value flows into every hole of `ks` (through a new `{temp}`); no hole
    /// for none, the hole itself for one. Address holes cannot be teed.
    public mutating func teeHole(_ ks: [Hole]) -> Hole {
        if ks.isEmpty { return .discard }
        if ks.count == 1 { return ks[0] }
        let tmp = addTemporary(persists: false)
        for k in ks {
            precondition(k.derefs >= 0, "internal error: EscapeGraph teeHole of an address hole")
            flow(k, tmp)
        }
        return .into(tmp)
    }

    /// A persistent `{temp}` that flows into `k` later (deferred uses, range operands).
    public mutating func later(_ k: Hole) -> Hole {
        let tmp = addTemporary(persists: true)
        flow(k, tmp)
        return .into(tmp)
    }

    /// Creates the allocation `text` of `kind` at the cursor, flows its address into `k`
    /// (note `spill`), and returns the hole that stores into the new storage.
    public mutating func spill(_ k: Hole, _ text: String, kind: AllocationKind, at position: SourcePosition) -> Hole {
        let loc = addAllocation(text, kind: kind, at: position)
        let site = NoteSite(text, at: position)
        flow(addr(k, site, .spill), loc)
        return .into(loc)
    }

    /// The notes of a chain, most recent first (the order they are printed).
    func noteChain(_ head: Int32) -> [FlowNote] {
        var count = 0
        var n = head
        while n >= 0 {
            count += 1
            n = notes[Int(n)].next
        }
        var out: [FlowNote] = []
        out.reserveCapacity(count)
        n = head
        while n >= 0 {
            let r = notes[Int(n)]
            out.append(FlowNote(site: r.site, why: r.why))
            n = r.next
        }
        return out
    }
}
