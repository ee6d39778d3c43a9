import Foundation
import NativeEngine

/// The native verdicts against the compiler's, function by function, with every disagreement.
struct InlineAgreement {
    /// Functions both sides decided.
    var compared = 0
    /// Same verdict (can / cannot).
    var verdictAgree = 0
    /// Functions where the compiler printed a cost and the native engine computed one.
    var costCompared = 0
    /// Same cost.
    var costAgree = 0
    /// Functions the compiler refused.
    var reasonCompared = 0
    /// Same reason text.
    var reasonAgree = 0
    /// Compiler decisions with no native verdict at that position (closures, generics, ...).
    var notModelled: [String] = []
    /// Native verdicts the compiler did not print.
    var nativeOnly: [String] = []
    /// Every disagreement, one line each.
    var disagreements: [String] = []
    /// Inlined calls: the compiler's count, the native count, and how many match (multiset).
    var inlinedCompiler = 0
    var inlinedNative = 0
    var inlinedBoth = 0
    /// Inlined calls only one side has.
    var inlinedDifferences: [String] = []

    /// Devirtualized calls: the compiler's count, the native count, matches, differences.
    var devirtualizedCompiler = 0
    var devirtualizedNative = 0
    var devirtualizedBoth = 0
    var devirtualizedDifferences: [String] = []

    /// Compares devirtualized calls as multisets of `FILE:L:C X T`, over the files both sides know.
    mutating func compareDevirtualized(compiler: [String], native: [DevirtualizedCall], files: Set<String>) {
        let mine = native.map { "\($0.file):\($0.line):\($0.column) \($0.subject) \($0.type)" }
        let theirs = compiler.filter { line in files.contains(String(line.prefix { $0 != ":" })) }
        var remaining: [String: Int] = [:]
        for l in theirs { remaining[l, default: 0] += 1 }
        for l in mine {
            if let n = remaining[l], n > 0 { remaining[l] = n - 1; devirtualizedBoth += 1 } else { devirtualizedDifferences.append("native only: \(l)") }
        }
        for (l, n) in remaining.sorted(by: { $0.key < $1.key }) where n > 0 {
            for _ in 0..<n { devirtualizedDifferences.append("compiler only: \(l)") }
        }
        devirtualizedCompiler += theirs.count
        devirtualizedNative += mine.count
    }

    /// Compares inlined calls as multisets of `FILE:L:C NAME`, over the files both sides know.
    mutating func compareInlinedCalls(compiler: [String], native: [InlinedCall], files: Set<String>) {
        // Both sides over the corpus's files (shaped copies of other packages' generics
        // report their inlined calls in those packages' files).
        let mine = native.filter { files.contains($0.file) }.map { "\($0.file):\($0.line):\($0.column) \($0.callee)" }
        let theirs = compiler.filter { line in files.contains(String(line.prefix { $0 != ":" })) }
        var remaining: [String: Int] = [:]
        for l in theirs { remaining[l, default: 0] += 1 }
        for l in mine {
            if let n = remaining[l], n > 0 { remaining[l] = n - 1; inlinedBoth += 1 } else { inlinedDifferences.append("native only: \(l)") }
        }
        for (l, n) in remaining.sorted(by: { $0.key < $1.key }) where n > 0 {
            for _ in 0..<n { inlinedDifferences.append("compiler only: \(l)") }
        }
        inlinedCompiler += theirs.count
        inlinedNative += mine.count
    }

    init(compiler: CompilerInlineVerdicts, native: [FunctionVerdict]) {
        var byKey: [String: FunctionVerdict] = [:]
        for v in native { byKey["\(v.file):\(v.line):\(v.column)"] = v }
        var matched: Set<String> = []
        for c in compiler.lines {
            guard let n = byKey[c.key] else { notModelled.append("\(c.key) \(c.name)"); continue }
            matched.insert(c.key)
            compared += 1
            let nativeCost: Int?
            let nativeReason: String?
            switch n.verdict {
            case .inlinable(let cost): nativeCost = cost; nativeReason = nil
            case .notInlinable(let reason):
                nativeReason = reason
                let prefix = "function too complex: cost "
                nativeCost = reason.hasPrefix(prefix) ? Int(reason.dropFirst(prefix.count).prefix { $0.isNumber }) : nil
            }
            let sameVerdict = (c.reason == nil) == (nativeReason == nil)
            if sameVerdict { verdictAgree += 1 }
            var wrong = !sameVerdict
            if let cc = c.cost, let nc = nativeCost {
                costCompared += 1
                if cc == nc { costAgree += 1 } else { wrong = true }
            } else if c.cost != nil || nativeCost != nil {
                costCompared += c.cost != nil ? 1 : 0
                wrong = true
            }
            if let r = c.reason {
                reasonCompared += 1
                if r == nativeReason { reasonAgree += 1 } else { wrong = true }
            }
            if wrong {
                let compilerText = c.reason.map { "cannot: \($0)" } ?? "can: cost \(c.cost ?? -1)"
                let nativeText = nativeReason.map { "cannot: \($0)" } ?? "can: cost \(nativeCost ?? -1)"
                disagreements.append("\(c.key) \(c.name): compiler \(compilerText) | native \(nativeText)")
            }
        }
        for v in native where !matched.contains("\(v.file):\(v.line):\(v.column)") {
            nativeOnly.append("\(v.file):\(v.line):\(v.column) \(v.name)")
        }
    }

    static func percent(_ a: Int, _ b: Int) -> Double { b == 0 ? 100 : Double(a) * 100 / Double(b) }

    /// Native inlined calls the compiler also reports, in percent.
    var inlinedPrecision: Double { Self.percent(inlinedBoth, inlinedNative) }
    /// Compiler inlined calls the native engine also reports, in percent.
    var inlinedRecall: Double { Self.percent(inlinedBoth, inlinedCompiler) }
    var verdictPercent: Double { Self.percent(verdictAgree, compared) }
    var costPercent: Double { Self.percent(costAgree, costCompared) }
    var reasonPercent: Double { Self.percent(reasonAgree, reasonCompared) }

    /// Adds another corpus's numbers.
    mutating func add(_ o: InlineAgreement) {
        compared += o.compared; verdictAgree += o.verdictAgree
        costCompared += o.costCompared; costAgree += o.costAgree
        reasonCompared += o.reasonCompared; reasonAgree += o.reasonAgree
        notModelled += o.notModelled; nativeOnly += o.nativeOnly; disagreements += o.disagreements
        inlinedCompiler += o.inlinedCompiler; inlinedNative += o.inlinedNative; inlinedBoth += o.inlinedBoth
        inlinedDifferences += o.inlinedDifferences
        devirtualizedCompiler += o.devirtualizedCompiler; devirtualizedNative += o.devirtualizedNative
        devirtualizedBoth += o.devirtualizedBoth; devirtualizedDifferences += o.devirtualizedDifferences
    }

    /// The report: numbers, then every disagreement and unmatched line.
    func report(_ label: String) -> String {
        var s = "\(label): functions=\(compared) verdict \(verdictAgree)/\(compared) (\(fmt(verdictPercent))%)"
        s += " cost \(costAgree)/\(costCompared) (\(fmt(costPercent))%) reason \(reasonAgree)/\(reasonCompared) (\(fmt(reasonPercent))%)"
        s += " not-modelled=\(notModelled.count) native-only=\(nativeOnly.count)"
        s += " inlined-calls compiler=\(inlinedCompiler) native=\(inlinedNative) both=\(inlinedBoth)"
        s += " devirtualized compiler=\(devirtualizedCompiler) native=\(devirtualizedNative) both=\(devirtualizedBoth)\n"
        for d in disagreements { s += "  differs: \(d)\n" }
        for d in inlinedDifferences { s += "  inlined call, \(d)\n" }
        for d in devirtualizedDifferences { s += "  devirtualized, \(d)\n" }
        for d in nativeOnly { s += "  native only: \(d)\n" }
        for d in notModelled { s += "  not modelled: \(d)\n" }
        return s
    }

    private func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
