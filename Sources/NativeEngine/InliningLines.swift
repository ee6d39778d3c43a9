import PassKit

/// The native inliner's decisions for one package as the compiler's `-m=2` lines
/// (`file:line:col: can inline F with cost N`, `cannot inline F: reason`, `inlining call to F`,
/// `devirtualizing x.M to T`), without the `as:` bodies: what `heapsight ir --inlining` prints.
/// The lines are rendered from the same facts the `inlining` pass records.
public enum InliningLines {
    /// Every line for the package at `path`: devirtualized calls, inlined calls, then verdicts
    /// (declared functions and literals, then shape instances and wrappers).
    public static func text(_ native: NativeIR, package path: String) -> String {
        let facts = native.inliner.facts(forPackage: path, expanded: native) { $0 }.facts
        var out = ""
        for f in facts {
            let position = "\(f.file):\(f.line):\(f.column)"
            switch f.kind {
            case .canInline:
                let cost = f.detail.hasPrefix("cost=") ? String(f.detail.dropFirst("cost=".count)) : f.detail
                out += "\(position): can inline \(f.subject) with cost \(cost)\n"
            case .cannotInline: out += "\(position): cannot inline \(f.subject): \(f.detail)\n"
            case .inlineCall: out += "\(position): inlining call to \(f.subject)\n"
            case .devirtualize: out += "\(position): devirtualizing \(f.subject) to \(f.detail)\n"
            default: continue
            }
        }
        return out
    }
}
