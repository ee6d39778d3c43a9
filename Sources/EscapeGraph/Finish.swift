/// The outcome of solving one batch.
public struct EscapeBatchResult: Sendable {
    /// Every line the compiler prints for the batch, in its order: explanations recorded
    /// while building and solving, capture lines, parameter lines, then location verdicts.
    public var messages: [EscapeMessage]
    /// Per function (batch order), one tag per declared parameter (receiver first).
    public var tags: [FunctionID: [LeakSummary]]

    /// All verdict lines, in order.
    public var verdicts: [EscapeVerdict] {
        messages.compactMap { if case let .verdict(v) = $0 { return v } else { return nil } }
    }

    /// All explanations, in order.
    public var explanations: [FlowExplanation] {
        messages.compactMap { if case let .explanation(e) = $0 { return e } else { return nil } }
    }

    /// All `capturing by` decisions, in order.
    public var captures: [CaptureDecision] {
        messages.compactMap { if case let .capture(c) = $0 { return c } else { return nil } }
    }

    /// The compiler's text lines (`POS: …`), in order.
    public var lines: [String] { messages.flatMap(\.lines) }

    /// Gives every deferred note site of the explanations its text and position from
    /// `describe`, called once per distinct site; the notes of lines never printed are never
    /// described.
    public mutating func describeDeferredSites(_ describe: (DeferredSite) -> NoteSite) {
        var described: [DeferredSite: NoteSite] = [:]
        for i in messages.indices {
            guard case var .explanation(e) = messages[i],
                  e.steps.contains(where: { $0.notes.contains { $0.deferred != nil } }) else { continue }
            // The slot lets go of the explanation while it is edited, so its steps and notes
            // are uniquely referenced and mutate in place: editing the copy while the array
            // still held the original copied a notes array per note.
            messages[i] = .capture(Self.placeholder)
            for s in e.steps.indices {
                for n in e.steps[s].notes.indices {
                    guard let d = e.steps[s].notes[n].deferred else { continue }
                    let site: NoteSite
                    if let known = described[d] {
                        site = known
                    } else {
                        site = describe(d)
                        described[d] = site
                    }
                    e.steps[s].notes[n].whereText = site.text
                    e.steps[s].notes[n].position = site.position
                    e.steps[s].notes[n].deferred = nil
                }
            }
            messages[i] = .explanation(e)
        }
    }

    /// What a message slot holds while its explanation is being edited outside the array.
    private static let placeholder = CaptureDecision(
        variable: LocationID(raw: 0), closureRecord: LocationID(raw: 0), byReference: false, function: "", name: "",
        position: .none, addressTaken: false, reassigned: false, width: 0)
}

extension EscapeGraph {
    /// Solves the batch and produces its tags and messages. Decides closure captures first if
    /// the caller has not. Call once.
    public mutating func solve() -> EscapeBatchResult {
        requireBuilding()
        if !capturesDecided { decideCaptures() }
        walkAll()
        solved = true
        var tags: [FunctionID: [LeakSummary]] = [:]
        for f in functions.indices {
            let fn = FunctionID(raw: Int32(f))
            tags[fn] = functions[f].parameters.enumerated().map { parameterTag(fn, $0.offset + 1, $0.element) }
        }
        for raw in LocationID.pseudoCount..<Int32(kinds.count) { locationVerdict(LocationID(raw: raw)) }
        // Handed over, not shared: the result edits its explanations in place
        // (`describeDeferredSites`), which a second reference would turn into copies.
        let printed = messages
        messages = []
        return EscapeBatchResult(messages: printed, tags: tags)
    }

    /// The tag of one parameter, reporting its `-m` lines when the function is user code.
    private mutating func parameterTag(_ fn: FunctionID, _ ordinal: Int, _ p: ParameterDeclaration) -> LeakSummary {
        let record = functions[fn.index]
        let diagnose = options.reportsVerdicts && record.flags.isDisjoint(with: [.wrapper, .dupok])
        let name = p.name.map(Self.parameterVerdictName) ?? "arg#\(ordinal)"
        let leaksToHeap = LeakSummary(encoded: [])

        if record.flags.contains(.bodyless) {
            if p.isUintptr {
                if diagnose { emit(p, .assumingUnsafeUintptr, name, "assuming \(name) is unsafe uintptr") }
                return leaksToHeap
            }
            if !p.hasPointers { return leaksToHeap }
            var esc = LeakSummary()
            if record.flags.contains(.noescape) {
                if diagnose && p.name != nil { emit(p, .parameterNoEscape, name, "\(name) does not escape") }
                esc.addMutator(0)
                esc.addCallee(0)
            } else {
                if diagnose && p.name != nil { emit(p, .leakParam, name, "leaking param: \(name)") }
                esc.addHeap(0)
            }
            return esc
        }

        if record.flags.contains(.uintptrEscapes) {
            if p.isUintptr {
                if diagnose { emit(p, .markingEscapingUintptr, name, "marking \(name) as escaping uintptr") }
                return leaksToHeap
            }
            if p.isVariadicUintptr {
                if diagnose { emit(p, .markingEscapingUintptr, name, "marking \(name) as escaping ...uintptr") }
                return leaksToHeap
            }
        }

        if !p.hasPointers { return leaksToHeap }
        if p.isUnnamedOrBlank { return LeakSummary() }
        guard let loc = p.location else {
            preconditionFailure("internal error: EscapeGraph named parameter \(name) of \(record.name) has no location")
        }
        var esc = paramLeaks[loc.index]
        esc.optimize()
        if diagnose && !attributeBits[loc.index].contains(.escapes) {
            reportLeaks(p, name, esc, record)
        }
        return esc
    }

    /// A parameter as its `-m` verdict lines name it: the bare identifier, without the package
    /// qualifier a parameter of code copied from another package carries in flow texts
    /// (`counter.f` in `parameter counter.f leaks to …`, `f does not escape`).
    static func parameterVerdictName(_ name: String) -> String {
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[name.index(after: dot)...])
    }

    private mutating func reportLeaks(_ p: ParameterDeclaration, _ name: String, _ esc: LeakSummary,
                                      _ record: FunctionRecord) {
        var warned = false
        if let d = esc.heap {
            if d == 0 {
                emit(p, .leakParam, name, "leaking param: \(name)")
            } else {
                emit(p, .leakParamContent, name, "leaking param content: \(name)")
            }
            warned = true
        }
        for i in 0..<LeakSummary.trackedResults {
            if let d = esc.result(i) {
                let result = i < record.results.count ? record.results[i].map { texts[$0.index] } ?? "~r\(i)" : "~r\(i)"
                emit(p, .leakResult, name, "leaking param: \(name) to result \(result) level=\(d)")
                warned = true
            }
        }
        if !options.reportsMutationsAndCalls {
            if !warned { emit(p, .parameterNoEscape, name, "\(name) does not escape") }
            return
        }
        if let d = esc.mutator {
            emit(p, .mutatesParam, name, "mutates param: \(name) derefs=\(d)")
            warned = true
        }
        if let d = esc.callee {
            emit(p, .callsParam, name, "calls param: \(name) derefs=\(d)")
            warned = true
        }
        if !warned { emit(p, .parameterUntouched, name, "\(name) does not escape, mutate, or call") }
    }

    private mutating func emit(_ p: ParameterDeclaration, _ kind: VerdictKind, _ subject: String, _ text: String) {
        messages.append(.verdict(EscapeVerdict(position: p.position, kind: kind, subject: subject,
                                               text: text, location: p.location)))
    }

    /// A location's verdict: heap or not, printed per the compiler's rules, plus the
    /// `transient` flag and the zero-copy line.
    private mutating func locationVerdict(_ loc: LocationID) {
        let i = loc.index
        let kind = kinds[i]
        guard kind.hasNode else { return }
        let suppressed = flagBits[i].contains(.suppressVerdict)
        let text = texts[i]
        let pos = positions[i]
        let report = options.reportsVerdicts
        // `append`'s verdicts name the builtin alone; its explanations print the whole call.
        let subject = kind == .allocation(.append) ? "append" : text
        func verdict(_ k: VerdictKind, _ line: String) {
            messages.append(.verdict(EscapeVerdict(position: pos, kind: k, subject: subject, text: line, location: loc)))
        }
        if attributeBits[i].contains(.escapes) {
            switch kind {
            case .variable:
                if report { verdict(.movedToHeap, "moved to heap: \(text)") }
            case .allocation(let a):
                if report && !suppressed {
                    verdict(.escapes, a == .append ? "append escapes to heap" : "\(text) escapes to heap")
                }
            case .temporary, .pseudo:
                break
            }
        } else {
            if case .allocation(let a) = kind {
                if report && !suppressed {
                    verdict(.noEscape, a == .append ? "append does not escape" : "\(text) does not escape")
                }
                if !attributeBits[i].contains(.persists) && a.canBeTransient {
                    flagBits[i].insert(.transient)
                }
            }
        }
        if options.zeroCopy, kind == .allocation(.stringToBytes), !attributeBits[i].contains(.mutates), report {
            verdict(.zeroCopy, "zero-copy string->[]byte conversion")
        }
    }
}
