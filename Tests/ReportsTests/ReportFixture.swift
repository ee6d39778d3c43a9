import Foundation
import PassKit
@testable import Reports

/// A deterministic report model: fixed timestamps and versions, two packages, facts of every
/// kind, hostile text (markup, ampersands, control characters, invalid UTF-8 in the source).
enum ReportFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T...Z

    static func run(id: Int64 = 7, label: String? = "pr-42") -> ReportRun {
        ReportRun(id: id, startedAt: start.addingTimeInterval(Double(id) * 3600), engine: "gc", toolVersion: "0.1.0-test",
                  goVersion: "go1.27.3", goos: "linux", goarch: "amd64", gitCommit: "0123456789abcdef0123456789abcdef01234567",
                  gitBranch: "main", label: label)
    }

    static let pkgA = "example.com/shop/cart"
    static let pkgB = "example.com/shop/internal/fmtx"

    static func function(_ pkg: String, _ name: String, file: String, line: Int, end: Int, receiver: String = "",
                         directives: [String] = []) -> FunctionRecord {
        let id = receiver.isEmpty ? "\(pkg).\(name)" : "\(pkg).(\(receiver)).\(name)"
        return FunctionRecord(id: id, package: pkg, receiver: receiver, name: name, file: file, line: line, column: 6,
                              startLine: line, startColumn: 1, endLine: end, endColumn: 1, lineCount: end - line + 1,
                              statementCount: 3, directives: directives, isLiteral: false, parent: nil)
    }

    static let cartSource: [UInt8] = Array("""
    package cart

    // Total sums the items & returns a label.
    //heapsight:noalloc
    func Total(items []int) string {
    \ts := 0
    \tfor _, it := range items {
    \t\tp := &it
    \t\ts += *p
    \t}
    \treturn "<script>alert(1)</script>" + string(rune(s))
    }

    func (c *Cart) Add(x int) { c.items = append(c.items, x) }

    """.utf8) + [0x2F, 0x2F, 0x20, 0xFF, 0xFE, 0x01, 0x0A]  // "// " + invalid UTF-8 + control char

    static func facts() -> [Fact] {
        let total = "\(pkgA).Total", add = "\(pkgA).(*Cart).Add", pr = "\(pkgB).Print"
        return [
            Fact(kind: .cannotInline, file: "cart/cart.go", line: 5, column: 6, subject: "Total",
                 detail: "function too complex: cost 85 exceeds budget 80", function: total),
            Fact(kind: .movedToHeap, file: "cart/cart.go", line: 7, column: 9, subject: "it", function: total,
                 explanation: ["flow: {heap} ← &it:", "from &it (address-of) at ./cart/cart.go:8:8"]),
            Fact(kind: .alloc, file: "cart/cart.go", line: 8, column: 8, subject: "&it", detail: "new heap depth=1", function: total),
            Fact(kind: .escapes, file: "cart/cart.go", line: 11, column: 9, subject: "\"<script>alert(1)</script>\" + string(rune(s))",
                 function: total, explanation: ["flow: ~r0 ← &{storage for ...}:", "from return (return) at ./cart/cart.go:11:2"]),
            Fact(kind: .alloc, file: "cart/cart.go", line: 11, column: 38, subject: "\"<script>\" + ... & \u{1}\u{7}",
                 detail: "concat heap depth=0", function: total),
            Fact(kind: .canInline, file: "cart/cart.go", line: 14, column: 6, subject: "(*Cart).Add", detail: "cost=14", function: add),
            Fact(kind: .leakParamContent, file: "cart/cart.go", line: 14, column: 7, subject: "c", function: add),
            Fact(kind: .alloc, file: "cart/cart.go", line: 14, column: 44, subject: "append(c.items, x)", detail: "append-grow may depth=0", function: add),
            Fact(kind: .canInline, file: "internal/fmtx/print.go", line: 3, column: 6, subject: "Print", detail: "cost=60", function: pr),
            Fact(kind: .noEscape, file: "internal/fmtx/print.go", line: 4, column: 14, subject: "[]byte{...}", function: pr),
            Fact(kind: .alloc, file: "internal/fmtx/print.go", line: 4, column: 14, subject: "[]byte{...}", detail: "composite stack depth=0", function: pr),
            Fact(kind: .inlineCall, file: "cart/cart.go", line: 11, column: 50, subject: "fmtx.Print", function: total),
            Fact(kind: .escapes, file: "/usr/lib/go/src/fmt/print.go", line: 1, column: 1, subject: "external", external: true),
        ]
    }

    static func violations() -> [PolicyCheck] {
        let total = "\(pkgA).Total"
        let v1 = Violation(rule: "directive.noalloc", package: pkgA, function: total, subject: "Total",
                           file: "cart/cart.go", line: 5, column: 6,
                           message: "Total has 2 heap allocation sites but carries //heapsight:noalloc",
                           details: ["cart/cart.go:8:8: &it (new, in a loop)", "cart/cart.go:11:38: \"<script>\" + ... & \u{1} (concat)"],
                           flow: [])
        let v2 = Violation(rule: "escape.new", package: pkgA, function: total, subject: "it",
                           file: "cart/cart.go", line: 7, column: 9, message: "new heap escape in Total: moved to heap: it",
                           details: ["not in baseline run #6"],
                           flow: ReportFormatting.flow(fromExplanation: ["flow: {heap} ← &it:", "from &it (address-of) at ./cart/cart.go:8:8"]))
        return [
            PolicyCheck(package: pkgA, function: total, rule: "directive.noalloc", name: "Total directive.noalloc",
                        file: "cart/cart.go", line: 5, violations: [v1]),
            PolicyCheck(package: pkgA, function: total, rule: "escape.new", name: "Total escape.new",
                        file: "cart/cart.go", line: 5, violations: [v2]),
            PolicyCheck(package: pkgA, function: "\(pkgA).(*Cart).Add", rule: "escape.new", name: "(*Cart).Add escape.new",
                        file: "cart/cart.go", line: 14),
            PolicyCheck(package: pkgB, function: nil, rule: "alloc.budget", name: "package alloc.budget",
                        file: "internal/fmtx/print.go", line: 0),
        ]
    }

    static func model(baseline: Bool = true) -> ReportModel {
        let fns = [
            function(pkgA, "Total", file: "cart/cart.go", line: 5, end: 12, directives: ["//heapsight:noalloc"]),
            function(pkgA, "Add", file: "cart/cart.go", line: 14, end: 14, receiver: "*Cart"),
            function(pkgB, "Print", file: "internal/fmtx/print.go", line: 3, end: 5),
        ]
        let facts = facts()
        var diff: BaselineDiff?
        if baseline {
            let old = facts.filter { $0.kind != .movedToHeap }.map { f -> Fact in
                var f = f
                if f.kind == .cannotInline { f.kind = .canInline; f.detail = "cost=78" }
                return f
            } + [Fact(kind: .escapes, file: "cart/cart.go", line: 14, column: 30, subject: "x", function: "\(pkgA).(*Cart).Add")]
            diff = BaselineDiff(baseline: run(id: 6, label: "main"), baselineFacts: old, currentFacts: facts)
        }
        let trend = (3...7).map { i in
            TrendPoint(run: Int64(i), startedAt: start.addingTimeInterval(Double(i) * 3600), label: nil,
                       heapSites: [4, 3, 3, 1, 2][i - 3], movedToHeap: [2, 2, 1, 0, 1][i - 3], inlinable: [1, 2, 2, 3, 2][i - 3],
                       facts: 10 + i)
        }
        return ReportModel(
            run: run(), packages: [ReportPackage(importPath: pkgA, name: "cart", directory: "cart"),
                                   ReportPackage(importPath: pkgB, name: "fmtx", directory: "internal/fmtx")],
            functions: fns, facts: facts,
            diagnostics: [], evaluation: PolicyEvaluation(checks: violations()), baseline: diff, trend: trend,
            sources: ["cart/cart.go": cartSource,
                      "internal/fmtx/print.go": Array("package fmtx\n\nfunc Print() {\n\tb := []byte{1}\n\t_ = b\n}\n".utf8)])
    }
}
