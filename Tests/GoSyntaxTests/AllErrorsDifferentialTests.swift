import Foundation
import GoSyntax
import TestSupport
import XCTest

/// `parseFileReportingAllErrors` (behind `heapsight parse`) lists the syntax errors of a file
/// exactly as `gofmt -e` does (go/parser with `AllErrors`): every error, at its `//line`-adjusted
/// position, in go/parser's order, with go/scanner's and go/parser's words.
final class AllErrorsDifferentialTests: XCTestCase {
    /// Folders full of files with deliberate syntax errors: Go's compiler tests and the
    /// testdata of go/parser, the compiler's syntax package and the type checkers.
    static func corpus(goroot: String) -> [String] {
        let roots = ["/usr/share/go-1.19/test", goroot + "/src/go/parser/testdata",
                     goroot + "/src/cmd/compile/internal/syntax/testdata", goroot + "/src/internal/types/testdata"]
        var files: [String] = []
        for root in roots {
            let walker = FileManager.default.enumerator(atPath: root)
            while let rel = walker?.nextObject() as? String {
                var isDir: ObjCBool = false
                let path = root + "/" + rel
                if rel.hasSuffix(".go"), FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                    files.append(path)
                }
            }
        }
        return files.sorted()
    }

    /// `gofmt -e` over the files: its error lines (standard error), by file.
    static func gofmtErrors(_ files: [String], go: GoToolchain) throws -> [String: [String]] {
        var byFile: [String: [String]] = [:]
        var start = 0
        while start < files.count {
            let chunk = Array(files[start..<min(files.count, start + 500)])
            start += chunk.count
            let r = try TestSupport.run(go.goroot + "/bin/gofmt", ["-e", "-l"] + chunk, environment: go.environment())
            var current: String?
            for line in r.err.split(separator: "\n").map(String.init) {
                // A line names the file it comes from, or (after //line) another one: keep it
                // with the last file of the chunk that starts it.
                if let file = chunk.first(where: { line.hasPrefix($0 + ":") }) { current = file }
                if let current { byFile[current, default: []].append(line) }
            }
        }
        return byFile
    }

    func testEveryErrorAsGofmtListsIt() throws {
        let go = TestSupport.goToolchain
        let files = Self.corpus(goroot: go.goroot)
        XCTAssertGreaterThan(files.count, 2000)
        let oracle = try Self.gofmtErrors(files, go: go)
        XCTAssertGreaterThan(oracle.count, 100, "the corpus must hold files with syntax errors, or this proves nothing")
        var ours: [String: [String]] = [:]
        for path in oracle.keys.sorted() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let parsed = parseFileReportingAllErrors(path: path, bytes: [UInt8](data))
            let run = ParseRun.sorted(parsed.diagnostics)
            ours[path] = run.map(\.adjustedDescription)
        }
        var differing: [String] = []
        for (path, lines) in oracle.sorted(by: { $0.key < $1.key }) where ours[path] != lines {
            differing.append("\(path):\n  gofmt -e: \(lines.prefix(4))\n  ours:     \((ours[path] ?? []).prefix(4))")
        }
        let total = oracle.values.reduce(0) { $0 + $1.count }
        print("gofmt -e differential: \(oracle.count - differing.count)/\(oracle.count) files with errors agree (\(total) errors)")
        XCTAssertEqual(differing.count, 0, differing.prefix(5).joined(separator: "\n"))
    }
}
