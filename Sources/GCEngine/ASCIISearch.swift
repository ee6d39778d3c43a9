#if canImport(Glibc)
import Glibc
#endif

/// Byte searches for the fixed ASCII phrases the engine looks for in the compiler's text
/// (`" with cost "`, `" escapes to heap in "`, a newline, `"\tCALL\truntime."`).
///
/// The compiler prints UTF-8, and an ASCII byte never occurs inside a multi-byte sequence, so a
/// byte match of an ASCII phrase is a match of the phrase. The searches run on every line of
/// tens of megabytes of `-S` listing, where Foundation's `range(of:)` (which goes through
/// UTF-16) cost more than the go command spent replaying the text.
enum ASCIISearch {
    /// The offset of the first `needle` in `haystack` at or after `from`, or nil.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            from: Int = 0) -> Int? {
        guard let first = needle.first, let n = needle.baseAddress else { return from }
        var at = from
        // memchr finds the candidates; the phrases are short, so the rest compares in place.
        while let i = firstOffset(of: first, in: haystack, from: at), i + needle.count <= haystack.count {
            if memcmp(haystack.baseAddress! + i, n, needle.count) == 0 { return i }
            at = i + 1
        }
        return nil
    }

    /// The offset of the first `byte` in `haystack` at or after `from`, or nil.
    static func firstOffset(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, from < haystack.count,
              let hit = memchr(base + from, Int32(byte), haystack.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

extension StringProtocol {
    /// The range of the first (or, `backwards`, the last) occurrence of the ASCII phrase
    /// `needle`, found byte by byte (`ASCIISearch`).
    func asciiRange(of needle: String, backwards: Bool = false) -> Range<Index>? {
        var needle = needle
        let offset: Int? = needle.withUTF8 { n in
            func search(_ h: UnsafeBufferPointer<UInt8>) -> Int? {
                guard backwards else { return ASCIISearch.firstOffset(of: n, in: h) }
                guard h.count >= n.count else { return nil }
                var i = h.count - n.count
                while i >= 0 {
                    if h[i] == n[0] && UnsafeBufferPointer(rebasing: h[i..<(i + n.count)]).elementsEqual(n) { return i }
                    i -= 1
                }
                return nil
            }
            if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
            return Array(utf8).withUnsafeBufferPointer(search)
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
