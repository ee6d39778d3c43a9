import FunctionsPass
import GCEngine
import NativeEngine
import PassKit

/// The `escape` pass: which variables move to the heap, which allocating expressions escape or
/// stay on the stack, and how each parameter leaks (to the heap, through its contents, to a
/// result), each with the flow that explains it.
///
/// Model. Engine-neutral descriptor, fact kinds and result. With `engine: native` the verdicts
/// come from heapsight's own escape analysis (`NativeEscape`: GoIR bodies after inline
/// expansion, solved by `EscapeGraph`), at the compiler's positions, with the same texts.
/// With `engine: gc` the verdicts are the compiler's (`-m=2`): one fact
/// per `moved to heap`, `escapes to heap`, `does not escape` and `leaking param` line, at the
/// compiler's position (code inlined from elsewhere is reported at the outermost call site),
/// with the `-m=2` flow lines as the explanation ("x escapes to heap in F: flow: ~r0 ← &x …").
///
/// Summaries. Under the native engine the pass exports each package's leak tags
/// (`LeakTagSummary`, `escape.leak-tags`): every function's parameter tags as the compiler
/// encodes them. The analysis also caches them in the store by content hash, for every package
/// it analyses (dependencies included), and reads them back there in later scans instead of
/// analysing an unchanged dependency again (`LeakTagSummaries`).
///
/// Invariants. A `does not escape` fact is printed for allocating expressions and for
/// parameters alike; `EscapeResult.isParameterVerdict` tells them apart by position. Facts
/// outside the scanned tree are emitted with `external = true`.
///
/// Cost: linear in the package's compiler output.
public enum EscapePass {
    /// The kinds this pass emits.
    public static let kinds: [FactKind] = [.movedToHeap, .escapes, .noEscape, .leakParam, .leakParamContent, .leakResult]

    /// The pass descriptor.
    public static let descriptor = PassDescriptor<EscapeResult>(
        name: "escape",
        doc: "Escape analysis: variables moved to the heap, allocating expressions that escape or stay on the stack, parameter leaks, each with the compiler's flow explanation (engine gc: the compiler's -m=2 verdicts; engine native: heapsight's own escape analysis on the inlined bodies).",
        requires: [.on(FunctionsPass.descriptor)],
        engines: .engines([.gc, .native]),
        factKinds: kinds
    ) { context in
        if context.engine == .native {
            guard let session = context.input(NativeInliningSession.self) else {
                return PassOutput(result: EscapeResult())
            }
            let records = context.result(of: FunctionsPass.descriptor)
            let index = EnclosingFunctionIndex(records)
            let facts = index.attribute(try session.escapeFacts(for: context.package))
            // Importers (and later scans, through the store's cache) read the package's tags.
            let summaries = try session.leakTagSummary(for: context.package).map { [try LeakTagSummary.kind.encode($0)] } ?? []
            return PassOutput(result: EscapeResult(facts: facts, functions: records), facts: facts, summaries: summaries)
        }
        switch EngineAvailability.of(pass: "escape", what: "escape analysis", in: context) {
        case .unavailable(let diagnostic):
            return PassOutput(result: EscapeResult(), diagnostics: diagnostic.map { [$0] } ?? [])
        case .compiled(let compilation):
            let records = context.result(of: FunctionsPass.descriptor)
            let index = EnclosingFunctionIndex(records)
            let facts = index.attribute(compilation.facts(forPackage: context.package.importPath)
                .filter { kinds.contains($0.kind) })
            return PassOutput(result: EscapeResult(facts: facts, functions: records), facts: facts)
        }
    }
}
