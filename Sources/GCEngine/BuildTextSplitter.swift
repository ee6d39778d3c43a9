/// Splits the text form of `go build`'s output (standard error without `-json`) into the
/// packages it is about, as it arrives.
///
/// The go command prints each package's compiler output in one write, headed by `# IMPORTPATH`
/// (and, when the package's description differs from its path, a second header `# [DESC]`):
/// the text form is the concatenation of the `-json` form's `Output` fields. Lines before the
/// first header are the go command's own messages. A failed build is not read this way: the
/// go command's errors after the last package could not be told from that package's output, so
/// `BuildInvocation` runs the `-json` form instead, whose events frame each package.
struct BuildTextSplitter {
    private var partial: [UInt8] = []
    private var current: String?
    /// The go command's own lines (before any package header), newline-terminated.
    private(set) var commandText: [UInt8] = []

    private static let newline = UInt8(ascii: "\n")

    /// Reads the next chunk.
    mutating func feed<Sink: BuildEventSink>(_ chunk: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var start = 0
        while let i = ASCIISearch.firstOffset(of: Self.newline, in: chunk, from: start) {
            if partial.isEmpty {
                line(UnsafeBufferPointer(rebasing: chunk[start...i]), into: &sink)
            } else {
                partial.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...i]))
                let whole = partial
                partial.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { line($0, into: &sink) }
            }
            start = i + 1
        }
        if start < chunk.count { partial.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...])) }
    }

    /// Ends the text (a last line without a newline is read).
    mutating func finish<Sink: BuildEventSink>(into sink: inout Sink) {
        guard !partial.isEmpty else { return }
        let last = partial
        partial = []
        last.withUnsafeBufferPointer { line($0, into: &sink) }
    }

    /// One line, with its newline when it had one.
    private mutating func line<Sink: BuildEventSink>(_ line: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        if line.count >= 2 && line[0] == UInt8(ascii: "#") && line[1] == UInt8(ascii: " ") {
            if line.count >= 3 && line[2] == UInt8(ascii: "[") && current != nil { return }
            var end = line.count
            while end > 2 && (line[end - 1] == Self.newline || line[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
            current = String(decoding: UnsafeBufferPointer(rebasing: line[2..<end]), as: UTF8.self)
        }
        if let current {
            sink.output(importPath: current, bytes: line)
        } else {
            commandText.append(contentsOf: line)
        }
    }
}
