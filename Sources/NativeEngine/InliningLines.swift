/// The native inliner's decisions for one package as the compiler's `-m=2` lines
/// (`file:line:col: can inline F with cost N`, `cannot inline F: reason`, `inlining call to F`,
/// `devirtualizing x.M to T`), without the `as:` bodies: what `heapsight ir --inlining` prints.
public enum InliningLines {
    /// Every line for the package at `path`: verdicts (declared functions and literals, then
    /// shape instances and wrappers), inlined calls, devirtualized calls.
    public static func text(_ inliner: NativeInliner, package path: String) -> String {
        var out = ""
        for v in inliner.verdicts(forPackage: path) + inliner.instanceVerdicts(forPackage: path) {
            switch v.verdict {
            case .inlinable(let cost): out += "\(v.file):\(v.line):\(v.column): can inline \(v.name) with cost \(cost)\n"
            case .notInlinable(let reason): out += "\(v.file):\(v.line):\(v.column): cannot inline \(v.name): \(reason)\n"
            }
        }
        for c in inliner.inlinedCalls(forPackage: path) {
            out += "\(c.file):\(c.line):\(c.column): inlining call to \(c.callee)\n"
        }
        for d in inliner.devirtualizedCalls(forPackage: path) {
            out += "\(d.file):\(d.line):\(d.column): devirtualizing \(d.subject) to \(d.type)\n"
        }
        return out
    }
}
