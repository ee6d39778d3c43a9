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

extension LeakTagSummary: DirectJSONEncoding {
    /// `{"functions":{"F":[[1,2],[]],…}}`; nil when a name is not `DirectJSON.appendString`'s.
    public func sortedKeysJSON() -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(16 + functions.reduce(0) { $0 + $1.key.utf8.count + 8 + $1.value.reduce(0) { $0 + 2 + 4 * $1.count } })
        out.append(contentsOf: #"{"functions":{"#.utf8)
        for (n, (name, tags)) in DirectJSON.sortedEntries(functions).enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            guard DirectJSON.appendString(name, to: &out) else { return nil }
            out.append(contentsOf: #":["#.utf8)
            for (t, tag) in tags.enumerated() {
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
