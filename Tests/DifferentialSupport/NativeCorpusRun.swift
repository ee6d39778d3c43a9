import Foundation
import GoLoader
import GoTypes
import NativeEngine
import PassKit

/// The native engine over a whole corpus, through the same conversion a scan uses
/// (`NativeInliner.facts(forPackage:path:)`, which `NativeInliningSession` calls for the
/// `inlining` pass): every package in one program, std decided on demand as a scan decides it.
public struct NativeCorpusRun {
    /// Facts per package (paths relative to `root`).
    public var factsByPackage: [String: [Fact]] = [:]
    /// Packages refused because they do not type-check, with their first problem.
    public var untyped: [String: String] = [:]
    /// Lines of generic declarations per file (their code is compiled per shape instance).
    public var genericBodies: [String: [ClosedRange<Int>]] = [:]
    /// Seconds the native engine took (type checking included).
    public var seconds: Double = 0
    /// The fact kinds the run computed: a compiler fact of another kind is a miss of its own
    /// class ("KIND not computed natively").
    public var kinds: Set<FactKind> = inliningKinds

    /// The inlining pass's kinds.
    public static let inliningKinds: Set<FactKind> = [.canInline, .cannotInline, .inlineCall, .devirtualize]
    /// The escape pass's kinds.
    public static let escapeKinds: Set<FactKind> = [.movedToHeap, .escapes, .noEscape, .leakParam, .leakParamContent, .leakResult]

    /// Runs the native engine on `packages` (import paths). `modulePackages` are the corpus's
    /// own packages when they are not in GOROOT; `dependencies` resolve their imports. With
    /// `escape`, each package's escape facts (`NativeEscape`, after inline expansion, no
    /// explanations) are added to its inlining facts.
    public static func run(packages: [String], goroot: String, root: String, modulePackages: [PackageSource] = [],
                           dependencies: [DependencyResolver] = [], escape: Bool = false) -> NativeCorpusRun {
        let started = Date()
        let program = NativeProgram(goroot: goroot, modulePackages: modulePackages, dependencies: dependencies)
        let inliner = NativeInliner(program: program)
        let expanded = NativeIR(program: program, inliner: inliner)
        let escapes = escape ? NativeEscape(ir: expanded, explains: false) : nil
        let prefix = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        let std = URL(fileURLWithPath: goroot).standardizedFileURL.path + "/src/"
        var out = NativeCorpusRun()
        out.kinds = escape ? NativeCorpusRun.inliningKinds.union(NativeCorpusRun.escapeKinds) : NativeCorpusRun.inliningKinds
        TypecheckRun.onLargeStack {
            for p in packages {
                let facts = inliner.facts(forPackage: p, expanded: expanded) { relative($0, root: prefix, std: std) }
                if let first = facts.problems.first { out.untyped[p] = first }
                out.factsByPackage[p] = facts.facts
                if facts.problems.isEmpty, let escapes, let result = escapes.analyze(p) {
                    out.factsByPackage[p, default: []] += NativeEscape.facts(of: result, path: { relative($0, root: prefix, std: std) })
                }
                for span in facts.genericBodies { out.genericBodies[span.file, default: []].append(span.first...span.last) }
            }
        }
        out.seconds = Date().timeIntervalSince(started)
        return out
    }

    /// A native fact's path as the compiler oracle prints it (`FactPathMapper`): relative to
    /// the corpus's root inside it, `$GOROOT/src`-relative for the standard library (a corpus
    /// outside GOROOT compiles std's generic instances and inlined bodies too).
    static func relative(_ path: String, root: String, std: String) -> String {
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        if path.hasPrefix(std) { return String(path.dropFirst(std.count)) }
        return path
    }
}
