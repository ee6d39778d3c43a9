/// Reads the allocator calls out of a `-S` assembly listing, one line at a time as the
/// compiler's output streams in; nothing else of the listing is kept.
///
/// A listing is a symbol header per function (`example.com/m.F STEXT size=… args=…`, or
/// `STEXTFIPS` in the FIPS 140 module's packages; no leading tab) followed by tab-indented instruction lines
/// (`\t0x0012 00018 (/abs/m/f.go:6)\tCALL\truntime.newobject(SB)`) and data lines. Every
/// `CALL runtime.X(SB)` with an allocating X (`AllocatorCall.kind(ofRuntimeFunction:)`) is
/// attributed to the header above it and to the source line in parentheses.
///
/// An instruction shows only the innermost source position, so a call inlined from another
/// function sits on the inlined body's line. Where SSA finds no instruction of the call site
/// to carry an inlined call's mark, the listing keeps the mark as an instruction of its own
/// (`XCHGL AX, AX` on amd64) at the call site's line: the reader remembers the last such mark in
/// the function's own file (the file of its `TEXT` instruction) and gives it to the allocator
/// calls after it (`AllocatorCall.inlineMarkLine`); which of them lie in inlined code, the
/// function's line range tells.
///
/// The headers also name the method value wrappers the package compiles (`pkg.T.M-fm`,
/// `pkg.(*T).M-fm`): the front end makes one for every method value `x.M` of a non-generic
/// method the package's own code writes, whatever becomes of the value later, so a selector
/// `x.M` with no `M-fm` wrapper in its package's listing is a field read, not a method value.
struct AssemblyListing: Sendable {
    /// The allocator calls read so far, in listing order.
    private(set) var calls: [AllocatorCall] = []
    /// The method names of the method value wrappers (`.M-fm`) listed so far.
    private(set) var methodValueWrappers: Set<String> = []
    /// Whether any function header (` STEXT `) was seen: the text holds a listing.
    private(set) var present = false
    private var symbol = ""
    private var paths: CachedPathMapper

    /// The function's own file (raw, as the listing spells it), from its `TEXT`.
    private var ownFile: [UInt8] = []
    /// The line of the last inline mark in the function's own file.
    private var markLine: Int?

    private static let stext = Array(" STEXT".utf8)
    private static let call = Array("\tCALL\truntime.".utf8)
    private static let text = Array(")\tTEXT\t".utf8)
    private static let inlineMark = Array(")\tXCHGL\tAX, AX".utf8)

    /// Starts a listing whose relative paths are relative to `base`.
    init(paths: FactPathMapper, base: String) {
        self.paths = CachedPathMapper(mapper: paths, base: base)
    }

    /// A line that does not start with a tab (a symbol header, or compiler text).
    mutating func header(_ line: UnsafeBufferPointer<UInt8>) {
        guard let r = Self.firstIndex(of: Self.stext, in: line) else { return }
        symbol = String(decoding: UnsafeBufferPointer(rebasing: line[..<r]), as: UTF8.self)
        if let method = Self.methodValueWrapperMethod(symbol) { methodValueWrappers.insert(method) }
        // `STEXT` or, for a function of the FIPS 140 module (`crypto/internal/fips140/...`),
        // `STEXTFIPS`; a package of that module may hold no plain `STEXT` function at all.
        var end = r + Self.stext.count
        if Self.hasPrefix(Self.fips, in: line, at: end) { end += Self.fips.count }
        if end < line.count && line[end] == UInt8(ascii: " ") { present = true }
    }

    private static let fips = Array("FIPS".utf8)

    /// The method name of a method value wrapper's symbol (`compute` for
    /// `runtime.metricReader.compute-fm`); nil for any other symbol.
    static func methodValueWrapperMethod(_ symbol: String) -> String? {
        guard symbol.hasSuffix(methodValueSuffix) else { return nil }
        let name = symbol.dropLast(methodValueSuffix.count)
        guard let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex else { return nil }
        return String(name[name.index(after: dot)...])
    }

    private static let methodValueSuffix = "-fm"

    private static func hasPrefix(_ needle: [UInt8], in line: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + needle.count <= line.count else { return false }
        return needle.indices.allSatisfy { line[start + $0] == needle[$0] }
    }

    /// A tab-indented line (an instruction or data).
    mutating func instruction(_ line: UnsafeBufferPointer<UInt8>) {
        if Self.firstIndex(of: Self.inlineMark, in: line) != nil {
            if let p = Self.position(line), p.file.elementsEqual(ownFile) { markLine = p.line }
            return
        }
        if Self.firstIndex(of: Self.text, in: line) != nil {
            if let p = Self.position(line) { ownFile = Array(p.file) }
            markLine = nil
            return
        }
        guard let c = Self.firstIndex(of: Self.call, in: line) else { return }
        let nameStart = c + Self.call.count
        guard let paren = Self.firstIndex(of: UInt8(ascii: "("), in: line, from: nameStart) else { return }
        let function = String(decoding: UnsafeBufferPointer(rebasing: line[nameStart..<paren]), as: UTF8.self)
        guard AllocatorCall.kind(ofRuntimeFunction: function) != nil else { return }
        guard let p = Self.position(line) else { return }
        let (rawFile, number) = (p.file, p.line)
        let mapped = paths.map(String(decoding: rawFile, as: UTF8.self))
        let ownCode = rawFile.elementsEqual(ownFile) && number == markLine
        calls.append(AllocatorCall(symbol: symbol, file: mapped.file, line: number,
                                   runtimeFunction: function, external: mapped.external, inlineMarkLine: ownCode ? nil : markLine))
    }

    /// The file and line in an instruction's parentheses.
    private static func position(_ line: UnsafeBufferPointer<UInt8>) -> (file: UnsafeBufferPointer<UInt8>, line: Int)? {
        guard let open = firstIndex(of: UInt8(ascii: "("), in: line, from: 0),
              let close = firstIndex(of: UInt8(ascii: ")"), in: line, from: open) else { return nil }
        let position = UnsafeBufferPointer(rebasing: line[(open + 1)..<close])
        guard let colon = position.lastIndex(of: UInt8(ascii: ":")),
              let number = Int(String(decoding: UnsafeBufferPointer(rebasing: position[(colon + 1)...]), as: UTF8.self))
        else { return nil }
        return (UnsafeBufferPointer(rebasing: position[..<colon]), number)
    }

    private static func firstIndex(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ASCIISearch.firstOffset(of: byte, in: line, from: start)
    }

    private static func firstIndex(of needle: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Int? {
        needle.withUnsafeBufferPointer { ASCIISearch.firstOffset(of: $0, in: line) }
    }
}
