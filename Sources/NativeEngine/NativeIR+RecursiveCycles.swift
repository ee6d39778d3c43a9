import GoIR

/// Calls refused because the callee is already being inlined around them. The compiler will
/// not inline a function into a copy of itself (a cycle of calls that inlining would unroll
/// without end): a call of a function already on the inlining stack, and not the very call the
/// stack came through, is reported as `cannot inline F into G: repeated recursive cycle`, at
/// the outermost call's position, `G` being the function compiled. The compiler tries every
/// call again until a pass over the function inlines nothing more, and a call that inlining
/// exposed is tried in the pass that exposed it and once in that last pass: the line is
/// printed twice.
extension NativeIR {
    /// How often the compiler prints a refusal: in the pass that exposes the call and in the
    /// pass that finds nothing more to inline.
    static let recursiveCycleAttempts = 2

    /// The `cannot inline F into G: repeated recursive cycle` lines of the package's reported
    /// functions, as verdicts of `F`, in function order.
    public func recursiveCycleVerdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let lowered = lowered(path), let ir = expansion(path) else { return [] }
        var out: [FunctionVerdict] = []
        // Read in place first: few functions have such a call, and a copy of each retains and
        // releases each of its tables.
        for i in lowered.functions.indices where !ir.functions[i].recursiveCycleCalls.isEmpty && inliner.goir.hasReportedRoot(lowered, i) {
            let f = ir.functions[i]
            for c in f.recursiveCycleCalls {
                guard let at = ir.position(ir.reportedPosition(c.pos, in: f)) else { continue }
                let verdict = FunctionVerdict(file: at.file, line: at.line, column: at.column, name: c.callee,
                                              verdict: .notInlinable(reason: "into \(f.name): repeated recursive cycle"))
                out += Array(repeating: verdict, count: Self.recursiveCycleAttempts)
            }
        }
        return out
    }
}
