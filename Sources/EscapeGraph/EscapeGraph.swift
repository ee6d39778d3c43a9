// EscapeGraph: the engine-independent core of Go's escape analysis.
//
// Model. A batch of Go functions (one strongly connected component of the "mentions" graph,
// with capturing closures inside their parent's batch) becomes one directed, weighted graph.
// A *location* is an abstract storage cell: a variable (parameter, result, local, autotmp), an
// allocating expression (`new`, `&T{}`, `make`, a closure record, a boxed interface value,
// the backing store `append` may allocate, ...), or an unnamed temporary. Four
// pseudo-locations exist in every graph: the heap, the mutator (pointer operand of indirect
// stores), the callee (operand of calls whose results are not tracked) and blank (discard).
// An *edge* `dst ← src` with weight `derefs` says that `src`'s value, dereferenced `derefs`
// times, is stored into `dst`; `derefs` is (number of `*`) − (number of `&`) and never below
// −1 (`p = &q` is −1, `p = q` is 0, `p = **q` is 2). Edges are field- and index-insensitive.
// A *hole* is the context an expression is evaluated into: a destination, a deref count,
// and a chain of explanation notes; the caller's lowering (expressions, statements, calls)
// turns Go code into `flow(hole, source)` calls and never sees edges directly.
//
// Solving (`solve`) follows the compiler's order exactly: for every root location (heap first,
// then the callee and mutator pseudo-locations, then the caller's locations in reverse
// creation order), a Bellman-Ford walk over incoming edges computes the minimum derefs from
// each reachable location to the root. A location whose address (derefs < 0) reaches a root
// that *outlives* it must be heap allocated; parameters reaching the heap or a result record
// a `LeakSummary` (the cross-package tag); `mutates` and `calls` attributes propagate along
// value flows. Locations that gain an attribute are walked again, so the fixpoint is reached
// after at most a few walks per location. `finish` then produces the tags and the `-m` lines
// in the compiler's print order, and the `-m=2` explanations are recorded while solving, in
// the order the compiler prints them, as structured `FlowExplanation`s.
//
// Invariants.
// - Ids are arena indices (`Int32`); locations, edges and notes live in flat arrays. A
//   location's incoming edges form a linked list in insertion order, which is the compiler's
//   `edges` slice order (the walk order, and so the explanation text, depend on it).
// - Every hole has derefs ≥ −1; a tee never receives an address hole.
// - Locations are created in the compiler's `allLocs` order by the caller: each function's
//   declarations first (all functions of the batch), then expression locations in walk order.
// - The graph is built, then `decideCaptures`, then forced heap allocations, then `solve`
//   exactly once; building after solving is an internal error.
//
// Not modelled here (the lowering's job): the scalar short-circuit (evaluate pointer-free
// values into `Hole.discard`), callee resolution and batching, `rewriteWithLiterals`, the
// type facts behind `HeapAllocationRule`, and the rendering of nodes as text. Not modelled at
// all: the `-json` optimisation log, the runtime package's "not allowed in runtime" errors,
// `alias.go` (GOEXPERIMENT=runtimefreegc only).
//
// Using it (one batch; `return &x` in `func Ret() *int { x := 1; return &x }`):
//
//     var g = EscapeGraph()                              // options: the -m level
//     let ret = g.declareFunction("Ret")                 // every function of the batch
//     g.enter(ret)                                       // cursor: function, loop depth 1
//     let r0 = g.addVariable("~r0", .result, at: .none, resultIndex: 1)
//     let x = g.addVariable("x", .local, at: pos(4, 2))  // all declarations first
//     g.declareParameters(of: ret, [])                   // receiver + params, with type facts
//     var k = g.note(.into(r0), site("return &x"), .return)   // ORETURN: the result hole
//     k = g.addr(k, site("&x"), .addressOf)              // OADDR: one deref less
//     g.flow(k, x)                                       // ONAME: the edge ~r0 ← &x
//     g.decideCaptures()                                 // after the whole batch is built
//     g.forceHeapAllocation(loc, reason: …)              // per HeapAllocationRule, in order
//     let result = g.solve()                             // tags, verdicts, explanations
//
// Calls to functions of earlier batches evaluate each argument into
// `argumentHole(calleeTag:resultHoles:)`; calls inside the batch flow arguments into the
// callee's parameter locations and its result locations into the result holes. A capturing
// closure is declared with its `closureParent`, its record made with `spill(kind: .closure)`
// and registered with `recordClosure` where the literal appears, before its body is walked.
//
// Complexity. Building is O(1) amortised per location, edge and note. Each location is walked
// at most once per attribute transition (escapes, persists, mutates, calls) plus once
// initially, and each walk is Bellman-Ford over the reachable subgraph, so solving is
// O(L × (L + E)) in the worst case and close to O(L + E) per root on real code.

/// One batch's escape graph: locations, holes, edges, and after `solve` the verdicts, leak
/// tags and explanations. A value type; all storage is flat arrays indexed by `LocationID`.
public struct EscapeGraph: Sendable {
    /// What the caller wants recorded (the compiler's `-m` level and debug switches).
    public let options: EscapeOptions

    /// Where new temporaries and allocations are created: the function being walked and the
    /// current loop depth (1 at the top of every function body).
    public var cursor: BuildCursor

    // Locations, one entry per LocationID (struct of arrays).
    var kinds: [LocationKind] = []
    var owners: [Int32] = []
    var loopDepths: [Int32] = []
    var resultIndices: [Int32] = []
    var flagBits: [LocationFlags] = []
    var attributeBits: [LocationAttributes] = []
    var positions: [SourcePosition] = []
    var texts: [String] = []
    var paramLeaks: [LeakSummary] = []
    var closureFunctions: [Int32] = []
    var firstEdge: [Int32] = []
    var lastEdge: [Int32] = []

    // Edges and explanation notes.
    var edges: [Edge] = []
    var notes: [NoteRecord] = []

    var functions: [FunctionRecord] = []
    var pendingClosures: [PendingClosure] = []
    var messages: [EscapeMessage] = []
    var capturesDecided = false
    var solved = false

    /// Creates an empty graph with the four pseudo-locations, with room for `locations` more
    /// locations, `edges` edges and `notes` notes: sized at once, where the pseudo-locations
    /// grew each of the dozen location arrays three times before a later reservation copied
    /// them again, for every batch.
    public init(options: EscapeOptions = EscapeOptions(), locations: Int = 0, edges: Int = 0, notes: Int = 0) {
        self.options = options
        self.cursor = BuildCursor(function: nil, loopDepth: 1)
        reserveCapacity(locations: Int(LocationID.pseudoCount) + locations, edges: edges, notes: notes)
        appendLocation(kind: .pseudo, owner: -1, loopDepth: 0, flags: [],
                       attributes: .all, position: .none, text: "{heap}")
        appendLocation(kind: .pseudo, owner: -1, loopDepth: 0, flags: [],
                       attributes: .mutates, position: .none, text: "")
        appendLocation(kind: .pseudo, owner: -1, loopDepth: 0, flags: [],
                       attributes: .calls, position: .none, text: "")
        appendLocation(kind: .pseudo, owner: -1, loopDepth: 0, flags: [],
                       attributes: [], position: .none, text: "")
    }

    /// Makes room for `locations` more locations, `edges` more edges and `notes` more notes
    /// at once: a batch's graph starts empty, and growing its dozen location arrays by
    /// doubling copied each of them several times per batch.
    public mutating func reserveCapacity(locations: Int, edges: Int, notes: Int) {
        let l = kinds.count + locations
        kinds.reserveCapacity(l)
        owners.reserveCapacity(l)
        loopDepths.reserveCapacity(l)
        resultIndices.reserveCapacity(l)
        flagBits.reserveCapacity(l)
        attributeBits.reserveCapacity(l)
        positions.reserveCapacity(l)
        texts.reserveCapacity(l)
        paramLeaks.reserveCapacity(l)
        closureFunctions.reserveCapacity(l)
        firstEdge.reserveCapacity(l)
        lastEdge.reserveCapacity(l)
        self.edges.reserveCapacity(self.edges.count + edges)
        if options.explains { self.notes.reserveCapacity(self.notes.count + notes) }
    }

    /// Number of locations, pseudo-locations included.
    public var locationCount: Int { kinds.count }
    /// Number of edges.
    public var edgeCount: Int { edges.count }
    /// The caller's locations in creation order (pseudo-locations excluded).
    public var locations: [LocationID] {
        (LocationID.pseudoCount..<Int32(kinds.count)).map { LocationID(raw: $0) }
    }

    // MARK: Functions

    /// Declares a function of the batch (in batch order). A closure names its enclosing
    /// function, which must be declared first; that link drives `outlives`.
    @discardableResult
    public mutating func declareFunction(_ name: String, closureParent: FunctionID? = nil,
                                         flags: FunctionFlags = []) -> FunctionID {
        requireBuilding()
        if let p = closureParent, p.index >= functions.count {
            preconditionFailure("internal error: EscapeGraph closure parent \(p) of \(name) is not declared")
        }
        functions.append(FunctionRecord(name: name, parent: closureParent?.raw ?? -1, flags: flags))
        return FunctionID(raw: Int32(functions.count - 1))
    }

    /// Declares a function's receiver and parameters in order (receiver first), with the
    /// facts the tag rules need. Named parameters with a body carry their location.
    public mutating func declareParameters(of function: FunctionID, _ parameters: [ParameterDeclaration]) {
        requireBuilding()
        functions[function.index].parameters = parameters
    }

    /// The function's display name, as used in messages (`Appender`, `(*T).Get`, `F.func1`).
    public func name(of function: FunctionID) -> String { functions[function.index].name }

    /// The function's enclosing function, for closures.
    public func closureParent(of function: FunctionID) -> FunctionID? {
        let p = functions[function.index].parent
        return p < 0 ? nil : FunctionID(raw: p)
    }

    /// Whether the closure's results were lost (its record reached an untracked call).
    public func resultsLost(of function: FunctionID) -> Bool { functions[function.index].resultsLost }

    /// Whether `inner` is a closure nested, at any depth, inside `outer` (never itself).
    public func contains(_ outer: FunctionID, closure inner: FunctionID) -> Bool {
        containsClosure(outer.raw, inner.raw)
    }

    func containsClosure(_ outer: Int32, _ inner: Int32) -> Bool {
        guard outer >= 0, inner >= 0, outer != inner else { return false }
        var p = functions[Int(inner)].parent
        while p >= 0 {
            if p == outer { return true }
            p = functions[Int(p)].parent
        }
        return false
    }

    // MARK: Locations

    /// Sets the function being walked and resets the loop depth to 1.
    public mutating func enter(_ function: FunctionID) {
        cursor = BuildCursor(function: function, loopDepth: 1)
    }

    /// Adds a named variable of `function` (default: the cursor's) at the cursor's loop depth.
    /// Results take their 1-based index in the function's result list. Declared variables
    /// persist (their storage is never reused within the statement).
    @discardableResult
    public mutating func addVariable(_ name: String, _ variableClass: VariableClass, at position: SourcePosition,
                                     in function: FunctionID? = nil, resultIndex: Int? = nil,
                                     loopDepth: Int32? = nil) -> LocationID {
        let fn = owner(function)
        var flags: LocationFlags = []
        switch variableClass {
        case .parameter: flags.insert(.parameter)
        case .result: flags.insert(.result)
        case .local, .autotmp: break
        }
        if variableClass == .result, (resultIndex ?? 0) < 1 {
            preconditionFailure("internal error: EscapeGraph result \(name) without a 1-based index")
        }
        let id = appendLocation(kind: .variable(variableClass), owner: fn.raw,
                                loopDepth: loopDepth ?? cursor.loopDepth, flags: flags,
                                attributes: .persists, position: position, text: name)
        if variableClass == .result, let ri = resultIndex {
            resultIndices[id.index] = Int32(ri)
            var results = functions[fn.index].results
            while results.count < ri { results.append(nil) }
            results[ri - 1] = id
            functions[fn.index].results = results
        }
        return id
    }

    /// Adds an allocation site (`text` is the node as the compiler renders it) at the cursor.
    /// Usually created through `spill`.
    @discardableResult
    public mutating func addAllocation(_ text: String, kind: AllocationKind, at position: SourcePosition,
                                       persists: Bool = false) -> LocationID {
        appendLocation(kind: .allocation(kind), owner: owner(nil).raw, loopDepth: cursor.loopDepth,
                       flags: [], attributes: persists ? .persists : [], position: position, text: text)
    }

    /// Adds an unnamed temporary (prints `{temp}`, no verdict) at the cursor.
    @discardableResult
    public mutating func addTemporary(persists: Bool = false) -> LocationID {
        appendLocation(kind: .temporary, owner: owner(nil).raw, loopDepth: cursor.loopDepth,
                       flags: [], attributes: persists ? .persists : [], position: .none, text: "")
    }

    /// Re-stamps a location's loop depth (a declaration statement, or 0 for `append`'s store).
    public mutating func setLoopDepth(_ location: LocationID, _ depth: Int32) {
        requireBuilding()
        loopDepths[location.index] = depth
    }

    /// Marks a variable reassigned (assigned other than by its defining statement).
    public mutating func markReassigned(_ location: LocationID) {
        flagBits[location.index].insert(.reassigned)
    }

    /// Marks an allocation whose verdict is not printed (go/defer wrapper closures).
    public mutating func suppressVerdict(_ location: LocationID) {
        flagBits[location.index].insert(.suppressVerdict)
    }

    /// What the location stands for.
    public func kind(of location: LocationID) -> LocationKind { kinds[location.index] }
    /// The location's function (nil for pseudo-locations).
    public func function(of location: LocationID) -> FunctionID? {
        let o = owners[location.index]
        return o < 0 ? nil : FunctionID(raw: o)
    }
    /// Loop depth at declaration.
    public func loopDepth(of location: LocationID) -> Int32 { loopDepths[location.index] }
    /// 1-based result index, 0 for non-results.
    public func resultIndex(of location: LocationID) -> Int { Int(resultIndices[location.index]) }
    /// Flags set while building (and `transient`, set by `solve`).
    public func flags(of location: LocationID) -> LocationFlags { flagBits[location.index] }
    /// Attributes: what the solver learnt (`escapes` = heap allocated).
    public func attributes(of location: LocationID) -> LocationAttributes { attributeBits[location.index] }
    /// The location's position.
    public func position(of location: LocationID) -> SourcePosition { positions[location.index] }
    /// The node text: a variable's name or the allocating expression.
    public func text(of location: LocationID) -> String { texts[location.index] }
    /// A parameter's raw leak summary as solved (before `optimize`).
    public func leaks(of location: LocationID) -> LeakSummary { paramLeaks[location.index] }

    /// The location as the compiler names it in explanations: `{heap}`, `{temp}`, the
    /// variable's name, or `{storage for EXPR}`.
    public func explanationName(of location: LocationID) -> String {
        if location == .heap { return "{heap}" }
        switch kinds[location.index] {
        case .pseudo, .temporary: return "{temp}"
        case .variable: return texts[location.index]
        case .allocation: return "{storage for \(texts[location.index])}"
        }
    }

    /// The incoming edges of a location, in insertion order.
    public func incomingEdges(of location: LocationID) -> [FlowEdge] {
        var out: [FlowEdge] = []
        var e = firstEdge[location.index]
        while e >= 0 {
            let edge = edges[Int(e)]
            out.append(FlowEdge(source: LocationID(raw: edge.source), derefs: Int(edge.derefs)))
            e = edge.next
        }
        return out
    }

    // MARK: Storage helpers

    @discardableResult
    mutating func appendLocation(kind: LocationKind, owner: Int32, loopDepth: Int32, flags: LocationFlags,
                                 attributes: LocationAttributes, position: SourcePosition,
                                 text: String) -> LocationID {
        requireBuilding()
        kinds.append(kind)
        owners.append(owner)
        loopDepths.append(loopDepth)
        resultIndices.append(0)
        flagBits.append(flags)
        attributeBits.append(attributes)
        positions.append(position)
        texts.append(text)
        paramLeaks.append(LeakSummary())
        closureFunctions.append(-1)
        firstEdge.append(-1)
        lastEdge.append(-1)
        return LocationID(raw: Int32(kinds.count - 1))
    }

    func owner(_ function: FunctionID?) -> FunctionID {
        guard let fn = function ?? cursor.function else {
            preconditionFailure("internal error: EscapeGraph location created outside any function (call enter first)")
        }
        guard fn.index < functions.count else {
            preconditionFailure("internal error: EscapeGraph function \(fn) is not declared")
        }
        return fn
    }

    func requireBuilding() {
        if solved { preconditionFailure("internal error: EscapeGraph changed after solve") }
    }
}
