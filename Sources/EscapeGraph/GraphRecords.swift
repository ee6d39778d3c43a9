/// An incoming edge as seen by callers (for inspection and tests).
public struct FlowEdge: Sendable, Hashable {
    /// The source location.
    public var source: LocationID
    /// Derefs along the edge (−1 for an address).
    public var derefs: Int

    /// Creates an edge description.
    public init(source: LocationID, derefs: Int) {
        self.source = source
        self.derefs = derefs
    }
}

struct Edge: Sendable {
    var source: Int32
    var derefs: Int32
    var notes: Int32
    var next: Int32
}

struct NoteRecord: Sendable {
    var site: NoteSite
    var why: FlowReason
    var next: Int32
}

struct FunctionRecord: Sendable {
    var name: String
    var parent: Int32
    var flags: FunctionFlags
    var parameters: [ParameterDeclaration] = []
    var results: [LocationID?] = []
    var resultsLost = false

    init(name: String, parent: Int32, flags: FunctionFlags) {
        self.name = name
        self.parent = parent
        self.flags = flags
    }
}

struct PendingClosure: Sendable {
    var record: LocationID
    var captures: [CapturedVariable]
}
