/// Reads one package's compiler output as it streams in: splits it into lines (a line may be
/// cut between two portions), skips the `# importpath` header, gives the assembly lines to the
/// `AssemblyListing` and every other line to the `-m` parser. Only the allocator calls of the
/// listing and the `-m` lines' facts are kept, never the text.
struct PackageOutputReader {
    /// The package's results.
    struct Output {
        /// Import path of the package.
        var importPath: String
        /// Its facts and other lines.
        var parsed: CompilerTextParser.Parsed
        /// Allocator calls of its assembly listing; nil when its output held no listing.
        var allocatorCalls: [AllocatorCall]?
        /// Method names of the method value wrappers its listing compiles; nil without a listing.
        var methodValueWrappers: Set<String>?
    }

    let importPath: String
    private var text: CompilerTextParser.Session
    private var listing: AssemblyListing?
    private var partial: [UInt8] = []

    /// Starts reading `importPath`'s output; `assembly` says whether the listing is read.
    init(importPath: String, parser: CompilerTextParser, assembly: Bool) {
        self.importPath = importPath
        self.text = parser.session(importPath: importPath)
        self.listing = assembly ? AssemblyListing(paths: parser.paths, base: parser.base) : nil
    }

    /// Reads the next portion of the output.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while let i = ASCIISearch.firstOffset(of: UInt8(ascii: "\n"), in: bytes, from: start) {
            if partial.isEmpty {
                line(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            } else {
                partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                let whole = partial
                partial.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { line($0) }
            }
            start = i + 1
        }
        if start < bytes.count { partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }

    /// Ends the output (a last line without a newline is read) and returns what it held.
    mutating func finish() -> Output {
        if !partial.isEmpty {
            let last = partial
            partial = []
            last.withUnsafeBufferPointer { line($0) }
        }
        let listed = listing.flatMap { $0.present ? $0 : nil }
        return Output(importPath: importPath, parsed: text.finish(), allocatorCalls: listed?.calls,
                      methodValueWrappers: listed?.methodValueWrappers)
    }

    private static let tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#"), space = UInt8(ascii: " ")

    private mutating func line(_ line: UnsafeBufferPointer<UInt8>) {
        guard let first = line.first else { return }
        if first == Self.tab {
            listing?.instruction(line)
            return
        }
        if first == Self.hash && line.count > 1 && line[1] == Self.space { return }
        listing?.header(line)
        text.consume(Substring(String(decoding: line, as: UTF8.self)))
    }
}
