import GoIR
import GoTypes

/// The calls inline expansion rewrote, read back from the expanded bodies: the interface calls
/// it devirtualized (`devirtualizing x.M to T`) and the calls it inlined, at the positions
/// `-m` prints them (a call inside an inlined body at its outermost call), for the functions
/// whose verdicts are reported (not generic, not copied into a caller by inlining).
extension NativeIR {
    /// Devirtualized interface calls of the package's reported functions, in function order.
    public func devirtualizedCalls(forPackage path: String) -> [DevirtualizedCall] {
        guard let lowered = lowered(path), let ir = expansion(path), let typed = program.package(path) else { return [] }
        let printer = self.printer(for: ir)
        let names = CompilerTypeName(program: program.types, localPackage: typed.index)
        var out: [DevirtualizedCall] = []
        // The emptiness test reads in place: a copy of each function retains and releases each
        // of its tables, and most functions devirtualize nothing.
        for i in lowered.functions.indices where !ir.functions[i].devirtualizedCalls.isEmpty && inliner.goir.hasReportedRoot(lowered, i) {
            let f = ir.functions[i]
            for d in f.devirtualizedCalls {
                guard let at = ir.position(ir.reportedPosition(d.pos, in: f)) else { continue }
                let subject = printer.text(f, d.receiver) + "." + program.types.object(d.method).name
                out.append(DevirtualizedCall(file: at.file, line: at.line, column: at.column, subject: subject,
                                             type: names.name(d.type)))
            }
        }
        return out
    }

    /// The inlined calls only the expanded bodies know: those reached through a devirtualized
    /// call, and those rooted at calls of computed callees and range-over-func loops.
    public func inlinedCallsReadFromExpansion(forPackage path: String) -> [InlinedCall] {
        callsInlinedAfterDevirtualization(forPackage: path) + computedCalleeInlinedCalls(forPackage: path)
    }

    /// The calls inlined through a devirtualized call (the method it became, and what was
    /// inlined into that body), which only the expanded bodies know; in function order.
    public func callsInlinedAfterDevirtualization(forPackage path: String) -> [InlinedCall] {
        guard let lowered = lowered(path), let ir = expansion(path) else { return [] }
        var out: [InlinedCall] = []
        for i in lowered.functions.indices where !ir.functions[i].devirtualizedCalls.isEmpty && inliner.goir.hasReportedRoot(lowered, i) {
            let f = ir.functions[i]
            let sites = Set(f.devirtualizedCalls.map(\.pos))
            var throughDevirtualization = Array(repeating: false, count: f.inlinedCalls.count)
            for (k, c) in f.inlinedCalls.enumerated() {
                // Parents come before their children: a call is reached through a devirtualized
                // call when it is one, or when its enclosing inlined call is.
                throughDevirtualization[k] = sites.contains(c.pos) || (c.parent >= 0 && throughDevirtualization[Int(c.parent)])
                guard throughDevirtualization[k], let at = ir.position(ir.reportedPosition(c.pos, in: f)) else { continue }
                out.append(InlinedCall(file: at.file, line: at.line, column: at.column, callee: c.callee))
            }
        }
        return out
    }
}
