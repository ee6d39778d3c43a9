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
    /// The lines already rendered, by key: the verdicts of one parameter (a leak and its
    /// result leaks, a shape instance's repeated lines) ask for the same blocks.
    private var rendered: [Key: [String]] = [:]

    /// Groups a package's captures and explanations.
    init(_ escape: PackageEscape) {
        // Sized once (a key per block at most), where growing rehashed every key per doubling.
        blocks.reserveCapacity(escape.captures.count + escape.explanations.count)
        for c in escape.captures {
            blocks[Key(position: c.position, subject: c.name), default: []].append(.capture(c.message))
        }
        for e in escape.explanations {
            blocks[Key(position: e.position, subject: e.subjectText), default: []].append(.explanation(e))
        }
    }

    /// Every explanation line about `subject` at `position`, in print order (empty if none),
    /// each block once, notes' files rendered by `path` (the same function at every call: the
    /// lines of a key are rendered once).
    ///
    /// An explanation equal to one already rendered under the key is not rendered again: the
    /// walks record a parameter's leak each time they reach it, and equal explanations print
    /// equal text.
    mutating func lines(at position: SourcePosition, subject: String, path: (String) -> String) -> [String] {
        let key = Key(position: position, subject: subject)
        if let done = rendered[key] { return done }
        guard let found = blocks[key] else { return [] }
        var kept: [[String]] = []
        var seen: [FlowExplanation] = []
        for block in found {
            let text: [String]
            switch block {
            case .capture(let line): text = [line]
            case .explanation(let e):
                if found.count > 1 {
                    if seen.contains(e) { continue }
                    seen.append(e)
                }
                text = e.messages(path: path)
            }
            if !kept.contains(text) { kept.append(text) }
        }
        let out = kept.count == 1 ? kept[0] : kept.flatMap { $0 }
        rendered[key] = out
        return out
    }
}
