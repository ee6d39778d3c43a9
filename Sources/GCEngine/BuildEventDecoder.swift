/// Receives what `BuildEventDecoder` finds in the `go build -json` stream.
protocol BuildEventSink {
    /// A portion of the decoded `Output` of a `build-output` event of `importPath`. Portions of
    /// one package arrive in order; a line may be split across portions.
    mutating func output(importPath: String, bytes: UnsafeBufferPointer<UInt8>)
    /// A `build-fail` event of `importPath`.
    mutating func failed(importPath: String)
}

/// Decodes the event stream of `go build -json` as it arrives, chunk by chunk, without holding
/// a whole event: the go command writes all of one package's compiler output (for a package
/// compiled with `-S`, tens of megabytes) as one JSON line, and the engine reads it while the
/// build goes on.
///
/// The stream is one JSON object per line, `{"ImportPath":"…","Action":"…","Output":"…"}`
/// (cmd/go's `jsonBuildEvent`, keys in that order, values strings). The `Output` string is
/// unescaped into a scratch buffer and handed to the sink once per chunk; `ImportPath` and
/// `Action` are small and kept whole. When `Output` comes before the other two (not what the
/// go command writes, but valid JSON), it is kept until the event ends. A line that is not such
/// an object (a stray message on standard output) is skipped to its newline, as is an event
/// without `ImportPath` or `Action`.
struct BuildEventDecoder {
    private enum Phase {
        case objectStart, keyOrEnd, colon, value, string, commaOrEnd, skipLine
    }

    /// Where the string being decoded goes.
    private enum Field { case key, importPath, action, output, ignored }

    private var phase = Phase.objectStart
    private var field = Field.key
    private var key: [UInt8] = []
    private var importPath: [UInt8]?
    private var action: [UInt8]?
    /// `Output` decoded before the event's `ImportPath` and `Action` were known.
    private var heldOutput: [UInt8]?
    /// True while the current `Output` string goes straight to the sink.
    private var streaming = false
    private var importPathText = ""
    /// Decoded `Output` bytes not yet handed to the sink (at the end of the chunk or the event).
    private var scratch: [UInt8] = []
    /// Escape state inside a string: after a backslash, and the `\uXXXX` digits read so far.
    private var escaped = false
    private var hexDigits = -1
    private var hexValue: UInt32 = 0
    private var highSurrogate: UInt32?

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
    private static let buildOutput = Array("build-output".utf8), buildFail = Array("build-fail".utf8)
    private static let importPathKey = Array("ImportPath".utf8), actionKey = Array("Action".utf8)
    private static let outputKey = Array("Output".utf8)

    /// Decodes one chunk of the stream.
    mutating func feed<Sink: BuildEventSink>(_ chunk: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var i = 0
        let n = chunk.count
        while i < n {
            let b = chunk[i]
            switch phase {
            case .objectStart:
                if Self.isSpace(b) { i += 1; continue }
                if b == UInt8(ascii: "{") { resetEvent(); phase = .keyOrEnd } else { phase = .skipLine; continue }
            case .keyOrEnd:
                if Self.isSpace(b) { i += 1; continue }
                if b == Self.quote { key.removeAll(keepingCapacity: true); field = .key; phase = .string }
                else if b == UInt8(ascii: "}") { endEvent(into: &sink) }
                else { phase = .skipLine; continue }
            case .colon:
                if Self.isSpace(b) { i += 1; continue }
                if b == UInt8(ascii: ":") { phase = .value } else { phase = .skipLine; continue }
            case .value:
                if Self.isSpace(b) { i += 1; continue }
                guard b == Self.quote else { phase = .skipLine; continue }
                beginValue(into: &sink)
                phase = .string
            case .commaOrEnd:
                if Self.isSpace(b) { i += 1; continue }
                if b == UInt8(ascii: ",") { phase = .keyOrEnd }
                else if b == UInt8(ascii: "}") { endEvent(into: &sink) }
                else { phase = .skipLine; continue }
            case .skipLine:
                if b == Self.newline { phase = .objectStart; resetEvent() }
            case .string:
                i = decodeString(chunk, from: i, into: &sink)
                continue
            }
            i += 1
        }
        flush(into: &sink)
    }

    /// Ends the stream: an event cut off before its end is dropped, but what it already
    /// streamed stays delivered.
    mutating func finish<Sink: BuildEventSink>(into sink: inout Sink) {
        flush(into: &sink)
        phase = .objectStart
        resetEvent()
    }

    // MARK: - Events

    private mutating func resetEvent() {
        importPath = nil
        action = nil
        heldOutput = nil
        streaming = false
        escaped = false
        hexDigits = -1
        highSurrogate = nil
    }

    private mutating func beginValue<Sink: BuildEventSink>(into sink: inout Sink) {
        switch key {
        case Self.importPathKey: field = .importPath; importPath = []
        case Self.actionKey: field = .action; action = []
        case Self.outputKey:
            field = .output
            // What the previous event streamed is delivered under its own import path.
            flush(into: &sink)
            if let importPath, action == Self.buildOutput {
                streaming = true
                importPathText = String(decoding: importPath, as: UTF8.self)
            } else {
                streaming = false
                heldOutput = []
            }
        default: field = .ignored
        }
    }

    private mutating func endEvent<Sink: BuildEventSink>(into sink: inout Sink) {
        phase = .objectStart
        // What this event streamed reaches the sink before anything of a later event.
        flush(into: &sink)
        guard let importPath, let action else { resetEvent(); return }
        let path = String(decoding: importPath, as: UTF8.self)
        if action == Self.buildOutput, let held = heldOutput, !held.isEmpty {
            held.withUnsafeBufferPointer { sink.output(importPath: path, bytes: $0) }
        } else if action == Self.buildFail {
            sink.failed(importPath: path)
        }
        resetEvent()
    }

    private mutating func flush<Sink: BuildEventSink>(into sink: inout Sink) {
        guard !scratch.isEmpty else { return }
        scratch.withUnsafeBufferPointer { sink.output(importPath: importPathText, bytes: $0) }
        scratch.removeAll(keepingCapacity: true)
    }

    // MARK: - Strings

    /// Decodes string bytes from `start` up to the closing quote or the chunk's end; returns
    /// the index of the next byte to read.
    private mutating func decodeString<Sink: BuildEventSink>(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int,
                                                             into sink: inout Sink) -> Int {
        var i = start
        let n = chunk.count
        while i < n {
            if escaped || hexDigits >= 0 {
                if !decodeEscape(chunk[i]) { phase = .skipLine; return i }
                i += 1
                continue
            }
            // A run of plain bytes is appended at once.
            var j = i
            while j < n, chunk[j] != Self.quote, chunk[j] != Self.backslash, chunk[j] != Self.newline { j += 1 }
            if j > i {
                if highSurrogate != nil { append(Self.replacement); highSurrogate = nil }
                append(UnsafeBufferPointer(rebasing: chunk[i..<j]))
            }
            i = j
            guard i < n else { break }
            let b = chunk[i]
            i += 1
            if b == Self.backslash {
                escaped = true
            } else if b == Self.quote {
                if highSurrogate != nil { append(Self.replacement); highSurrogate = nil }
                endString()
                return i
            } else {
                // A raw newline cannot be inside a JSON string: the line is broken.
                phase = .objectStart
                resetEvent()
                return i
            }
        }
        return i
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Reads one byte of an escape sequence; false when the sequence is not valid JSON.
    private mutating func decodeEscape(_ b: UInt8) -> Bool {
        if hexDigits >= 0 {
            guard let digit = Self.hexValue(b) else { return false }
            hexValue = hexValue << 4 | digit
            hexDigits += 1
            if hexDigits == 4 {
                hexDigits = -1
                appendScalar(hexValue)
            }
            return true
        }
        escaped = false
        let decoded: UInt8
        switch b {
        case UInt8(ascii: "n"): decoded = UInt8(ascii: "\n")
        case UInt8(ascii: "t"): decoded = UInt8(ascii: "\t")
        case UInt8(ascii: "\""): decoded = Self.quote
        case UInt8(ascii: "\\"): decoded = Self.backslash
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "r"): decoded = UInt8(ascii: "\r")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "u"): hexDigits = 0; hexValue = 0; return true
        default: return false
        }
        if highSurrogate != nil { append(Self.replacement); highSurrogate = nil }
        append(CollectionOfOne(decoded))
        return true
    }

    /// Appends one `\uXXXX` code unit as UTF-8, pairing surrogates; a lone surrogate becomes
    /// U+FFFD.
    private mutating func appendScalar(_ unit: UInt32) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                return
            }
            append(Self.replacement)
        }
        if (0xD800...0xDBFF).contains(unit) { highSurrogate = unit; return }
        if (0xDC00...0xDFFF).contains(unit) { append(Self.replacement); return }
        appendUTF8(unit)
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        guard let s = Unicode.Scalar(scalar) else { append(Self.replacement); return }
        var bytes: [UInt8] = []
        UTF8.encode(s) { bytes.append($0) }
        append(bytes)
    }

    private mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        switch field {
        case .key: key.append(contentsOf: bytes)
        case .importPath: importPath?.append(contentsOf: bytes)
        case .action: action?.append(contentsOf: bytes)
        case .output:
            if streaming { scratch.append(contentsOf: bytes) } else { heldOutput?.append(contentsOf: bytes) }
        case .ignored: break
        }
    }

    private mutating func endString() {
        phase = field == .key ? .colon : .commaOrEnd
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
