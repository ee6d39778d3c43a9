/// One note of a flow step: `from WHERE (WHY) at POS`.
public struct FlowNote: Sendable, Hashable, Codable {
    /// The node the note points at.
    public var whereText: String
    /// The node's position.
    public var position: SourcePosition
    /// Why the value flows.
    public var why: FlowReason
    /// The site still to be described (`EscapeBatchResult.describeDeferredSites`), nil once
    /// `whereText` and `position` are final. Never encoded.
    public var deferred: DeferredSite? = nil

    private enum CodingKeys: String, CodingKey {
        case whereText, position, why
    }

    init(site: NoteSite, why: FlowReason) {
        self.whereText = site.text
        self.position = site.position
        self.why = why
        self.deferred = site.deferred
    }

    /// `from WHERE (WHY) at POS`.
    public var text: String { text(path: { $0 }) }

    /// `from WHERE (WHY) at POS`, the position's file rendered by `path`.
    public func text(path: (String) -> String) -> String {
        line(indent: 0, file: position.isKnown ? path(position.file) : "")
    }

    /// `from WHERE (WHY) at POS` after `indent` spaces, the position's file printed as `file`,
    /// built in one allocation (`LineWriter`): every note line of every fact's explanation is
    /// built here.
    func line(indent: Int, file: String) -> String {
        let why = why.rawValue
        let known = position.isKnown
        let hasColumn = position.column > 0
        var size = indent + "from ".utf8.count + whereText.utf8.count + " (".utf8.count + why.utf8.count
            + ") at ".utf8.count
        if known {
            size += file.utf8.count + 1 + LineWriter.digits(position.line)
            if hasColumn { size += 1 + LineWriter.digits(position.column) }
        } else {
            size += "<unknown line number>".utf8.count
        }
        return LineWriter.build(capacity: size) { w in
            w.write(byte: UInt8(ascii: " "), times: indent)
            w.write(literal: "from ")
            w.write(whereText)
            w.write(literal: " (")
            w.write(why)
            w.write(literal: ") at ")
            guard known else {
                w.write(literal: "<unknown line number>")
                return
            }
            w.write(file)
            w.write(byte: UInt8(ascii: ":"))
            w.write(decimal: position.line)
            if hasColumn {
                w.write(byte: UInt8(ascii: ":"))
                w.write(decimal: position.column)
            }
        }
    }
}

/// One edge of an explained path: `DST ← OPS SRC`, with its notes, innermost first.
public struct FlowStep: Sendable, Hashable, Codable {
    /// The destination's explanation name (`{heap}`, `~r0`, `{temp}`, `{storage for …}`).
    public var destination: String
    /// `&` for an address, else one `*` per deref.
    public var operators: String
    /// The source's explanation name.
    public var source: String
    /// The notes recorded on the edge.
    public var notes: [FlowNote]

    /// `flow: DST ← OPS SRC:`.
    public var text: String { "flow: \(destination) ← \(operators)\(source):" }

    /// `  flow: DST ← OPS SRC:`, as an explanation prints it, built in one allocation.
    var line: String {
        let size = "  flow: ".utf8.count + destination.utf8.count + " ← ".utf8.count + operators.utf8.count
            + source.utf8.count + 1
        return LineWriter.build(capacity: size) { w in
            w.write(literal: "  flow: ")
            w.write(destination)
            w.write(literal: " ← ")
            w.write(operators)
            w.write(source)
            w.write(byte: UInt8(ascii: ":"))
        }
    }
}

/// A `-m=2` explanation: why a location escapes or why a parameter leaks, as the path from
/// the location to the walk root.
public struct FlowExplanation: Sendable, Hashable, Codable {
    /// What is explained.
    public enum Subject: Sendable, Hashable, Codable {
        /// `X escapes to heap in F:`.
        case escapes(subject: String, function: String)
        /// `parameter p leaks to DST for F with derefs=N:`.
        case parameterLeak(parameter: String, sink: String, function: String, derefs: Int)
    }

    /// The explained location's position: every line is prefixed with it.
    public var position: SourcePosition
    /// What is explained.
    public var subject: Subject
    /// The path, from the location towards the root.
    public var steps: [FlowStep]
    /// Whether the path was cut at an assignment cycle.
    public var truncated: Bool

    /// The text of the first line, without the position.
    /// Built in one allocation (`LineWriter`), as every explanation a fact keeps starts with it.
    public var headline: String {
        switch subject {
        case let .escapes(subject, function):
            let size = subject.utf8.count + " escapes to heap in ".utf8.count + function.utf8.count + 1
            return LineWriter.build(capacity: size) { w in
                w.write(subject)
                w.write(literal: " escapes to heap in ")
                w.write(function)
                w.write(byte: UInt8(ascii: ":"))
            }
        case let .parameterLeak(parameter, sink, function, derefs):
            guard let d = Int32(exactly: derefs), d >= 0 else {
                return "parameter \(parameter) leaks to \(sink) for \(function) with derefs=\(derefs):"
            }
            let size = "parameter ".utf8.count + parameter.utf8.count + " leaks to ".utf8.count + sink.utf8.count
                + " for ".utf8.count + function.utf8.count + " with derefs=".utf8.count + LineWriter.digits(d) + 1
            return LineWriter.build(capacity: size) { w in
                w.write(literal: "parameter ")
                w.write(parameter)
                w.write(literal: " leaks to ")
                w.write(sink)
                w.write(literal: " for ")
                w.write(function)
                w.write(literal: " with derefs=")
                w.write(decimal: d)
                w.write(byte: UInt8(ascii: ":"))
            }
        }
    }

    /// The compiler's exact lines (`POS: …`, 3 spaces before `flow`, 5 before `from`).
    public var lines: [String] {
        let pos = position.description
        return messages(path: { $0 }).map { "\(pos): \($0)" }
    }

    /// The lines without their leading position, as a fact's explanation keeps them (the
    /// compiler's text after `POS: `, spaces kept), each note's `at` file rendered by `path`.
    public func messages(path: (String) -> String) -> [String] {
        var out: [String] = []
        out.reserveCapacity(1 + steps.count + steps.reduce(0) { $0 + $1.notes.count } + (truncated ? 1 : 0))
        out.append(headline)
        // Consecutive notes mostly point into one file: its rendering is asked of `path` once.
        var lastFile: String? = nil
        var lastRendered = ""
        for step in steps {
            out.append(step.line)
            for note in step.notes {
                if note.position.isKnown && note.position.file != lastFile {
                    lastFile = note.position.file
                    lastRendered = path(note.position.file)
                }
                out.append(note.line(indent: 4, file: note.position.isKnown ? lastRendered : ""))
            }
        }
        if truncated {
            out.append("  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518")
        }
        return out
    }

    /// The subject the explanation is about: the escaping location's text or the parameter.
    public var subjectText: String {
        switch subject {
        case let .escapes(subject, _): return subject
        case let .parameterLeak(parameter, _, _, _): return parameter
        }
    }
}

/// The closure capture decision for one captured variable (`F capturing by value: x …`).
public struct CaptureDecision: Sendable, Hashable, Codable {
    /// The captured (outer) variable's location.
    public var variable: LocationID
    /// The closure record's location.
    public var closureRecord: LocationID
    /// Captured by reference (the variable becomes address-taken) rather than by value.
    public var byReference: Bool
    /// The outer function's name.
    public var function: String
    /// The variable's name.
    public var name: String
    /// The variable's position.
    public var position: SourcePosition
    /// Whether its address was taken.
    public var addressTaken: Bool
    /// Whether it was reassigned.
    public var reassigned: Bool
    /// Its size in bytes.
    public var width: Int64

    /// `POS: F capturing by value|ref: x (addr=… assign=… width=…)`.
    public var line: String { "\(position): \(message)" }

    /// The line without its position.
    public var message: String {
        "\(function) capturing by \(byReference ? "ref" : "value"): \(name) (addr=\(addressTaken) assign=\(reassigned) width=\(width))"
    }
}

/// Everything the analysis prints for a batch, in the compiler's order.
public enum EscapeMessage: Sendable, Hashable {
    /// A `-m=2` explanation.
    case explanation(FlowExplanation)
    /// A `-m=2` capture line.
    case capture(CaptureDecision)
    /// A `-m` verdict line.
    case verdict(EscapeVerdict)

    /// The compiler's lines for this message.
    public var lines: [String] {
        switch self {
        case let .explanation(e): return e.lines
        case let .capture(c): return [c.line]
        case let .verdict(v): return [v.line]
        }
    }
}

extension EscapeGraph {
    mutating func record(_ explanation: FlowExplanation) {
        messages.append(.explanation(explanation))
    }

    func escapeExplanation(of source: LocationID, steps: [FlowStep], truncated: Bool) -> FlowExplanation {
        let fn = owners[source.index]
        return FlowExplanation(position: positions[source.index],
                               subject: .escapes(subject: texts[source.index],
                                                 function: fn >= 0 ? functions[Int(fn)].name : "<nil>"),
                               steps: steps, truncated: truncated)
    }
}
