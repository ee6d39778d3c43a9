import Foundation
import PassKit

/// The native engine against the compiler over one corpus: per-kind precision, recall and F1
/// (facts compared as multisets, `FactComparison`, the compiler taken as the truth) and every
/// disagreement with its cause (`DisagreementCause`), written to a log file.
public struct CorpusDifferential {
    /// The corpus name (`std`, `cmd`, `go-test`).
    public var name: String
    /// Per-kind scores (native = A, compiler = B), every kind of the vocabulary.
    public var scores: [FactKind: FactComparison.KindScore]
    /// Every fact on one side only, with its cause.
    public var disagreements: [DisagreementCause.Classified]
    /// Count per cause class and side.
    public var causeCounts: [String: Int]
    /// Where the full list is written.
    public var logFile: String
    /// Packages compared.
    public var packageCount: Int

    /// Compares the two sides over `packages` and writes the log.
    public init(name: String, packages: [String], compiler: [String: [Fact]], native: NativeCorpusRun) throws {
        self.name = name
        self.packageCount = packages.count
        var truth: [Fact] = []
        var mine: [Fact] = []
        var packageOf: [FactComparison.Key: String] = [:]
        for p in packages {
            for f in compiler[p] ?? [] {
                truth.append(f)
                packageOf[FactComparison.Key(f)] = packageOf[FactComparison.Key(f)] ?? p
            }
            for f in native.factsByPackage[p] ?? [] {
                mine.append(f)
                packageOf[FactComparison.Key(f)] = packageOf[FactComparison.Key(f)] ?? p
            }
        }
        let comparison = FactComparison(a: mine, b: truth)
        var scores: [FactKind: FactComparison.KindScore] = [:]
        for kind in FactKind.allCases { scores[kind] = FactComparison.KindScore(kind: kind, countA: 0, countB: 0, truePositives: 0) }
        for s in comparison.kinds { scores[s.kind] = s }
        self.scores = scores
        disagreements = DisagreementCause.classify(comparison, packageOf: { packageOf[$0] }, untyped: Set(native.untyped.keys),
                                                   nativeKinds: native.kinds, inGenericBody: { file, line in
                                                       native.genericBodies[file]?.contains { $0.contains(line) } == true
                                                   })
        var counts: [String: Int] = [:]
        for d in disagreements { counts["\(d.side.rawValue): \(d.cause)", default: 0] += 1 }
        causeCounts = counts
        let folder = NSTemporaryDirectory() + "heapsight-differential"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        logFile = "\(folder)/\(name)-disagreements.tsv"
        var log = "# native engine vs go build -gcflags=all=-m=2, corpus \(name): side, cause, package, fact (path line col kind subject detail), paired fact\n"
        let sorted = disagreements.sorted {
            ($0.cause, $0.side.rawValue, $0.key) < ($1.cause, $1.side.rawValue, $1.key)
        }
        for d in sorted {
            log += "\(d.side.rawValue)\t\(d.cause)\t\(d.package ?? "-")\t\(d.key.tsvLine)"
            if let c = d.counterpart { log += "\t| \(c)" }
            log += "\n"
        }
        for (p, problem) in native.untyped.sorted(by: { $0.key < $1.key }) {
            log += "# \(p) does not type-check natively: \(problem)\n"
        }
        try log.write(toFile: logFile, atomically: true, encoding: .utf8)
    }

    /// The summary: per-kind table, then the count of every cause class, then the log's path.
    public var report: String {
        var s = "corpus \(name): \(packageCount) packages (A = native, B = compiler)\n"
        s += "kind                  native  compiler      both  precision  recall      F1\n"
        for kind in FactKind.allCases {
            let k = scores[kind]!
            s += kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            s += String(format: " %8d  %8d  %8d     %.4f  %.4f  %.4f\n", k.countA, k.countB, k.truePositives, k.precision, k.recall, k.f1)
        }
        s += "disagreements by cause (\(disagreements.count) facts):\n"
        for (cause, n) in causeCounts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            s += String(format: "%9d  ", n) + cause + "\n"
        }
        s += "every disagreement: \(logFile)\n"
        return s
    }
}
