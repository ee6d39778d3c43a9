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

    /// The keys of a dictionary in the order `.sortedKeys` writes them: UTF-8 byte order.
    public static func sortedKeys<Value>(_ d: [String: Value]) -> [String] {
        d.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
