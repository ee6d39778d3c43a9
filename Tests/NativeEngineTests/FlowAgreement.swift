import Foundation

/// The `-m=2` flow explanations of two outputs compared block by block: a block is a header
/// (`X escapes to heap in F:` or `parameter p leaks to S for F with derefs=N:`) and its
/// indented `flow:` / `from …` lines, all prefixed with the explained location's position.
/// Two blocks are identical when every line is byte for byte the same (positions included,
/// the notes' `at` positions too). Blocks are compared as multisets: the compiler prints
/// some blocks more than once (a location reached again with fewer dereferences).
struct FlowAgreement {
    /// Explanation blocks the compiler printed.
    var compiler = 0
    /// Explanation blocks the native analysis printed.
    var native = 0
    /// Compiler blocks the native analysis printed identically.
    var identical = 0
    /// Compiler blocks whose header the native analysis printed with other lines.
    var sameHeaderOtherLines = 0
    /// A few compiler blocks without an identical native one, with the native block of the
    /// same header when there is one (for the log).
    var examples: [String] = []

    /// The share of the compiler's blocks printed identically.
    var share: Double { compiler == 0 ? 1 : Double(identical) / Double(compiler) }

    /// Compares the explanation blocks of two `-m=2` texts.
    init(compiler c: String, native n: String) {
        let cb = Self.blocks(c), nb = Self.blocks(n)
        var counts: [String: Int] = [:]
        var headers: [String: String] = [:]
        for b in nb {
            counts[b, default: 0] += 1
            headers[Self.header(b)] = b
        }
        compiler = cb.count
        native = nb.count
        for b in cb {
            if let k = counts[b], k > 0 {
                counts[b] = k - 1
                identical += 1
            } else if let other = headers[Self.header(b)] {
                sameHeaderOtherLines += 1
                if examples.count < 20 { examples.append("compiler:\n\(b)\nnative:\n\(other)") }
            }
        }
    }

    /// A summary line and the examples.
    func report(_ title: String) -> String {
        var out = "\(title): flow explanations identical \(identical) of \(compiler) (\(String(format: "%.4f", share))); "
        out += "native printed \(native); same header, other lines \(sameHeaderOtherLines)\n"
        out += examples.prefix(5).map { $0 + "\n" }.joined()
        return out
    }

    private static func header(_ block: String) -> String {
        String(block.prefix { $0 != "\n" })
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
    private static func message(of line: Substring) -> Substring? {
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil, parts[3].hasPrefix(" ") else { return nil }
        return parts[3].dropFirst()
    }
}
