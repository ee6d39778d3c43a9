// A child process for the store's robustness tests: records runs into a store (a SQLite file or
// a postgres:// URL) so that tests can run several writers at once, or kill one in the middle
// of a transaction.
//
// Usage: StoreWriterFixture STORE RUNS FACTS LABEL
//          records runs LABEL-1 … LABEL-RUNS
//        StoreWriterFixture --runs STORE FACTS LABEL-K…
//          records exactly the named runs, in the order given
// Prints `begin K` before recording run K and `done K ID FACTS` after it committed. The content of
// run LABEL-K depends only on LABEL, K and FACTS, so a test can record the same runs again
// elsewhere and compare.
import FactStore
import Foundation
import PassKit

func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

/// The content of run `label`-`k` with `factCount` facts plus a few that vary with the run.
func content(label: String, k: Int, factCount: Int) -> RunContent {
    let seed = label.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
    let functions = (0..<100).map { i in
        FunctionRecord(id: "example.com/w.F\(i)", package: "example.com/w", receiver: "", name: "F\(i)",
                       file: "w.go", line: i * 10 + 1, column: 6, startLine: i * 10 + 1, startColumn: 1,
                       endLine: i * 10 + 9, endColumn: 1, lineCount: 9, statementCount: 3, directives: [],
                       isLiteral: false, parent: nil)
    }
    var facts = (0..<factCount).map { i in
        Fact(kind: i % 2 == 0 ? .escapes : .alloc, file: "w.go", line: (i % 100) * 10 + 2, column: i % 50 + 1,
             subject: "&T{} #\(i)", detail: i % 2 == 0 ? "" : "composite heap depth=\(i % 3)",
             function: "example.com/w.F\(i % 100)", explanation: ["from \(label) run \(k)"])
    }
    let extra = (seed + k * 7) % 11
    facts += (0..<extra).map { i in
        Fact(kind: .alloc, file: "w.go", line: (i % 100) * 10 + 3, column: 1, subject: "extra #\(i)",
             detail: "new heap depth=1", function: "example.com/w.F\((seed + i) % 100)")
    }
    let start = Date(timeIntervalSince1970: 1_780_000_000 + Double(k) * 3_600 + Double(seed % 600))
    return RunContent(
        run: RunRecord(startedAt: start, finishedAt: start.addingTimeInterval(30), roots: ["."],
                       gitCommit: "\(label)-\(k)", gitBranch: "main", label: "\(label)-\(k)", engine: "gc",
                       toolVersion: "test", goos: "linux", goarch: "amd64", configHash: "0"),
        packages: [PackageRecord(importPath: "example.com/w", name: "w", directory: ".")],
        functions: functions, facts: facts)
}

let args = CommandLine.arguments
var plan: [(label: String, k: Int)] = []
var store = "", factCount = 0
if args.count >= 4, args[1] == "--runs", let n = Int(args[3]) {
    store = args[2]
    factCount = n
    for name in args[4...] {
        guard let dash = name.lastIndex(of: "-"), let k = Int(name[name.index(after: dash)...]) else {
            FileHandle.standardError.write(Data("StoreWriterFixture: '\(name)' is not LABEL-K\n".utf8))
            exit(2)
        }
        plan.append((String(name[..<dash]), k))
    }
} else if args.count == 5, let runs = Int(args[2]), let n = Int(args[3]) {
    store = args[1]
    factCount = n
    plan = (1...max(runs, 1)).map { (args[4], $0) }
} else {
    FileHandle.standardError.write(Data("usage: StoreWriterFixture STORE RUNS FACTS LABEL | --runs STORE FACTS LABEL-K…\n".utf8))
    exit(2)
}
do {
    let db = try FactStore.open(path: store)
    for (label, k) in plan {
        let run = content(label: label, k: k, factCount: factCount)
        say("begin \(k)")  // the content is built; recording starts now
        let id = try db.record(run)
        say("done \(k) \(id) \(run.facts.count)")
    }
} catch {
    FileHandle.standardError.write(Data("StoreWriterFixture: \(error)\n".utf8))
    exit(1)
}
