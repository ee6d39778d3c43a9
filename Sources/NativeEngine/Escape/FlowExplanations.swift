import EscapeGraph
import Foundation
import PassKit

/// The `-m=2` explanations of one package's escape analysis, grouped by the verdicts they
/// explain, as the gc engine attaches the compiler's to its facts.
///
/// The compiler prints an explanation as a header at the position of the location or
/// parameter explained (`x escapes to heap in F:`, `parameter p leaks to {heap} for F with
/// derefs=0:`) followed by its flow lines, and a `F capturing by value|ref: x` line at a
/// captured variable's position. Both engines give a verdict the blocks about its subject at its
/// position printed since the previous verdict there (`ExplanationSegments`), each block once,
/// in print order. This type feeds the native messages batch by batch as the compiler prints a
/// batch's: capture lines first (the analysis decides captures before it solves), then the
/// explanations in solving order, then the verdicts. Notes' `at` files are rendered by the
/// given path function, so a stored explanation names files as the facts do.
///
/// Blocks are rendered when a verdict asks for them, not when grouped: explanations of lines
/// no fact keeps (code of other packages instantiated here) are never turned into text.
struct FlowExplanations {
    private struct Key: Hashable {
        var position: SourcePosition
        var subject: String
    }

    /// One block before rendering: an index into the package's captures or explanations.
    private enum Block {
        case capture(Int)
        case explanation(Int)
    }

    private let escape: PackageEscape
    private var segments = ExplanationSegments<Key, Block>()
    /// The segment explaining each verdict, by the verdict's index; -1 for none.
    private var segmentOfVerdict: [Int32]
    /// The lines of each segment already rendered: verdicts can share one.
    private var rendered: [Int: [String]] = [:]

    /// Groups a package's captures and explanations by the verdicts they explain.
    init(_ escape: PackageEscape) {
        self.escape = escape
        segmentOfVerdict = Array(repeating: -1, count: escape.verdicts.count)
        for batch in escape.messages.batches {
            for c in batch.captures {
                let capture = escape.captures[c]
                segments.add(.capture(c), at: Key(position: capture.position, subject: capture.name))
            }
            for e in batch.explanations {
                let explanation = escape.explanations[e]
                segments.add(.explanation(e), at: Key(position: explanation.position, subject: explanation.subjectText))
            }
            for v in batch.verdicts where escape.verdicts[v].kind.factKind?.carriesExplanation == true {
                let verdict = escape.verdicts[v]
                if let s = segments.verdict(at: Key(position: verdict.position, subject: verdict.subject)) {
                    segmentOfVerdict[v] = Int32(s)
                }
            }
        }
    }

    /// The explanation lines of the verdict at `index` (empty if none), each block once, notes'
    /// files rendered by `path` (the same function at every call: a segment is rendered once).
    ///
    /// An explanation equal to one already rendered in the segment is not rendered again: the
    /// walks record a parameter's leak each time they reach it, and equal explanations print
    /// equal text.
    mutating func lines(ofVerdict index: Int, path: (String) -> String) -> [String] {
        let segment = Int(segmentOfVerdict[index])
        guard segment >= 0 else { return [] }
        if let done = rendered[segment] { return done }
        let found = segments.segments[segment]
        var kept: [[String]] = []
        var seen: [FlowExplanation] = []
        for block in found {
            let text: [String]
            switch block {
            case .capture(let c): text = [escape.captures[c].message]
            case .explanation(let e):
                let explanation = escape.explanations[e]
                if found.count > 1 {
                    if seen.contains(explanation) { continue }
                    seen.append(explanation)
                }
                text = explanation.messages(path: path)
            }
            if !kept.contains(text) { kept.append(text) }
        }
        let out = kept.count == 1 ? kept[0] : kept.flatMap { $0 }
        rendered[segment] = out
        return out
    }
}
