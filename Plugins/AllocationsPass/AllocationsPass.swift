import EscapePass
import FunctionsPass
import GCEngine
import NativeEngine
import PassKit

/// The `allocations` pass: every allocation site of every function, by kind, heap or stack,
/// with the loop depth it sits at, and per function the heap sites, the heap sites in loops
/// and the heap allocations of one call along its loop-free part.
///
/// Model. A site is an expression or statement that asks for memory: `new`, composite
/// literals with their own storage, variables moved to the heap, `make`, closures, method
/// values, boxing into interfaces, string concatenation and conversions, `append` growth,
/// map growth, `go` and heap `defer`. Sites come from two sources:
/// 1. the escape verdicts (`escape` pass): every `moved to heap`, `escapes to heap` and
///    allocating `does not escape` line is a site; its kind comes from the compiler's rendering
///    of the expression (`SubjectShape`); parameter verdicts and boxed constants are not sites;
/// 2. with `engine: gc`, the compiler's own assembly (`-S`): every call of a run-time allocator
///    entry point (`newobject`, `mallocgc*`, `makeslice`, `growslice`, `makemap*`, `makechan`,
///    `convT*`, `concatstring*`, `slicebytetostring`, `stringtoslice*`, `intstring`,
///    `newproc`, `deferproc`, `mapassign*`, `moveSlice*`) in the function's code (listed under
///    the symbol a `//go:linkname` gives it), but for calls the source writes by name (the
///    run-time package's own `mallocgc(…)`), which are ordinary calls, not sites.
/// A verdict is paired with a call of a compatible kind on its line (or, for code inlined from
/// elsewhere, on the inlined body's line). Then: heap verdict + call → `heap`; a heap verdict
/// the backend compiled without any allocator call (constants, small values from static
/// tables, closures without captures, stores the optimiser removed) is not a site;
/// non-escaping verdict + call → `may` (a stack buffer that run-time sizes can overflow);
/// non-escaping verdict without a call → `stack`. Calls left over are the sites `-m` never
/// prints: `make(chan)` (heap; two allocations for a buffered channel whose element type, as
/// written, holds pointers), `s += x` (heap), map growth (heap for the first insert into a
/// fresh heap map, else `may`), goroutine starts, loop defers and append spills (`may`: pooled
/// or run-time dependent). Without the assembly, kinds and placements follow the verdicts with
/// the rules the text can decide (`SubjectShape`; an expression printed twice at one position is
/// the expression and its boxing); what only types decide (pointer-shaped, zero-size or static
/// boxed values, closures without captures, the kind behind a named type) is then estimated.
/// Every heap and `may` site of either engine ends its explanation with its cause and remedy
/// (`AllocationCause`; the gc engine picks the cause from the kind and the verdict).
///
/// Engine native. The sites come from the native engine instead (`NativeAllocations`: GoIR
/// nodes after inline expansion with the native escape verdicts and walk's rules, plus the sites
/// `-m` never prints found in the statements), each heap site explained with its cause and
/// remedy (`AllocationCause`); `AllocationSiteBuilder+Native` attributes them to functions and
/// renders unprinted sites the way the gc engine renders allocator calls, so the two engines'
/// facts compare.
///
/// Exact and estimated. Exact with the assembly: which sites call the allocator, their kind,
/// position (line, and the column of the verdict), loop depth (from the source: `for` bodies
/// between the site and its function's `func`). Estimated: `may` sites (their allocation
/// depends on run-time sizes or values), boxing of integers (no allocation for values below 256
/// at run time, still reported `heap`), maps created with a size hint above 8 (one call, several
/// allocations), and allocations inside non-inlined callees (they belong to the callee).
///
/// Fact: `alloc`, subject = expression text (or the run-time call for unprinted sites),
/// detail `KIND heap|stack|may depth=N`. Cost: linear in sites + calls per function.
public enum AllocationsPass {
    /// The pass descriptor.
    public static let descriptor = PassDescriptor<AllocationsResult>(
        name: "allocations",
        doc: "Allocation sites per function: kind (new, composite, var, make-slice, make-map, make-chan, closure, method-value, iface-conv, concat, conversions, append-grow, map-grow, go, defer), heap, stack or run-time dependent, loop depth; per function heap sites, heap sites in loops and heap allocations per call (engine gc: confirmed by the compiler's assembly).",
        requires: [.on(FunctionsPass.descriptor), .on(EscapePass.descriptor)],
        engines: .engines([.gc, .native]),
        factKinds: [.alloc]
    ) { context in
        if context.engine == .native {
            guard let session = context.input(NativeInliningSession.self) else {
                return PassOutput(result: AllocationsResult())
            }
            let sites = try session.allocationSites(for: context.package)
            let builder = AllocationSiteBuilder(package: context.package, functions: context.result(of: FunctionsPass.descriptor))
            let result = builder.build(native: sites)
            return PassOutput(result: result, facts: result.sites.map(\.fact))
        }
        let escape = context.result(of: EscapePass.descriptor)
        guard escape.available else {
            // Nothing to pair: the escape pass had no engine (said once per run by the driver).
            return PassOutput(result: AllocationsResult())
        }
        let functions = context.result(of: FunctionsPass.descriptor)
        let builder = AllocationSiteBuilder(package: context.package, functions: functions)
        let compilation = context.input(GCCompilation.self)
        let calls = compilation.flatMap { c -> [AllocatorCall]? in
            c.allocatorCallsByPackage.isEmpty ? nil : (c.allocatorCallsByPackage[context.package.importPath] ?? [])
        }
        let wrappers = calls == nil ? nil : compilation?.methodValueWrappersByPackage
        let result = builder.build(verdicts: escape.facts, calls: calls, methodValueWrappers: wrappers)
        return PassOutput(result: result, facts: result.sites.map(\.fact))
    }
}
