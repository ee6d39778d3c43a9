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
struct FlowExplanations {
    private struct Key: Hashable {
        var position: SourcePosition
        var subject: String
    }

    private var blocks: [Key: [[String]]] = [:]

    /// Groups a package's captures and explanations.
    init(_ escape: PackageEscape, path: (String) -> String) {
        for c in escape.captures {
            add([c.message], key: Key(position: c.position, subject: c.name))
        }
        for e in escape.explanations {
            add(e.messages(path: path), key: Key(position: e.position, subject: e.subjectText))
        }
    }

    private mutating func add(_ block: [String], key: Key) {
        if blocks[key]?.contains(block) == true { return }
        blocks[key, default: []].append(block)
    }

    /// Every explanation line about `subject` at `position`, in print order (empty if none).
    func lines(at position: SourcePosition, subject: String) -> [String] {
        blocks[Key(position: position, subject: subject)]?.flatMap { $0 } ?? []
    }

    /// An explanation line with its trailing ` at FILE:LINE[:COL]` file rendered by `path`
    /// (other lines unchanged).
    static func renderingAt(_ line: String, path: (String) -> String) -> String {
        guard line.hasPrefix("    from "), let atStart = lastNoteFile(line) else { return line }
        let at = line[atStart...]
        var parts = at.split(separator: ":", omittingEmptySubsequences: false)
        var numbers: [Substring] = []
        while numbers.count < 2, parts.count > 1, let last = parts.last, Int(last) != nil {
            numbers.insert(last, at: 0)
            parts.removeLast()
        }
        guard !numbers.isEmpty else { return line }
        return line[..<atStart] + path(parts.joined(separator: ":")) + ":" + numbers.joined(separator: ":")
    }

    /// Where the file of a line's last ` at ` begins, found on the UTF-8 bytes (every stored
    /// explanation line passes here; a Foundation backwards search bridged each line).
    private static func lastNoteFile(_ line: String) -> String.Index? {
        let bytes = line.utf8
        let marker: [UInt8] = Array(" at ".utf8)
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) >= marker.count {
            let start = bytes.index(end, offsetBy: -marker.count)
            if bytes[start..<end].elementsEqual(marker) { return end }
            end = bytes.index(before: end)
        }
        return nil
    }

}
