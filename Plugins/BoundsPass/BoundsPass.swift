import FunctionsPass
import GCEngine
import PassKit

/// The `bounds` pass: every bounds check the compiler kept, at the position of the index or
/// slice expression that needs it.
///
/// Model. Go checks each index `s[i]` and slice expression `s[i:j]` against the length of
/// what it indexes unless the compiler's prove pass shows the check cannot fail (a loop over
/// `range s`, an earlier `_ = s[7]`, a constant index into an array). Whatever checks remain
/// are what `//gcassert:bce` (and `//heapsight:bce`) assert away. With `engine: gc` the
/// compiler is asked for them (`-d=ssa/check_bce/debug=1`), and it prints `Found IsInBounds`
/// for an index and `Found IsSliceInBounds` for a slice expression at each one; code inlined
/// from elsewhere is reported at the outermost call site, as the other verdicts are. Each line
/// becomes one `bounds-check` fact, subject `IsInBounds` or `IsSliceInBounds`.
///
/// Not modelled. The native engine has no prove pass, so it computes no bounds checks: under
/// `engine: native` the pass is recorded as skipped on every package, and the rules that read
/// `bounds-check` facts are reported as not evaluated (never as passing).
///
/// Cost: one more line of compiler output per remaining check; linear in that output.
public enum BoundsPass {
    /// The kinds this pass emits.
    public static let kinds: [FactKind] = [.boundsCheck]

    /// The pass descriptor.
    public static let descriptor = PassDescriptor<BoundsResult>(
        name: "bounds",
        doc: "Bounds checks the compiler kept (engine gc: -d=ssa/check_bce/debug=1, `Found IsInBounds` and `Found IsSliceInBounds`; the native engine does not compute them).",
        requires: [.on(FunctionsPass.descriptor)],
        engines: .engines([.gc]),
        factKinds: kinds
    ) { context in
        switch EngineAvailability.of(pass: "bounds", what: "bounds checks", in: context) {
        case .unavailable(let diagnostic):
            return PassOutput(result: BoundsResult(available: false, checks: []), diagnostics: diagnostic.map { [$0] } ?? [])
        case .compiled(let compilation):
            let index = EnclosingFunctionIndex(context.result(of: FunctionsPass.descriptor))
            let facts = index.attribute(compilation.facts(forPackage: context.package.importPath)
                .filter { kinds.contains($0.kind) })
            return PassOutput(result: BoundsResult(available: true, checks: facts), facts: facts)
        }
    }
}

/// The bounds checks of one package.
public struct BoundsResult: Sendable {
    /// True when an engine computed the package's bounds checks.
    public var available: Bool
    /// The `bounds-check` facts, in the compiler's order.
    public var checks: [Fact]

    /// Creates a result.
    public init(available: Bool, checks: [Fact]) {
        self.available = available
        self.checks = checks
    }
}
