/// A variable captured by a closure, as the lowering sees it at the closure expression.
public struct CapturedVariable: Sendable, Hashable {
    /// The outer variable's location.
    public var variable: LocationID
    /// The closure's own reference to it (its text and position inside the closure body):
    /// the `from x (captured by a closure) at POS` note.
    public var use: NoteSite
    /// The variable's size in bytes.
    public var width: Int64

    /// Creates a captured variable.
    public init(variable: LocationID, use: NoteSite, width: Int64) {
        self.variable = variable
        self.use = use
        self.width = width
    }
}

extension EscapeGraph {
    /// The largest variable captured by value.
    public static let maxByValueCaptureWidth: Int64 = 128

    /// Records a capturing closure at its expression: `record` is the closure record's
    /// allocation (from `spill`), `function` the closure's function in this batch. Each
    /// variable is marked captured; on its first capture, a variable declared at the cursor's
    /// loop depth forgets earlier reassignments (straight-line code before the closure).
    /// The capture mode is decided later by `decideCaptures`.
    public mutating func recordClosure(_ record: LocationID, function: FunctionID, captures: [CapturedVariable]) {
        requireBuilding()
        guard case .allocation(.closure) = kinds[record.index] else {
            preconditionFailure("internal error: EscapeGraph closure record \(record) is not a closure allocation")
        }
        closureFunctions[record.index] = function.raw
        for c in captures {
            let v = c.variable.index
            if !flagBits[v].contains(.captured) {
                flagBits[v].insert(.captured)
                if loopDepths[v] == cursor.loopDepth { flagBits[v].remove(.reassigned) }
            }
        }
        pendingClosures.append(PendingClosure(record: record, captures: captures))
    }

    /// Decides, after the whole batch is built, how each recorded closure captures each
    /// variable: by value iff it is not address-taken, not reassigned and at most 128 bytes;
    /// otherwise by reference (its address flows into the record, note `reference`). The
    /// value or address flows into the record with note `captured by a closure`.
    @discardableResult
    public mutating func decideCaptures() -> [CaptureDecision] {
        requireBuilding()
        precondition(!capturesDecided, "internal error: EscapeGraph decideCaptures called twice")
        capturesDecided = true
        var decisions: [CaptureDecision] = []
        for closure in pendingClosures {
            for c in closure.captures {
                let v = c.variable.index
                let addressTaken = flagBits[v].contains(.addressTaken)
                let reassigned = flagBits[v].contains(.reassigned)
                let byValue = !addressTaken && !reassigned && c.width <= Self.maxByValueCaptureWidth
                let fn = owners[v]
                let d = CaptureDecision(variable: c.variable, closureRecord: closure.record,
                                        byReference: !byValue,
                                        function: fn >= 0 ? functions[Int(fn)].name : "<nil>",
                                        name: texts[v], position: positions[v],
                                        addressTaken: addressTaken, reassigned: reassigned, width: c.width)
                decisions.append(d)
                if options.explains { messages.append(.capture(d)) }
                var k = Hole.into(closure.record)
                if !byValue { k = addr(k, c.use, .reference) }
                flow(note(k, c.use, .capturedByClosure), c.variable)
            }
        }
        pendingClosures = []
        return decisions
    }
}
