import GoTypes

// Equality signatures: how the compiler names the equality and hash functions it generates.
//
// Comparing two values of a struct or array type with `==` (or hashing one as a map key) needs
// a function when the value is not one block of plain memory: a string's bytes are compared
// through its pointer, an interface through its dynamic type, a float by value (`-0 == +0`,
// `NaN != NaN`), and padding or blank fields must be skipped. The compiler does not write one
// function per type: it condenses the comparisons a type needs into a signature and writes one
// function per signature, so every type that compares the same way shares it. The signature
// lists, in memory order, `M<n>` for n bytes compared as memory, `K<n>` for n bytes skipped
// (dropped at the end), `F`/`G` for a float32/float64, `S` for a string, `I`/`E` for a
// non-empty/empty interface, and `[<n><sig>]` for a loop over n repetitions of an unrolled
// element (an array whose elements are not plain memory, unrolled to about 32 bytes per
// iteration). The function is named `type..eq.<sig>` (`type..hash.<sig>` for the hash).
//
// The common signatures have hand-written runtime functions and get no generated function:
// the empty signature, memory of 1, 2, 4, 8 or 16 bytes, memory of any other length alone
// (compared with a length-carrying closure), a lone string, interface, float or complex.
//
// Whether a type needs such a function at all is its comparison algorithm: plain memory, a
// specific kind (string, interface, float, complex), not comparable (maps, slices, functions,
// and anything holding one), or "special" (a struct or array mixing kinds, or with padding or
// blank fields). A one-field struct and a one-element array compare as their element.
//
// Sizes and offsets are linux/amd64's (8-byte words); amd64 merges unaligned loads, so no
// alignment prefix is ever written.

/// The comparison algorithm of a type, as the compiler classifies it.
enum EqualityAlgorithm: Equatable {
    /// One block of memory compared byte by byte.
    case memory
    /// A float, complex, string or interface: a runtime function of its own.
    case specific
    /// Needs a generated function.
    case special
    /// Not comparable.
    case incomparable

    /// Merging a part into a whole: not comparable wins, then special.
    fileprivate var priority: Int {
        switch self {
        case .memory: return -1
        case .specific: return 0
        case .special: return 1
        case .incomparable: return 2
        }
    }
}

/// Computes comparison algorithms and equality signatures of types (see the essay above).
struct EqualitySignatures {
    /// The unroll target of an array loop's body, in bytes.
    static let arrayUnrollBytes: Int64 = 32
    /// The size of a pointer word on the target.
    static let wordSize: Int64 = 8

    let program: Program

    /// The comparison algorithm of `t`.
    func algorithm(_ t0: TypeID) -> EqualityAlgorithm {
        let t = program.under(t0)
        switch program.node(t) {
        case .basic(let k, _):
            switch k {
            case .float32, .float64, .complex64, .complex128, .string: return .specific
            default: return .memory
            }
        case .pointer, .chan: return .memory
        case .interface: return .specific
        case .map, .slice, .signature: return .incomparable
        case .array(let n, let e):
            let a = algorithm(e)
            switch a {
            case .memory, .incomparable: return a
            default: return n == 0 ? .memory : n == 1 ? a : .special
            }
        case .structure(let s):
            let fields = s.fields.map { program.object($0) }
            if fields.count == 1 && fields[0].name != "_" { return algorithm(fields[0].type) }
            let offsets = program.offsetsof(s)
            let size = program.sizeof(t)
            var result = EqualityAlgorithm.memory
            for (i, f) in fields.enumerated() {
                var a = algorithm(f.type)
                switch a {
                case .incomparable: break
                case .memory:
                    let end = i + 1 < fields.count ? offsets[i + 1] : size
                    if f.name == "_" || offsets[i] + program.sizeof(f.type) != end { a = .special }
                default: a = .special
                }
                if a.priority > result.priority { result = a }
            }
            return result
        default:
            return .incomparable
        }
    }

    /// The equality signature of `t` (a comparable type).
    func signature(_ t: TypeID) -> String {
        var b = Builder()
        build(t, into: &b)
        b.flush(atEnd: true)
        return b.text
    }

    /// Accumulates a signature, merging adjacent memory and skipped bytes.
    struct Builder {
        var text = ""
        var memory: Int64 = 0
        var skipped: Int64 = 0

        mutating func flush(atEnd: Bool) {
            if memory > 0 { text += "M\(memory)"; memory = 0 }
            if skipped > 0 {
                if !atEnd { text += "K\(skipped)" }
                skipped = 0
            }
        }

        mutating func regular(_ n: Int64) {
            if memory == 0 { flush(atEnd: false) }
            memory += n
        }

        mutating func skip(_ n: Int64) {
            if skipped == 0 { flush(atEnd: false) }
            skipped += n
        }

        mutating func letter(_ c: String) {
            flush(atEnd: false)
            text += c
        }
    }

    private func build(_ t0: TypeID, into b: inout Builder) {
        let t = program.under(t0)
        switch program.node(t) {
        case .basic(let k, _):
            switch k {
            case .float32: b.letter("F")
            case .float64: b.letter("G")
            case .complex64: b.letter("F"); b.letter("F")
            case .complex128: b.letter("G"); b.letter("G")
            case .string: b.letter("S")
            default: b.regular(program.basicSize(k))
            }
        case .pointer, .chan: b.regular(Self.wordSize)
        case .interface: b.letter(program.interfaceMethods(t).isEmpty ? "E" : "I")
        case .structure(let s):
            let offsets = program.offsetsof(s)
            var off: Int64 = 0
            for (i, f) in s.fields.enumerated() {
                let r = program.object(f)
                if r.name == "_" { continue }
                if off < offsets[i] { b.skip(offsets[i] - off) }
                build(r.type, into: &b)
                off = offsets[i] + program.sizeof(r.type)
            }
            let size = program.sizeof(t)
            if off < size { b.skip(size - off) }
        case .array(let count, let e):
            if algorithm(t) == .memory { b.regular(program.sizeof(t)); return }
            var n = count
            guard n > 1 else {
                if n == 1 { build(e, into: &b) }
                return
            }
            let size = program.sizeof(e)
            if size == 0 { return }
            let unroll = max(1, Self.arrayUnrollBytes / size)
            while n % unroll != 0 { build(e, into: &b); n -= 1 }
            if n == 0 { return }
            if n == unroll {
                for _ in 0..<n { build(e, into: &b) }
                return
            }
            b.flush(atEnd: false)
            b.text += "[\(n / unroll)"
            for _ in 0..<unroll { build(e, into: &b) }
            b.flush(atEnd: false)
            b.text += "]"
        default:
            break
        }
    }

    /// True when the runtime has a function of its own for `sig` (no generated function).
    static func hasRuntimeFunction(_ sig: String) -> Bool {
        switch sig {
        case "", "M1", "M2", "M4", "M8", "M16", "S", "I", "E", "F", "G", "FF", "GG": return true
        default:
            // Memory of any other length alone is compared by a closure carrying the length.
            return sig.hasPrefix("M") && sig.dropFirst().allSatisfy(\.isNumber)
        }
    }

    /// The element signatures of the array loops at the top level of `sig`, in order.
    static func arrayElements(_ sig: String) -> [String] {
        var out: [String] = []
        let chars = Array(sig)
        var i = 0
        while i < chars.count {
            guard chars[i] == "[" else { i += 1; continue }
            var j = i + 1
            while j < chars.count, chars[j].isNumber { j += 1 }
            var depth = 1
            var k = j
            while k < chars.count {
                if chars[k] == "[" { depth += 1 }
                if chars[k] == "]" { depth -= 1; if depth == 0 { break } }
                k += 1
            }
            out.append(String(chars[j..<min(k, chars.count)]))
            i = k + 1
        }
        return out
    }

    /// `sig` without a trailing skip (`K<n>` at its very end).
    static func trimmingTrailingSkip(_ sig: String) -> String {
        guard let k = sig.lastIndex(of: "K") else { return sig }
        let rest = sig[sig.index(after: k)...]
        return rest.allSatisfy(\.isNumber) ? String(sig[..<k]) : sig
    }
}
