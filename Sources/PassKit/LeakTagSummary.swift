/// The escape analysis's summary of a package for its importers: each function's leak tags,
/// one per parameter (receiver first), as the compiler encodes them in export data — `esc:`
/// followed by the minimum dereference counts of the flows to the heap, the mutator, the
/// callee and the first five results, or empty for "leaks to the heap as is". These are the
/// facts `-m=2` prints as `leaking param: x to result ~r0 level=0`; a caller of the function in
/// another package wires its arguments by them instead of analysing the callee's body.
public struct LeakTagSummary: Codable, Sendable, Equatable {
    /// Tags by function as the compiler names it inside its package (`F`, `T.M`, `(*T).M`):
    /// one byte string per parameter, receiver first.
    public var functions: [String: [[UInt8]]]

    /// A summary of the given functions' tags.
    public init(functions: [String: [[UInt8]]]) {
        self.functions = functions
    }

    /// The kind the escape pass exports (`escape.leak-tags`). Version 1: tags as above.
    public static let kind = SummaryKind<LeakTagSummary>(name: "escape.leak-tags", version: 1)
}

/// A value that writes its own JSON, byte for byte what `JSONEncoder` with `.sortedKeys` writes
/// (keys in UTF-8 byte order, `/` escaped, no spaces): encoding a summary through
/// `JSONEncoder` cost two tenths of a CPU second of a std scan. Nil leaves the value to
/// `JSONEncoder` (text this writer does not handle).
protocol DirectJSONEncoding {
    func sortedKeysJSON() -> [UInt8]?
}

extension LeakTagSummary: DirectJSONEncoding {
    /// `{"functions":{"F":[[1,2],[]],…}}`; nil when a name holds a byte other than printable
    /// ASCII, a quote or a backslash (which `JSONEncoder` escapes in ways not repeated here).
    func sortedKeysJSON() -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(16 + functions.reduce(0) { $0 + $1.key.utf8.count + 8 + $1.value.reduce(0) { $0 + 2 + 4 * $1.count } })
        out.append(contentsOf: #"{"functions":{"#.utf8)
        let names = functions.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (n, name) in names.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for b in name.utf8 {
                guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") else { return nil }
                if b == UInt8(ascii: "/") { out.append(UInt8(ascii: "\\")) }
                out.append(b)
            }
            out.append(contentsOf: #"":["#.utf8)
            for (t, tag) in functions[name]!.enumerated() {
                if t > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                for (i, byte) in tag.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    if byte >= 100 { out.append(UInt8(ascii: "0") + byte / 100) }
                    if byte >= 10 { out.append(UInt8(ascii: "0") + byte / 10 % 10) }
                    out.append(UInt8(ascii: "0") + byte % 10)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "}}".utf8)
        return out
    }
}
