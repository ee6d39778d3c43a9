import Foundation
import GoLoader
import PassKit

/// The syntax of `go.mod` and `go.work` as the go command checks it, for the problems the
/// loader's lenient reading passes over: an unterminated `( ... )` block, an unknown directive,
/// a `use` of a folder without a module. Each is an error diagnostic in the go command's words,
/// so the run is `partial` and says why, instead of `ok` over a module the go tool rejects.
enum ModuleFileCheck {
    /// Directives a go.mod may hold.
    static let goModDirectives: Set<String> = ["module", "go", "toolchain", "godebug", "require", "exclude", "replace",
                                               "retract", "tool", "ignore"]
    /// Directives a go.work may hold.
    static let goWorkDirectives: Set<String> = ["go", "toolchain", "godebug", "use", "replace"]

    /// Problems of the go.mod of each module root and of the go.work in `base`.
    static func diagnostics(moduleRoots: [String], base: String, relative: (String) -> String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for root in Set(moduleRoots).sorted() {
            let path = root + "/go.mod"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            out += problems(text, path: relative(path), allowed: goModDirectives)
        }
        let work = base + "/go.work"
        if let text = try? String(contentsOfFile: work, encoding: .utf8) {
            out += problems(text, path: relative(work), allowed: goWorkDirectives)
            for use in WorkspaceFile.parse(text).uses {
                let dir = use.hasPrefix("/") ? use : base + "/" + use
                if !FileManager.default.fileExists(atPath: dir + "/go.mod") {
                    out.append(Diagnostic(severity: .error, source: "loader", file: relative(work), line: 0,
                                          message: "cannot load module \(use) listed in go.work: \(use)/go.mod does not exist"))
                }
            }
        }
        return out
    }

    /// Unterminated blocks and unknown directives in one file's text.
    static func problems(_ text: String, path: String, allowed: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var block: (verb: String, line: Int)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() {
            var line = Substring(raw)
            if let r = line.range(of: "//") { line = line[..<r.lowerBound] }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = words.first else { continue }
            if block != nil {
                if first == ")" { block = nil }
                continue
            }
            let verb = String(first)
            if !allowed.contains(verb) {
                out.append(Diagnostic(severity: .error, source: "loader", file: path, line: i + 1,
                                      message: "unknown directive: \(verb)"))
                continue
            }
            if words.count == 2 && words[1] == "(" { block = (verb, i + 1) }
        }
        if let block {
            let end = text.hasSuffix("\n") ? lines.count : lines.count + 1
            out.append(Diagnostic(severity: .error, source: "loader", file: path, line: end,
                                  message: "syntax error (unterminated block started at \(path):\(block.line):1)"))
        }
        return out
    }
}
