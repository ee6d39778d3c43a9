/// Builds one explanation line from its pieces in a single allocation of the exact size.
///
/// Every line of every explanation a fact keeps is built here, millions per scan of the
/// standard library: appending piece by piece checked uniqueness and capacity at every piece,
/// and the growth of a line past its first reservation copied it again.
struct LineWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0

    private init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    /// A string of exactly `capacity` UTF-8 bytes written by `write`.
    static func build(capacity: Int, _ write: (inout LineWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var w = LineWriter(buffer.baseAddress!)
            write(&w)
            precondition(w.count == capacity, "internal error: LineWriter wrote \(w.count) of \(capacity) bytes")
            return w.count
        }
    }

    /// The number of decimal digits of a non-negative `n`.
    static func digits(_ n: Int32) -> Int {
        var n = n, d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    /// Appends `s`'s UTF-8 bytes.
    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            guard let from = bytes.baseAddress else { return }
            (base + count).update(from: from, count: bytes.count)
            count += bytes.count
        }
    }

    /// Appends the static text `s` (a literal: its bytes are in the binary).
    mutating func write(literal s: StaticString) {
        (base + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        count += s.utf8CodeUnitCount
    }

    /// Appends one byte, repeated `times`.
    mutating func write(byte: UInt8, times: Int = 1) {
        (base + count).update(repeating: byte, count: times)
        count += times
    }

    /// Appends the decimal digits of a non-negative `n`.
    mutating func write(decimal n: Int32) {
        let d = Self.digits(n)
        var n = n
        var i = count + d - 1
        repeat {
            base[i] = UInt8(ascii: "0") + UInt8(n % 10)
            n /= 10
            i -= 1
        } while n > 0
        count += d
    }
}
