import Foundation
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
    }

    /// The package's facts; `path` maps an absolute file path to the fact path (nil: the file
    /// is not reported).
    public func facts(forPackage importPath: String, expanded: NativeIR, path: (String) -> String?) -> PackageFacts {
        let problems = program.problems(importPath)
        if !problems.isEmpty { return PackageFacts(facts: [], problems: problems) }
        let verdicts = verdicts(forPackage: importPath)
        let fromExpansion = ProcessInfo.processInfo.environment["HEAPSIGHT_CALLS"] == "expanded"
        let calls = fromExpansion ? expanded.inlinedCalls(forPackage: importPath) : inlinedCalls(forPackage: importPath)
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
                out.append(Fact(kind: .canInline, file: file, line: v.line, column: v.column, subject: v.name, detail: "cost=\(cost)"))
            case .notInlinable(let reason):
                out.append(Fact(kind: .cannotInline, file: file, line: v.line, column: v.column, subject: v.name, detail: reason))
            }
        }
        return PackageFacts(facts: out, problems: [])
    }
}
