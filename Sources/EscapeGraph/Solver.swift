/// Per-location scratch state of the walks, kept apart from the graph so the graph stays a
/// plain description.
struct WalkState {
    var derefs: [Int32]
    var generation: [UInt32]
    var pathNext: [Int32]      // the destination one step closer to the root
    var pathEdge: [Int32]      // the edge from pathNext back to this location
    var queuedForAll: [Bool]
    var queuedForOne: [UInt32] // generation when queued for the current walk, 0 if not queued
    /// The locations an explanation's path has passed (`withPath`): marked with the path's
    /// number, where a set per explanation allocated and hashed.
    var onPath: [UInt32]
    var pathNumber: UInt32 = 0
    /// Explanation names by location, filled as paths name them (empty until the first).
    var explanationNames: [String?] = []
    /// The queue of the current walk, empty between walks: one for all of them, where a queue
    /// per walk allocated its storage once per root.
    var walkQueue = LocationDeque(capacity: 1)

    init(count: Int) {
        derefs = [Int32](repeating: 0, count: count)
        generation = [UInt32](repeating: 0, count: count)
        pathNext = [Int32](repeating: -1, count: count)
        pathEdge = [Int32](repeating: -1, count: count)
        queuedForAll = [Bool](repeating: false, count: count)
        queuedForOne = [UInt32](repeating: 0, count: count)
        onPath = [UInt32](repeating: 0, count: count)
    }
}

extension EscapeGraph {
    /// Walks from every root until no location gains an attribute: heap first, then callee,
    /// mutator, then the caller's locations from the most recently created; a location that
    /// gains an attribute is walked again (first, if it now escapes).
    mutating func walkAll() {
        var state = WalkState(count: kinds.count)
        var todo = LocationDeque(capacity: kinds.count)
        for raw in LocationID.pseudoCount..<Int32(kinds.count) {
            todo.pushFront(raw)
            state.queuedForAll[Int(raw)] = true
        }
        for pseudo in [LocationID.mutator, .callee, .heap] {
            todo.pushFront(pseudo.raw)
            state.queuedForAll[pseudo.index] = true
        }
        var generation: UInt32 = 0
        while let root = todo.popFront() {
            state.queuedForAll[Int(root)] = false
            generation += 1
            walkOne(LocationID(raw: root), generation, &state, &todo)
        }
    }

    private func enqueue(_ l: Int32, _ state: inout WalkState, _ todo: inout LocationDeque) {
        guard !state.queuedForAll[Int(l)] else { return }
        state.queuedForAll[Int(l)] = true
        if attributeBits[Int(l)].has(.escapes) { todo.pushFront(l) } else { todo.pushBack(l) }
    }

    /// Shortest derefs from every location to `root` (Bellman-Ford over incoming edges, with
    /// derefs clamped at 0 after an address so negative cycles cannot arise), applying the
    /// consequences to each location reached.
    private mutating func walkOne(_ root: LocationID, _ generation: UInt32,
                                  _ state: inout WalkState, _ all: inout LocationDeque) {
        let r = root.index
        state.generation[r] = generation
        state.derefs[r] = 0
        state.pathNext[r] = -1

        if attributeBits[r].has(.calls) { loseClosureResults(root, &state, &all) }

        state.walkQueue.pushFront(root.raw)
        while let lRaw = state.walkQueue.popFront() {
            let l = Int(lRaw)
            let loc = LocationID(raw: lRaw)
            state.queuedForOne[l] = 0
            var derefs = state.derefs[l]
            var gained = LocationAttributes(rawValue: 0)

            if derefs < 0 {
                // l's address reaches root; what l holds does not (clamp to 0).
                derefs = 0
                if outlives(root, loc) {
                    if !attributeBits[l].has(.escapes) && options.explains {
                        record(escapeExplanation(of: loc, steps: [], truncated: false)
                            .withPath(self, from: loc, to: root, &state))
                    }
                    gained = .all
                } else if attributeBits[r].has(.persists) {
                    gained = gained.adding(.persists)
                }
            }
            if derefs == 0 {
                gained = gained.adding(attributeBits[r].masked(.propagating))
            }

            if flagBits[l].has(.parameter) {
                if outlives(root, loc) {
                    if !attributeBits[l].has(.escapes) && options.explains {
                        let fn = owners[l]
                        var e = FlowExplanation(position: positions[l],
                                                subject: .parameterLeak(parameter: texts[l], sink: explanationName(of: root),
                                                                        function: fn >= 0 ? functions[Int(fn)].name : "<nil>",
                                                                        derefs: Int(derefs)),
                                                steps: [], truncated: false)
                        e = e.withPath(self, from: loc, to: root, &state)
                        record(e)
                    }
                    leak(loc, to: root, derefs: Int(derefs))
                }
                if attributeBits[r].has(.mutates) { paramLeaks[l].addMutator(Int(derefs)) }
                if attributeBits[r].has(.calls) { paramLeaks[l].addCallee(Int(derefs)) }
            }

            if gained.gains(over: attributeBits[l]) {
                attributeBits[l] = attributeBits[l].adding(gained)
                enqueue(lRaw, &state, &all)
                if attributeBits[l].has(.escapes) { continue }
            }

            var e = firstEdge[l]
            while e >= 0 {
                let edge = edges[Int(e)]
                let s = Int(edge.source)
                if !attributeBits[s].has(.escapes) {
                    let d = derefs + edge.derefs
                    if state.generation[s] != generation || state.derefs[s] > d {
                        state.generation[s] = generation
                        state.derefs[s] = d
                        state.pathNext[s] = lRaw
                        state.pathEdge[s] = e
                        if state.queuedForOne[s] != generation {
                            state.queuedForOne[s] = generation
                            state.walkQueue.pushBack(edge.source)
                        }
                    }
                }
                e = edge.next
            }
        }
    }

    /// A capturing closure of this batch reaching an untracked call loses track of its
    /// results: from now on they outlive the enclosing function's locals, so walk them again.
    private mutating func loseClosureResults(_ root: LocationID, _ state: inout WalkState,
                                             _ all: inout LocationDeque) {
        guard case .allocation(.closure) = kinds[root.index] else { return }
        let fn = closureFunctions[root.index]
        guard fn >= 0, !functions[Int(fn)].resultsLost else { return }
        functions[Int(fn)].resultsLost = true
        for result in functions[Int(fn)].results {
            if let result { enqueue(result.raw, &state, &all) }
        }
    }

    /// Records that parameter `param` leaks to `sink`: a result leak when `sink` is a
    /// non-escaping result of the same function among the first five, else a heap leak.
    private mutating func leak(_ param: LocationID, to sink: LocationID, derefs: Int) {
        let s = sink.index
        if !attributeBits[s].has(.escapes) && flagBits[s].has(.result) && owners[s] == owners[param.index] {
            let ri = Int(resultIndices[s]) - 1
            if ri < LeakSummary.trackedResults {
                paramLeaks[param.index].addResult(ri, derefs)
                return
            }
        }
        paramLeaks[param.index].addHeap(derefs)
    }

    /// Whether values stored in `l` may live longer than `other` would if `other` were on
    /// the stack.
    public func outlives(_ l: LocationID, _ other: LocationID) -> Bool {
        let li = l.index, oi = other.index
        if attributeBits[li].has(.escapes) { return true }
        if l == .mutator || l == .callee { return false }
        if flagBits[li].has(.result) {
            // A closure's results stay inside its enclosing function while every call of the
            // closure is known.
            let fn = owners[li]
            if containsClosure(owners[oi], fn) && !functions[Int(fn)].resultsLost { return false }
            return true
        }
        if owners[li] == owners[oi] && loopDepths[li] < loopDepths[oi] { return true }
        if containsClosure(owners[li], owners[oi]) { return true }
        return false
    }
}

extension FlowExplanation {
    /// Fills in the path from `src` to `root` by following the walk's back-pointers, cutting
    /// it (and saying so) at an assignment cycle.
    func withPath(_ g: EscapeGraph, from src: LocationID, to root: LocationID, _ state: inout WalkState) -> FlowExplanation {
        var out = self
        // The steps are counted first so the path's array is allocated once.
        var count = 0
        follow(from: src, to: root, &state) { _, _, _ in count += 1 }
        out.steps.reserveCapacity(count)
        out.truncated = follow(from: src, to: root, &state) { state, cur, dst in
            let edge = g.edges[Int(state.pathEdge[Int(cur)])]
            out.steps.append(FlowStep(destination: state.explanationName(of: dst, in: g), operators: Self.operators(edge.derefs),
                                      source: state.explanationName(of: cur, in: g), notes: g.noteChain(edge.notes)))
        }
        return out
    }

    /// Calls `step` with the state and each (location, destination) of the walk's back-pointers from `src`
    /// to `root`; returns true when the path was cut at an assignment cycle.
    private func follow(from src: LocationID, to root: LocationID, _ state: inout WalkState,
                        _ step: (inout WalkState, Int32, Int32) -> Void) -> Bool {
        state.pathNumber += 1
        let mark = state.pathNumber
        var cur = src.raw
        while true {
            if state.onPath[Int(cur)] == mark { return true }
            state.onPath[Int(cur)] = mark
            let dst = state.pathNext[Int(cur)]
            guard dst >= 0, state.pathEdge[Int(cur)] >= 0 else {
                preconditionFailure("internal error: EscapeGraph explanation path broken at loc#\(cur)")
            }
            step(&state, cur, dst)
            if dst == root.raw { return false }
            cur = dst
        }
    }

    /// `&` for an address, else one `*` per deref.
    static func operators(_ derefs: Int32) -> String {
        derefs < 0 ? "&" : String(repeating: "*", count: Int(derefs))
    }
}

extension WalkState {
    /// The location's explanation name (`EscapeGraph.explanationName(of:)`), made once per
    /// location of the batch: paths share their locations, and `{storage for …}` names are
    /// built strings.
    mutating func explanationName(of raw: Int32, in g: EscapeGraph) -> String {
        if explanationNames.isEmpty { explanationNames = [String?](repeating: nil, count: onPath.count) }
        if let known = explanationNames[Int(raw)] { return known }
        let name = g.explanationName(of: LocationID(raw: raw))
        explanationNames[Int(raw)] = name
        return name
    }
}

/// A double-ended queue of location indices (push at either end, pop at the front).
struct LocationDeque {
    private var storage: [Int32]
    private var head = 0
    private var count = 0

    init(capacity: Int) {
        var c = 2
        while c < capacity { c <<= 1 }
        storage = [Int32](repeating: 0, count: c)
    }

    var isEmpty: Bool { count == 0 }

    mutating func pushFront(_ v: Int32) {
        if count == storage.count { grow() }
        head = (head - 1) & (storage.count - 1)
        storage[head] = v
        count += 1
    }

    mutating func pushBack(_ v: Int32) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = v
        count += 1
    }

    mutating func popFront() -> Int32? {
        guard count > 0 else { return nil }
        let v = storage[head]
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return v
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: storage.count * 2)
        for i in 0..<count { bigger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = bigger
        head = 0
    }
}
