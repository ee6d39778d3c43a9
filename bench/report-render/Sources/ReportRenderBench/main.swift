// ReportRenderBench [PACKAGES] [FUNCTIONS_PER_PACKAGE]
// Builds a deterministic synthetic run (every function with facts, a directive on every tenth
// function, budgets, a baseline diff), then times evaluation and rendering; prints sizes.
import Driver
import Foundation
import PassKit
import Reports

func seconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let t = DispatchTime.now().uptimeNanoseconds
    let v = try body()
    return (v, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
}

let args = CommandLine.arguments
let packageCount = args.count > 1 ? Int(args[1]) ?? 200 : 200
let perPackage = args.count > 2 ? Int(args[2]) ?? 50 : 50

var packages: [ReportPackage] = [], functions: [FunctionRecord] = [], facts: [Fact] = []
var sources: [String: [UInt8]] = [:], filePackages: [String: String] = [:]
for p in 0..<packageCount {
    let path = "example.com/big/pkg\(p)"
    packages.append(ReportPackage(importPath: path, name: "pkg\(p)", directory: "pkg\(p)"))
    let file = "pkg\(p)/code.go"
    filePackages[file] = path
    var text = "package pkg\(p)\n\n"
    for f in 0..<perPackage {
        let start = text.split(separator: "\n", omittingEmptySubsequences: false).count + (f % 10 == 0 ? 1 : 0)
        if f % 10 == 0 { text += "//heapsight:noalloc\n" }
        text += "func F\(f)(n int) *T {\n\tbuf := make([]byte, n)\n\tfor i := 0; i < n; i++ {\n\t\tp := &T{X: i, S: \"<b>&\"}\n\t\tsink = p\n\t}\n\treturn &T{B: buf}\n}\n\n"
        let id = "\(path).F\(f)"
        functions.append(FunctionRecord(id: id, package: path, receiver: "", name: "F\(f)", file: file, line: start, column: 6,
                                        startLine: start, startColumn: 1, endLine: start + 7, endColumn: 1, lineCount: 8,
                                        statementCount: 6, directives: [], isLiteral: false, parent: nil))
        let flow = ["flow: {heap} ← &T{...}:", "from &T{...} (spill) at \(file):\(start + 3):8", "from sink = p (assign) at \(file):\(start + 4):8"]
        facts += [
            Fact(kind: f % 7 == 0 ? .cannotInline : .canInline, file: file, line: start, column: 6, subject: "F\(f)",
                 detail: f % 7 == 0 ? "function too complex: cost \(81 + f % 9) exceeds budget 80" : "cost=\(20 + f % 50)", function: id),
            Fact(kind: .escapes, file: file, line: start + 1, column: 13, subject: "make([]byte, n)", function: id),
            Fact(kind: .alloc, file: file, line: start + 1, column: 13, subject: "make([]byte, n)", detail: "make-slice heap depth=0", function: id),
            Fact(kind: .escapes, file: file, line: start + 3, column: 8, subject: "&T{...}", function: id, explanation: flow),
            Fact(kind: .alloc, file: file, line: start + 3, column: 8, subject: "&T{...}", detail: "new heap depth=1", function: id),
            Fact(kind: .escapes, file: file, line: start + 6, column: 9, subject: "&T{...}", function: id),
            Fact(kind: .alloc, file: file, line: start + 6, column: 9, subject: "&T{...}", detail: "new heap depth=0", function: id),
            Fact(kind: .noEscape, file: file, line: start + 3, column: 20, subject: "\"<b>&\"", function: id),
            Fact(kind: .inlineCall, file: file, line: start + 4, column: 3, subject: "helper", function: id),
            Fact(kind: .leakParam, file: file, line: start, column: 9, subject: "n", function: id),
        ]
    }
    sources[file] = Array(text.utf8)
}
let run = ReportRun(id: 2, startedAt: Date(timeIntervalSince1970: 1_795_000_000), engine: "gc", toolVersion: "bench",
                    goVersion: "go1.27.3", goos: "linux", goarch: "amd64")
let base = ReportRun(id: 1, startedAt: Date(timeIntervalSince1970: 1_794_990_000), engine: "gc", toolVersion: "bench",
                     goos: "linux", goarch: "amd64")
let baselineFacts = facts.enumerated().filter { $0.offset % 13 != 0 }.map(\.element)
let (diff, tDiff) = seconds { BaselineDiff(baseline: base, baselineFacts: baselineFacts, currentFacts: facts) }
var model = ReportModel(run: run, packages: packages, functions: functions, facts: facts, baseline: diff,
                        trend: (1...50).map { TrendPoint(run: Int64($0), startedAt: Date(timeIntervalSince1970: Double($0)), heapSites: 1000 + $0, movedToHeap: $0, inlinable: 500, facts: 5000) },
                        sources: sources, filePackages: filePackages)
var policy = PolicyConfiguration()
policy.budgets = [PolicyConfiguration.Budget(maxHeapSites: 100), PolicyConfiguration.Budget(functions: GlobPattern("F1*"), maxHeapSites: 2)]
policy.regressions.maxHeapSiteGrowth = 0
let (evaluation, tEval) = seconds { PolicyEvaluator(policy: policy).evaluate(model) }
model.evaluation = evaluation
print("synthetic run: \(packages.count) packages, \(functions.count) functions, \(facts.count) facts, \(sources.values.reduce(0) { $0 + $1.count }) source bytes")
print(String(format: "baseline diff: %.3f s (%d new, %d fixed escapes)", tDiff, diff.newEscapes.count, diff.fixedEscapes.count))
print(String(format: "policy evaluation: %.3f s (%d checks, %d failed, %d violations)", tEval, evaluation.checks.count,
             evaluation.checks.filter { !$0.passed }.count, evaluation.violations.count))
for format in ReportFormat.allCases {
    let (text, t) = seconds { format.render(model) }
    print(String(format: "%@: %.3f s, %.1f MB", format.rawValue, t, Double(text.utf8.count) / 1_000_000))
}
let (strict, tStrict) = seconds { JUnitRenderer(flavour: .strict).render(model) }
let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../config/junit-strict.xsd").standardized.path
if let schema = try? String(contentsOfFile: schemaPath, encoding: .utf8) {
    let (problems, tValid) = seconds { XMLValidation.validate(xml: strict, schema: schema) }
    print(String(format: "junit strict: %.3f s; XSD validation: %.3f s, %d problems", tStrict, tValid, problems.count))
}
