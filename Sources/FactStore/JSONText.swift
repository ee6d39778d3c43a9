import Foundation

/// The JSON array-of-strings text used for list columns (`runs.roots`, `runs.skipped`,
/// `functions.directives`, `facts.explanation`), so that SQL users can `json_each` them.
enum JSONText {
    /// Encodes strings as a compact JSON array.
    static func encode(_ items: [String]) -> String {
        String(decoding: encodeBytes(items), as: UTF8.self)
    }

    /// `encode`'s text as UTF-8 bytes, valid by construction (the strings' own bytes and ASCII
    /// escapes): the store binds them as they are, where making a `String` of them checked
    /// every byte of a scan's explanations again.
    static func encodeBytes(_ items: [String]) -> [UInt8] {
        if items.isEmpty { return Array("[]".utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(items.reduce(2) { $0 + $1.utf8.count + 3 })
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal, working on UTF-8 bytes: a scan quotes every
    /// explanation line it stores (over a hundred megabytes for std), and many hold a quote
    /// character; appending scalar by scalar to a `String` cost more than the rest of the store
    /// write. Only ASCII bytes are ever escaped (every byte of a multi-byte sequence is at
    /// least 0x80), so runs between them are copied whole, and the search for them skips eight
    /// bytes at a time where none of the eight needs it (a third of the encoding's time for std).
    private static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var run = 0, i = 0
            while i < count {
                if i + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = base[i]
                if b == 0x22 || b == 0x5C || b < 0x20 {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run))
                    run = i + 1
                    switch b {
                    case 0x22, 0x5C: out.append(UInt8(ascii: "\\")); out.append(b)
                    case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                    case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                    case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                    default: out.append(contentsOf: String(format: "\\u%04x", UInt32(b)).utf8)
                    }
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: count - run))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `w` may be a quote, a backslash or a control character.
    /// The classic test for a zero byte (`(x - 0x01…) & ~x & 0x80…`), applied to `w` itself
    /// for bytes below 0x20 and to `w` xor the byte repeated for the two characters: exact for
    /// the lowest such byte, and at worst a false alarm above it, which the byte-by-byte check
    /// settles.
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
        let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
        return found & highs != 0
    }

    /// Decodes a JSON array of strings; malformed text decodes to a one-element array holding it.
    static func decode(_ text: String) -> [String] {
        if text == "[]" || text.isEmpty { return [] }
        if let items = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) { return items }
        return [text]
    }
}
