import FactStore
import Foundation
import PassKit
import XCTest

/// Builders for run content and temporary databases used across the store's tests.
enum StoreFixtures {
    /// A fresh temporary directory, removed when the test case ends.
    static func tempDir(_ test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("heapsight-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// A run record with fixed times.
    static func record(label: String? = nil, branch: String? = nil, commit: String? = nil,
                       day: Int = 0, status: String = "ok") -> RunRecord {
        let start = Date(timeIntervalSince1970: 1_780_000_000 + Double(day) * 86_400)
        return RunRecord(startedAt: start, finishedAt: start.addingTimeInterval(12), roots: ["./..."],
                         gitCommit: commit, gitBranch: branch, gitDirty: commit == nil ? nil : false, label: label,
                         engine: "gc", toolVersion: "0.1.0", goVersion: "go1.27.3", goroot: "/goroot",
                         goos: "linux", goarch: "amd64", configHash: "abc123", status: status,
                         skipped: ["native: not built"])
    }

    /// A function record in package `p` of module example.com/m.
    static func function(_ name: String, package p: String = "example.com/m/a", file: String = "a/a.go",
                         start: Int, end: Int, receiver: String = "") -> FunctionRecord {
        let id = receiver.isEmpty ? "\(p).\(name)" : "\(p).(\(receiver)).\(name)"
        return FunctionRecord(id: id, package: p, receiver: receiver, name: name, file: file, line: start,
                              column: 6, startLine: start, startColumn: 1, endLine: end, endColumn: 1,
                              lineCount: end - start + 1, statementCount: 2, directives: [],
                              isLiteral: false, parent: nil)
    }

    /// A small, realistic run: two packages, three functions, facts of most kinds.
    static func sampleContent(label: String? = nil, branch: String? = nil, day: Int = 0,
                              shift: Int = 0) -> RunContent {
        let f = function("F", start: 3 + shift, end: 9 + shift)
        let g = function("G", start: 11 + shift, end: 20 + shift)
        let m = function("Run", package: "example.com/m/b", file: "b/b.go", start: 5, end: 15, receiver: "*T")
        let facts: [Fact] = [
            Fact(kind: .canInline, file: "a/a.go", line: 3 + shift, column: 6, subject: "F", detail: "cost=12", function: f.id),
            Fact(kind: .alloc, file: "a/a.go", line: 5 + shift, column: 9, subject: "&T{}", detail: "composite heap depth=0", function: f.id,
                 explanation: ["flow: ~r0 = &T{}", "from return"]),
            Fact(kind: .escapes, file: "a/a.go", line: 5 + shift, column: 9, subject: "&T{}", function: f.id),
            Fact(kind: .cannotInline, file: "a/a.go", line: 11 + shift, column: 6, subject: "G", detail: "function too complex: cost 112 exceeds budget 80", function: g.id),
            Fact(kind: .alloc, file: "a/a.go", line: 14 + shift, column: 12, subject: "make([]int, n)", detail: "make-slice heap depth=1", function: g.id),
            Fact(kind: .alloc, file: "a/a.go", line: 15 + shift, column: 8, subject: "x", detail: "new stack depth=1", function: g.id),
            Fact(kind: .movedToHeap, file: "a/a.go", line: 12 + shift, column: 2, subject: "buf", function: g.id),
            Fact(kind: .leakParam, file: "b/b.go", line: 5, column: 7, subject: "t", function: m.id),
            Fact(kind: .noEscape, file: "b/b.go", line: 8, column: 10, subject: "[]byte{...}", function: m.id),
            Fact(kind: .alloc, file: "b/b.go", line: 2, column: 9, subject: "errors.New(\"x\")", detail: "call heap depth=0"),
            Fact(kind: .inlineCall, file: "fmt/print.go", line: 100, column: 2, subject: "fmt.newPrinter",
                 function: nil, external: true),
        ]
        return RunContent(
            run: record(label: label, branch: branch, day: day),
            packages: [PackageRecord(importPath: "example.com/m/a", name: "a", directory: "a"),
                       PackageRecord(importPath: "example.com/m/b", name: "b", directory: "b")],
            files: [FileRecord(path: "a/a.go", package: "example.com/m/a", sha256: String(repeating: "a", count: 64), bytes: 400, lines: 30),
                    FileRecord(path: "b/b.go", package: "example.com/m/b", sha256: String(repeating: "b", count: 64), bytes: 300, lines: 20)],
            functions: [f, g, m], facts: facts,
            diagnostics: [Diagnostic(severity: .warning, source: "directive", file: "a/a.go", line: 2, column: 1,
                                     message: "unknown directive //heapsight:nope", package: "example.com/m/a")],
            directives: sampleDirectives())
    }

    /// Directives of every kind the store keeps, in the order it reads them back.
    static func sampleDirectives() -> SourceDirectives {
        SourceDirectives(
            directives: [
                Directive(verb: .noalloc, namespace: "heapsight", file: "a/a.go", line: 2, column: 1,
                          target: .function("example.com/m/a.F"), text: "//heapsight:noalloc"),
                Directive(verb: .ignore, namespace: "heapsight", rule: "escape.new", reason: "the buffer is pooled",
                          file: "a/a.go", line: 4, column: 2, target: .statement(function: "example.com/m/a.F", line: 5),
                          text: "//heapsight:ignore escape.new the buffer is pooled"),
                Directive(verb: .inline, namespace: "gcassert", file: "b/b.go", line: 6, column: 20,
                          target: .statement(function: "example.com/m/b.(*T).Run", line: 6), text: "//gcassert:inline"),
            ],
            problems: [UncheckedDirective(file: "a/a.go", line: 10, column: 1, text: "//heapsight:noaloc",
                                        message: "unknown directive `//heapsight:noaloc`", function: nil),
                       UncheckedDirective(file: "b/b.go", line: 9, column: 3, text: "// heapsight:noalloc",
                                        message: "has a space after `//`", function: "example.com/m/b.(*T).Run")],
            notes: [UncheckedDirective(file: "b/b.go", line: 3, column: 2, text: "//gcassert:bce", message: "not checked")])
    }

    /// The built StoreWriterFixture executable next to the test bundle.
    static var writerExecutable: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("StoreWriterFixture").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("StoreWriterFixture").path
    }
}
