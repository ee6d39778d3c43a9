/// Go's decoding of a string's bytes into runes, as `for _, r := range s` and the compiler's
/// constant rewriting see them: a byte that does not start a valid UTF-8 sequence (overlong,
/// surrogate, truncated or out of range) is one U+FFFD of width 1.
enum GoUTF8 {
    /// The replacement rune.
    static let runeError: UInt32 = 0xFFFD

    /// Every rune of `bytes` with the number of bytes it took.
    static func runes(_ bytes: [UInt8]) -> [(value: UInt32, width: Int)] {
        var out: [(value: UInt32, width: Int)] = []
        var i = 0
        while i < bytes.count {
            let r = decode(bytes, at: i)
            out.append(r)
            i += r.width
        }
        return out
    }

    /// The rune starting at `i`.
    static func decode(_ b: [UInt8], at i: Int) -> (value: UInt32, width: Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        // The continuation byte `k` bytes on, within `lo...hi`, as its six payload bits.
        func next(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> UInt32? {
            guard i + k < b.count, (lo...hi).contains(b[i + k]) else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        switch b0 {
        case 0xC2...0xDF:
            if let c1 = next(1) { return (UInt32(b0 & 0x1F) << 6 | c1, 2) }
        case 0xE0...0xEF:
            if let c1 = next(1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF), let c2 = next(2) {
                return (UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
            }
        case 0xF0...0xF4:
            if let c1 = next(1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF), let c2 = next(2), let c3 = next(3) {
                return (UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
            }
        default: break
        }
        return (runeError, 1)
    }
}
