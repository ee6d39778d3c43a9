import GoTypes
import PassKit

/// The inliner's decisions for one package as heapsight facts: the one conversion both the
/// `inlining` pass (through `NativeInliningSession`) and the differential tests use, so that
/// what is measured is what a scan records.
extension NativeInliner {
    /// Facts of the package at `importPath`, or a warning when the package does not type-check.
    public struct PackageFacts: Sendable {
        /// `devirtualize`, `inline-call`, `can-inline` and `cannot-inline` facts, at the
        /// compiler's positions, with paths as `path(_:)` gave them.
        public var facts: [Fact]
        /// Load and type errors (`file:line:col: message`); when not empty there are no facts,
        /// because the cost model would read wrong types.
        public var problems: [String]
        /// The lines of the package's generic function and method declarations (path as
        /// `path(_:)` gave it): the compiler reports their code once per shape instance, the
        /// native engine not yet.
        public var genericBodies: [SourceSpan] = []
    }

    /// Lines `first...last` of a file.
    public struct SourceSpan: Sendable, Hashable {
        /// The file.
        public var file: String
        /// First line.
        public var first: Int
        /// Last line.
        public var last: Int
    }

    /// The spans of the package's generic declarations.
    private func genericSpans(_ importPath: String, path: (String) -> String?) -> [SourceSpan] {
        guard let pkg = program.package(importPath) else { return [] }
        var out: [SourceSpan] = []
        for f in pkg.functions {
            guard let o = f.object, isGeneric(o), let file = path(pkg.files[f.file].path) else { continue }
            let tree = pkg.files[f.file].tree
            let node = tree[f.node]
            out.append(SourceSpan(file: file, first: tree.source.position(of: node.pos).line,
                                  last: tree.source.position(of: max(node.pos, node.end - 1)).line))
        }
        return out
    }

    /// The package's facts; `path` maps an absolute file path to the fact path (nil: the file
    /// is not reported).
    public func facts(forPackage importPath: String, expanded: NativeIR, path: (String) -> String?) -> PackageFacts {
        let problems = program.problems(importPath)
        if !problems.isEmpty { return PackageFacts(facts: [], problems: problems) }
        let verdicts = verdicts(forPackage: importPath) + instanceVerdicts(forPackage: importPath)
            + equalityFunctionVerdicts(forPackage: importPath) + expanded.copiedLiteralVerdicts(forPackage: importPath)
            + expanded.recursiveCycleVerdicts(forPackage: importPath)
        let calls = inlinedCalls(forPackage: importPath) + expanded.inlinedCallsReadFromExpansion(forPackage: importPath)
        let devirtualized = expanded.devirtualizedCalls(forPackage: importPath)
        var out: [Fact] = []
        out.reserveCapacity(verdicts.count + calls.count + devirtualized.count)
        for d in devirtualized {
            guard let file = path(d.file) else { continue }
            out.append(Fact(kind: .devirtualize, file: file, line: d.line, column: d.column, subject: d.subject, detail: d.type))
        }
        for c in calls {
            guard let file = path(c.file) else { continue }
            out.append(Fact(kind: .inlineCall, file: file, line: c.line, column: c.column, subject: c.callee))
        }
        for v in verdicts {
            guard let file = path(v.file) else { continue }
            switch v.verdict {
            case .inlinable(let cost):
                out.append(Fact(kind: .canInline, file: file, line: v.line, column: v.column, subject: v.name, detail: Fact.inlineCostDetail(cost)))
            case .notInlinable(let reason):
                out.append(Fact(kind: .cannotInline, file: file, line: v.line, column: v.column, subject: v.name, detail: reason))
            }
        }
        return PackageFacts(facts: out, problems: [], genericBodies: genericSpans(importPath, path: path))
    }
}
