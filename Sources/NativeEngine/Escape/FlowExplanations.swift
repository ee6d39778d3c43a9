import EscapeGraph
import Foundation

/// The `-m=2` explanations of one package's escape analysis, grouped by what they explain,
/// as the gc engine attaches the compiler's to its facts.
///
/// The compiler prints an explanation as a header at the position of the location or
/// parameter explained (`x escapes to heap in F:`, `parameter p leaks to {heap} for F with
/// derefs=0:`) followed by its flow lines, and a `F capturing by value|ref: x` line at a
/// captured variable's position. The gc engine keys each block by (position, subject),
/// keeps a block once when the same text repeats, and gives a verdict with the same
/// position and subject every block under its key, in print order. This type does the same
/// with the native messages: capture lines first (the analysis decides captures before it
/// solves), then the explanations in solving order. Notes' `at` files are rendered by the
/// given path function, so a stored explanation names files as the facts do.
///
/// Blocks are rendered when a verdict asks for them, not when grouped: explanations of lines
/// no fact keeps (code of other packages instantiated here, `does not escape` lines) are never
/// turned into text. Repeats are dropped then, which keeps the same blocks in the same order.
struct FlowExplanations {
    private struct Key: Hashable {
        var position: SourcePosition
        var subject: String
    }

    /// One block before rendering.
    private enum Block {
        case capture(String)
        case explanation(FlowExplanation)
    }

    private var blocks: [Key: [Block]] = [:]

    /// Groups a package's captures and explanations.
    init(_ escape: PackageEscape) {
        for c in escape.captures {
            blocks[Key(position: c.position, subject: c.name), default: []].append(.capture(c.message))
        }
        for e in escape.explanations {
            blocks[Key(position: e.position, subject: e.subjectText), default: []].append(.explanation(e))
        }
    }

    /// Every explanation line about `subject` at `position`, in print order (empty if none),
    /// each block once, notes' files rendered by `path`.
    func lines(at position: SourcePosition, subject: String, path: (String) -> String) -> [String] {
        guard let found = blocks[Key(position: position, subject: subject)] else { return [] }
        var kept: [[String]] = []
        for block in found {
            let text: [String]
            switch block {
            case .capture(let line): text = [line]
            case .explanation(let e): text = e.messages(path: path)
            }
            if !kept.contains(text) { kept.append(text) }
        }
        return kept.count == 1 ? kept[0] : kept.flatMap { $0 }
    }

    /// An explanation line with its trailing ` at FILE:LINE[:COL]` file rendered by `path`
    /// (other lines unchanged). The numbers are the last one or two `:`-separated parts that
    /// read as integers, found from the end on the UTF-8 bytes (every stored explanation line
    /// passes here; splitting the whole tail into parts cost more than the rest).
    static func renderingAt(_ line: String, path: (String) -> String) -> String {
        guard line.hasPrefix("    from "), let atStart = lastNoteFile(line) else { return line }
        let bytes = line.utf8
        var fileEnd = bytes.endIndex
        var numbers = 0
        while numbers < 2, let colon = bytes[atStart..<fileEnd].lastIndex(of: UInt8(ascii: ":")) {
            guard Int(line[bytes.index(after: colon)..<fileEnd]) != nil else { break }
            numbers += 1
            fileEnd = colon
        }
        guard numbers > 0 else { return line }
        // The numbers and the colons before them, as they stand in the line.
        var out = String(line[..<atStart])
        out += path(String(line[atStart..<fileEnd]))
        out.append(contentsOf: line[fileEnd...])
        return out
    }

    /// The note marker ` at `, as UTF-8.
    private static let noteMarker: [UInt8] = Array(" at ".utf8)

    /// Where the file of a line's last ` at ` begins, found on the UTF-8 bytes (every stored
    /// explanation line passes here; a Foundation backwards search bridged each line).
    private static func lastNoteFile(_ line: String) -> String.Index? {
        let bytes = line.utf8
        let found = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            var end = buffer.count
            while end >= noteMarker.count {
                if buffer[end - 4] == noteMarker[0] && buffer[end - 3] == noteMarker[1]
                    && buffer[end - 2] == noteMarker[2] && buffer[end - 1] == noteMarker[3] { return end }
                end -= 1
            }
            return nil
        }
        if let found { return found.map { bytes.index(bytes.startIndex, offsetBy: $0) } }
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) >= noteMarker.count {
            let start = bytes.index(end, offsetBy: -noteMarker.count)
            if bytes[start..<end].elementsEqual(noteMarker) { return end }
            end = bytes.index(before: end)
        }
        return nil
    }

}
