import Foundation
import TestSupport

/// The compiler's `can inline` / `cannot inline` lines (`-m=2`) for a module or a std package,
/// keyed by absolute file path, line and column.
struct CompilerInlineVerdicts {
    /// One decision as the compiler printed it.
    struct Line: Hashable {
        var file: String
        var line: Int
        var column: Int
        var name: String
        /// The cost for `can inline`, or the cost in `function too complex: cost N ...`.
        var cost: Int?
        /// nil for `can inline`, else the reason text.
        var reason: String?
        var key: String { "\(file):\(line):\(column)" }
    }

    var lines: [Line] = []
    /// `inlining call to NAME` lines as `FILE:L:C NAME`, duplicates kept.
    var inlinedCalls: [String] = []
    /// `devirtualizing X to T` lines as `FILE:L:C X T`, duplicates kept.
    var devirtualized: [String] = []

    /// Compiles a module's packages (`./...`) with `-m=2` and keeps the decisions.
    static func module(root: String) throws -> CompilerInlineVerdicts {
        let text = try compile(["./..."], gcflags: "-m=2", cwd: root)
        return parse(text, base: root)
    }

    /// Compiles std packages with `-m=2` (only them, not their dependencies).
    static func standard(_ paths: [String]) throws -> CompilerInlineVerdicts {
        let flags = paths.map { "-gcflags=\($0)=-m=2" }
        var out = CompilerInlineVerdicts()
        for (p, f) in zip(paths, flags) {
            let text = try compile([p], gcflags: String(f.dropFirst("-gcflags=".count)), cwd: NSTemporaryDirectory())
            let parsed = parse(text, base: TestSupport.goToolchain.goroot + "/src")
            out.lines += parsed.lines
            out.inlinedCalls += parsed.inlinedCalls
            out.devirtualized += parsed.devirtualized
        }
        return out
    }

    private static func compile(_ packages: [String], gcflags: String, cwd: String) throws -> String {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=\(gcflags)"] + packages,
                                    cwd: URL(fileURLWithPath: cwd), environment: go.environment(extra: ["GOFLAGS": ""]))
        guard r.status == 0 else {
            throw NSError(domain: "CompilerInlineVerdicts", code: 1, userInfo: [NSLocalizedDescriptionKey: r.err])
        }
        return r.err + r.out
    }

    /// Parses `PATH:L:C: can inline NAME with cost N as: ...` and `PATH:L:C: cannot inline NAME: REASON`.
    static func parse(_ text: String, base: String) -> CompilerInlineVerdicts {
        var out = CompilerInlineVerdicts()
        var seen: Set<String> = []
        for raw in text.split(separator: "\n") {
            let parts = raw.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let line = Int(parts[1]), let column = Int(parts[2]) else { continue }
            let message = parts[3].drop { $0 == " " }
            var path = String(parts[0])
            if path.hasPrefix("./") { path.removeFirst(2) }
            if !path.hasPrefix("/") { path = base + "/" + path }
            var entry = Line(file: path, line: line, column: column, name: "", cost: nil, reason: nil)
            if message.hasPrefix("inlining call to ") {
                out.inlinedCalls.append("\(path):\(line):\(column) \(message.dropFirst("inlining call to ".count))")
                continue
            }
            if message.hasPrefix("devirtualizing ") {
                let rest = message.dropFirst("devirtualizing ".count)
                if let r = rest.range(of: " to ") {
                    out.devirtualized.append("\(path):\(line):\(column) \(rest[..<r.lowerBound]) \(rest[r.upperBound...])")
                }
                continue
            }
            if message.hasPrefix("can inline ") {
                let rest = message.dropFirst("can inline ".count)
                guard let r = rest.range(of: " with cost ") else { continue }
                entry.name = String(rest[..<r.lowerBound])
                entry.cost = Int(rest[r.upperBound...].prefix { $0.isNumber })
            } else if message.hasPrefix("cannot inline ") {
                let rest = message.dropFirst("cannot inline ".count)
                guard let r = rest.range(of: ": ") else { continue }
                entry.name = String(rest[..<r.lowerBound])
                if entry.name.contains(" into ") { continue }
                let reason = String(rest[r.upperBound...])
                entry.reason = reason
                if reason.hasPrefix("function too complex: cost ") {
                    entry.cost = Int(reason.dropFirst("function too complex: cost ".count).prefix { $0.isNumber })
                }
            } else {
                continue
            }
            if seen.insert(entry.key).inserted { out.lines.append(entry) }
        }
        return out
    }
}
