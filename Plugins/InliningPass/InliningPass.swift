import FunctionsPass
import GCEngine
import NativeEngine
import PassKit

/// The `inlining` pass: which functions the Go compiler can inline (with their cost), which it
/// cannot (with the reason), which calls it inlined, and which interface calls it
/// devirtualized.
///
/// Model. The descriptor, fact kinds and result are engine-neutral; the descriptor declares
/// both engines (`engines`). With `engine: gc` the decisions are the compiler's own
/// (`GCEngine`, `-m=2`): every `can inline F with cost N`, `cannot inline F: REASON`,
/// `inlining call to F` and `devirtualizing X to T` line printed while compiling the package
/// becomes one fact, at the compiler's position, attributed to the innermost enclosing
/// function from the `functions` pass. Lines the compiler prints twice stay two facts.
/// With `engine: native` the `can-inline` / `cannot-inline` decisions, the statically
/// resolved `inline-call` sites and the devirtualization of interface calls on a local
/// variable assigned once come from `NativeEngine` (the cost model computed in Swift,
/// measured against the compiler in docs/native-engine.md); other devirtualizations and
/// calls of generic shape instances are not computed there yet. Without a GOROOT the native engine reports nothing and the run lists the pass as
/// skipped.
///
/// Summary. Every package exports its functions' decisions (`InlineSummary`, kind
/// `summaryKind`) for its importers; the result's `calleeDecisions` reads them back for the calls
/// the package inlines from its direct imports, so a caller learns its callees' costs without
/// the callees' facts.
///
/// Invariants. A function's decision is taken from the fact at its own position (the name, or
/// the receiver's `(` for methods, or `func` for a literal). Facts outside the scanned tree
/// (generic instantiations of other packages, wrappers) are emitted with `external = true`.
///
/// Cost: linear in the package's compiler output.
public enum InliningPass {
    /// The kinds this pass emits.
    public static let kinds: [FactKind] = [.canInline, .cannotInline, .inlineCall, .devirtualize]

    /// The per-package summary this pass exports: each function's decision, for importers.
    public static let summaryKind = SummaryKind<InlineSummary>(name: "inlining.decisions", version: 1)

    /// The pass descriptor.
    public static let descriptor = PassDescriptor<InliningResult>(
        name: "inlining",
        doc: "Inlining decisions: can-inline with cost, cannot-inline with the reason, inlined call sites and devirtualized interface calls (engine gc: the compiler's -m=2 decisions; engine native: computed by heapsight's own cost model, devirtualization only for interface calls on a local variable assigned once).",
        requires: [.on(FunctionsPass.descriptor)],
        engines: .engines([.gc, .native]),
        factKinds: kinds
    ) { context in
        let facts: [Fact]
        let index = EnclosingFunctionIndex(context.result(of: FunctionsPass.descriptor))
        if context.engine == .native {
            guard let session = context.input(NativeInliningSession.self) else {
                return PassOutput(result: InliningResult())
            }
            facts = index.attribute(try session.facts(for: context.package))
        } else {
            switch EngineAvailability.of(pass: "inlining", what: "inlining decisions", in: context) {
            case .unavailable(let diagnostic):
                return PassOutput(result: InliningResult(), diagnostics: diagnostic.map { [$0] } ?? [])
            case .compiled(let compilation):
                facts = index.attribute(compilation.facts(forPackage: context.package.importPath)
                    .filter { kinds.contains($0.kind) })
            }
        }
        var result = InliningResult(facts: facts, index: index)
        let imported = try context.package.imports.compactMap { try context.summary(summaryKind, of: $0) }
        result.resolveCallees(package: context.package, imports: imported)
        let summary = try summaryKind.encode(InlineSummary(package: context.package, result: result))
        return PassOutput(result: result, facts: facts, summaries: [summary])
    }
}
