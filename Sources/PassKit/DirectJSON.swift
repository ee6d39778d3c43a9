import Foundation

/// A value that writes its own JSON, byte for byte what `JSONEncoder` with `.sortedKeys` writes
/// (keys in UTF-8 byte order, `/` escaped, no spaces): encoding the summaries of std through
/// `JSONEncoder` cost a few tenths of a CPU second of a scan. Nil leaves the value to
/// `JSONEncoder` (text `DirectJSON` does not write).
public protocol DirectJSONEncoding {
    func sortedKeysJSON() -> [UInt8]?
}

/// The pieces of `JSONEncoder`'s compact, sorted-keys output that summaries are made of.
public enum DirectJSON {
    /// Appends `s` as `JSONEncoder` quotes it, when it holds only printable ASCII: `/` becomes
    /// `\/`. False, with `out` partly written, when `s` holds a quote, a backslash, a control
    /// character or a byte beyond ASCII (`JSONEncoder` escapes those in ways not repeated here).
    public static func appendString(_ s: String, to out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") else { return false }
            if b == UInt8(ascii: "/") { out.append(UInt8(ascii: "\\")) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// Appends an integer in decimal.
    public static func appendInt(_ v: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(v).utf8)
    }

    /// The entries of a dictionary in key order (UTF-8 byte order).
    @inlinable public static func sortedEntries<Value>(_ d: [String: Value]) -> [(key: String, value: Value)] {
        UTF8Order.sortedIndices(of: d).map { ($0.key, d[$0.index].value) }
    }
}

/// Text in byte order (SQL's `max` and `ORDER BY` on text, `JSONEncoder`'s sorted keys),
/// compared on the strings' own UTF-8 storage: comparing through `String.UTF8View`'s generic
/// iteration took most of a sort's time.
public enum UTF8Order {
    /// A dictionary's keys in byte order, each with its place in the table. Sorting the keys
    /// alone and reading values back by key hashes every key again; sorting the entries moves
    /// (retains and releases) a value at every step.
    @inlinable public static func sortedIndices<Value>(of d: [String: Value]) -> [(key: String, index: Dictionary<String, Value>.Index)] {
        var order: [(key: String, index: Dictionary<String, Value>.Index)] = []
        order.reserveCapacity(d.count)
        var at = d.startIndex
        while at != d.endIndex {
            order.append((d[at].key, at))
            d.formIndex(after: &at)
        }
        order.sort { precedes($0.key, $1.key) }
        return order
    }

    /// Whether `a` comes before `b` in UTF-8 byte order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        // Read where the strings are (no copy, so nothing retained); a string without
        // contiguous UTF-8 (bridged) is compared through its view.
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (order ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
