import Foundation

/// The `-m=2` flow explanations of two outputs compared block by block: a block is a header
/// (`X escapes to heap in F:` or `parameter p leaks to S for F with derefs=N:`) and its
/// indented `flow:` / `from …` lines, all prefixed with the explained location's position.
/// Two blocks are identical when every line is byte for byte the same (positions included,
/// the notes' `at` positions too). Blocks are compared as multisets: the compiler prints
/// some blocks more than once (a location reached again with fewer dereferences).
///
/// Every compiler block without an identical native one gets a cause (`FlowDifference`): the
/// first line where it differs from the closest native block with the same header decides.
struct FlowAgreement {
    /// Explanation blocks the compiler printed.
    var compiler = 0
    /// Explanation blocks the native analysis printed.
    var native = 0
    /// Compiler blocks the native analysis printed identically.
    var identical = 0
    /// Compiler blocks whose header the native analysis printed with other lines.
    var sameHeaderOtherLines = 0
    /// Differing compiler blocks per cause.
    var causes: [FlowDifference: Int] = [:]
    /// A few differing compiler blocks per cause, with the closest native block when there is one.
    var examples: [FlowDifference: [String]] = [:]

    /// Examples kept per cause: 40, or `HEAPSIGHT_FLOW_EXAMPLES` when set (to study a cause
    /// whole).
    static let examplesPerCause = ProcessInfo.processInfo.environment["HEAPSIGHT_FLOW_EXAMPLES"].flatMap { Int($0) } ?? 40

    /// The share of the compiler's blocks printed identically.
    var share: Double { compiler == 0 ? 1 : Double(identical) / Double(compiler) }

    /// Compares the explanation blocks of two `-m=2` texts, those whose header `keep` accepts.
    init(compiler c: String, native n: String, keep: (Substring) -> Bool = { _ in true }) {
        let cb = Self.blocks(c).filter { keep(Self.header($0)) }, nb = Self.blocks(n).filter { keep(Self.header($0)) }
        var counts: [String: Int] = [:]
        var byHeader: [Substring: [String]] = [:]
        var byLooseHeader: [String: [String]] = [:]
        for b in nb {
            counts[b, default: 0] += 1
            byHeader[Self.header(b), default: []].append(b)
            byLooseHeader[FlowDifference.looseHeader(Self.header(b)), default: []].append(b)
        }
        compiler = cb.count
        native = nb.count
        for b in cb {
            if let k = counts[b], k > 0 {
                counts[b] = k - 1
                identical += 1
                continue
            }
            let header = Self.header(b)
            let same = byHeader[header] ?? []
            if !same.isEmpty { sameHeaderOtherLines += 1 }
            let (cause, closest) = FlowDifference.classify(b, sameHeader: same,
                                                           sameSubject: byLooseHeader[FlowDifference.looseHeader(header)] ?? [])
            causes[cause, default: 0] += 1
            if examples[cause, default: []].count < Self.examplesPerCause {
                examples[cause, default: []].append("compiler:\n\(b)\nnative:\n\(closest ?? "(none)")")
            }
        }
    }

    /// A summary line, the differing blocks per cause, and a few examples of the largest causes.
    func report(_ title: String, examplesShown: Int = 2) -> String {
        var out = "\(title): flow explanations identical \(identical) of \(compiler) (\(String(format: "%.4f", share))); "
        out += "native printed \(native); same header, other lines \(sameHeaderOtherLines)\n"
        let ranked = causes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
        for (cause, count) in ranked {
            out += "  \(String(count).leftPadded(to: 7)) \(cause.rawValue)\n"
        }
        for (cause, _) in ranked {
            for e in (examples[cause] ?? []).prefix(examplesShown) { out += "[\(cause.rawValue)]\n\(e)\n" }
        }
        return out
    }

    /// Every kept example, grouped by cause (for the log file).
    var allExamples: String {
        causes.keys.sorted { $0.rawValue < $1.rawValue }.map { cause in
            "==== \(cause.rawValue) (\(causes[cause] ?? 0))\n" + (examples[cause] ?? []).joined(separator: "\n\n")
        }.joined(separator: "\n\n") + "\n"
    }

    static func header(_ block: String) -> Substring {
        block.prefix { $0 != "\n" }
    }

    /// The explanation blocks of a `-m=2` text, each as its lines joined by newlines.
    static func blocks(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        func close() {
            if !current.isEmpty { out.append(current.joined(separator: "\n")) }
            current = []
        }
        for line in text.split(separator: "\n") {
            guard let message = message(of: line) else {
                close()
                continue
            }
            if message.hasPrefix(" ") {
                if !current.isEmpty { current.append(line) }
                continue
            }
            close()
            if message.hasSuffix(":"),
               message.contains(" escapes to heap in ") || (message.hasPrefix("parameter ") && message.contains(" leaks to ")) {
                current = [line]
            }
        }
        close()
        return out
    }

    /// The text after `PATH:LINE:COL: `, nil for a line without a position.
    static func message(of line: Substring) -> Substring? {
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil, parts[3].hasPrefix(" ") else { return nil }
        return parts[3].dropFirst()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
