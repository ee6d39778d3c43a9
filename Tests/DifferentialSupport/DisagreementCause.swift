import PassKit

/// Why a fact is on one side only, derived mechanically from the fact, its package and what
/// the other side has at the same position: the classes the corpus differentials count.
///
/// Pairs first: a compiler verdict and a native verdict for the same function at the same
/// position differ in cost (bucketed by how much), in verdict, or in reason; two inlined calls
/// at one position name different callees. What stays unpaired is classified by what the
/// compiler's name says (a generic shape instance, a `deferwrap`/`gowrap` wrapper, a
/// range-over-func body, an `init.N` or package-level literal, code of a generic body) and where it is (a
/// compiler wrapper), then by kind (a missing or extra call site, a missing devirtualization,
/// a kind the native engine does not compute).
public enum DisagreementCause {
    /// Which side has the fact.
    public enum Side: String, Sendable {
        /// Printed by the compiler, not by the native engine.
        case compilerOnly = "compiler only"
        /// Reported by the native engine, not by the compiler.
        case nativeOnly = "native only"
    }

    /// One fact on one side only, with its cause.
    public struct Classified: Sendable {
        /// The fact.
        public var key: FactComparison.Key
        /// The side that has it.
        public var side: Side
        /// The cause class.
        public var cause: String
        /// The other side's fact it was paired with, as an export line.
        public var counterpart: String?
        /// The package whose compilation printed it (or the native package), when known.
        public var package: String?
    }

    /// Classifies every unmatched fact of a comparison (native = A, compiler = B).
    /// `packageOf` names the package of a fact; `untyped` are packages the native engine
    /// refused because they do not type-check; `nativeKinds` are the kinds the native run
    /// computed (a compiler fact of another kind is classified "KIND not computed natively").
    public static func classify(_ comparison: FactComparison, packageOf: (FactComparison.Key) -> String?,
                                untyped: Set<String>, nativeKinds: Set<FactKind> = NativeCorpusRun.inliningKinds,
                                inGenericBody: (String, Int) -> Bool = { _, _ in false }) -> [Classified] {
        var compilerOnly: [FactComparison.Key] = []
        var nativeOnly: [FactComparison.Key] = []
        for d in comparison.disagreements {
            if d.countB > d.countA { compilerOnly += Array(repeating: d.key, count: d.countB - d.countA) }
            if d.countA > d.countB { nativeOnly += Array(repeating: d.key, count: d.countA - d.countB) }
        }
        struct Spot: Hashable { var file: String; var line: Int; var column: Int; var family: Int }
        func family(_ k: FactKind) -> Int {
            switch k {
            case .canInline, .cannotInline: return 0
            case .inlineCall: return 1
            case .devirtualize: return 2
            default: return 3
            }
        }
        func spot(_ k: FactComparison.Key) -> Spot { Spot(file: k.file, line: k.line, column: k.column, family: family(k.kind)) }
        var nativeAt: [Spot: [Int]] = [:]
        for (i, k) in nativeOnly.enumerated() { nativeAt[spot(k), default: []].append(i) }
        var pairedNative = Set<Int>()
        var out: [Classified] = []
        for k in compilerOnly {
            let candidates = (nativeAt[spot(k)] ?? []).filter { !pairedNative.contains($0) }
            // Same subject first; else, for a verdict, any verdict at the position (naming).
            let pick = candidates.first { nativeOnly[$0].subject == k.subject }
                ?? (family(k.kind) <= 1 ? candidates.first : nil)
            if let j = pick {
                pairedNative.insert(j)
                let n = nativeOnly[j]
                let cause = pairCause(compiler: k, native: n)
                out.append(Classified(key: k, side: .compilerOnly, cause: cause, counterpart: n.tsvLine, package: packageOf(k)))
                out.append(Classified(key: n, side: .nativeOnly, cause: cause, counterpart: k.tsvLine, package: packageOf(n)))
                continue
            }
            let package = packageOf(k)
            out.append(Classified(key: k, side: .compilerOnly,
                                  cause: unpairedCause(k, side: .compilerOnly, package: package, untyped: untyped,
                                                       nativeKinds: nativeKinds, inGenericBody: inGenericBody),
                                  counterpart: nil, package: package))
        }
        for (j, n) in nativeOnly.enumerated() where !pairedNative.contains(j) {
            let package = packageOf(n)
            out.append(Classified(key: n, side: .nativeOnly,
                                  cause: unpairedCause(n, side: .nativeOnly, package: package, untyped: untyped,
                                                       nativeKinds: nativeKinds, inGenericBody: inGenericBody),
                                  counterpart: nil, package: package))
        }
        return out
    }

    /// The cost a verdict prints (`cost=N`, or `function too complex: cost N exceeds ...`).
    static func cost(_ k: FactComparison.Key) -> Int? {
        if k.kind == .canInline, k.detail.hasPrefix("cost=") { return Int(k.detail.dropFirst(5)) }
        let prefix = "function too complex: cost "
        if k.kind == .cannotInline, k.detail.hasPrefix(prefix) { return Int(k.detail.dropFirst(prefix.count).prefix { $0.isNumber }) }
        return nil
    }

    /// The class of a compiler fact and a native fact at the same position.
    static func pairCause(compiler c: FactComparison.Key, native n: FactComparison.Key) -> String {
        if c.subject != n.subject {
            return c.kind == .inlineCall ? "inlined callee named differently" : "function named differently"
        }
        if let a = cost(c), let b = cost(n) {
            let d = abs(a - b)
            let bucket = d == 1 ? "1" : d <= 5 ? "2-5" : d <= 20 ? "6-20" : ">20"
            let verdict = c.kind == n.kind ? "" : " (verdict differs)"
            return "cost differs by \(bucket), native \(b > a ? "higher" : "lower")\(verdict)"
        }
        if c.kind != n.kind { return "verdict differs (\(c.kind.rawValue) vs \(n.kind.rawValue))" }
        if c.kind == .cannotInline { return "reason differs" }
        return "detail differs"
    }

    /// The class of a fact with no counterpart at its position.
    static func unpairedCause(_ k: FactComparison.Key, side: Side, package: String?, untyped: Set<String>,
                              nativeKinds: Set<FactKind>, inGenericBody: (String, Int) -> Bool) -> String {
        let compiler = side == .compilerOnly
        if k.file.isEmpty { return "no position (compiler)" }
        if k.file.hasPrefix("<") { return "compiler wrapper (<autogenerated>)" }
        if compiler, let package, untyped.contains(package) { return "package does not type-check natively" }
        if compiler, !nativeKinds.contains(k.kind) { return "\(k.kind.rawValue) not computed natively" }
        let s = k.subject
        let suffix = compiler ? "" : " (native only)"
        if s.contains("go.shape.") || inGenericBody(k.file, k.line) { return "generic shape instance" + suffix }
        if (k.kind == .canInline || k.kind == .cannotInline) && s.contains("[") {
            return "generic instance with concrete type arguments" + suffix
        }
        if s.contains(".deferwrap") || s.contains(".gowrap") { return "deferwrap/gowrap wrapper" + suffix }
        if s.range(of: #"-range\d"#, options: .regularExpression) != nil { return "range-over-func body" + suffix }
        if s.range(of: #"(^|[.)])init\.(\d+|func\d)"#, options: .regularExpression) != nil || s.hasPrefix("glob..") {
            return "init / package-level literal" + suffix
        }
        switch k.kind {
        case .inlineCall: return compiler ? "missing call site" : "extra call site"
        case .devirtualize: return compiler ? "devirtualize missing" : "extra devirtualize"
        case .canInline, .cannotInline:
            if s.range(of: #"\.func\d"#, options: .regularExpression) != nil {
                return compiler ? "function literal verdict missing" : "extra function literal verdict"
            }
            return compiler ? "verdict missing" : "extra verdict"
        default:
            return compiler ? "\(k.kind.rawValue) missing" : "extra \(k.kind.rawValue)"
        }
    }
}
