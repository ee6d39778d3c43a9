// HistoryBench generate DB [RUNS] [FUNCTIONS]  — builds a synthetic store through FactStore.record
// HistoryBench time DB                          — times trend and diff queries on it
// HistoryBench compare DB DB2                    — times them on two stores alternately (SQLite
//                                                  against PostgreSQL), with the ratio
// DB may be a SQLite file or a postgres:// URL.
import FactStore
import Foundation
import PassKit

/// A small deterministic generator (SplitMix64), so every synthetic store is the same.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func seconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let t = DispatchTime.now().uptimeNanoseconds
    let v = try body()
    return (v, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
}

/// Per function: how many heap allocations it has in the current "commit". Evolves slowly.
func generate(path: String, runs: Int, functionCount: Int) throws {
    let store = try FactStore.open(path: path)
    var rng = SplitMix(state: 42)
    let packages = max(1, functionCount / 100)
    var heap = (0..<functionCount).map { _ in rng.below(3) }
    var inlinable = (0..<functionCount).map { _ in rng.below(4) != 0 }
    let functions: [FunctionRecord] = (0..<functionCount).map { i in
        let p = "example.com/big/pkg\(i % packages)"
        let name = ["Parse", "Handle", "Encode", "Decode", "Visit", "Build"][i % 6] + "\(i / packages)"
        let line = (i / packages) * 20 + 3
        return FunctionRecord(id: "\(p).\(name)", package: p, receiver: "", name: name, file: "pkg\(i % packages)/f.go",
                              line: line, column: 6, startLine: line, startColumn: 1, endLine: line + 15, endColumn: 1,
                              lineCount: 16, statementCount: 6, directives: [], isLiteral: false, parent: nil)
    }
    let packageRecords = (0..<packages).map { PackageRecord(importPath: "example.com/big/pkg\($0)", name: "pkg\($0)", directory: "pkg\($0)") }
    var total = 0.0, facts = 0
    for r in 0..<runs {
        for _ in 0..<20 {  // a few functions change per run
            let i = rng.below(functionCount)
            heap[i] = max(0, heap[i] + (rng.below(2) == 0 ? 1 : -1))
            if rng.below(5) == 0 { inlinable[i].toggle() }
        }
        var list: [Fact] = []
        list.reserveCapacity(functionCount * 3)
        for (i, f) in functions.enumerated() {
            list.append(inlinable[i]
                ? Fact(kind: .canInline, file: f.file, line: f.line, column: 6, subject: f.name, detail: "cost=\(20 + i % 50)", function: f.id)
                : Fact(kind: .cannotInline, file: f.file, line: f.line, column: 6, subject: f.name,
                       detail: "function too complex: cost 95 exceeds budget 80", function: f.id))
            for k in 0..<heap[i] {
                list.append(Fact(kind: .alloc, file: f.file, line: f.line + 2 + k, column: 9, subject: "&T{} \(k)",
                                 detail: "composite heap depth=\(k % 2)", function: f.id))
            }
            list.append(Fact(kind: .noEscape, file: f.file, line: f.line + 1, column: 12, subject: "buf", function: f.id))
        }
        facts += list.count
        let start = Date(timeIntervalSince1970: 1_750_000_000 + Double(r) * 43_200)
        var commitBits = SplitMix(state: UInt64(r) &+ 7)
        let commit = (0..<3).map { _ in String(format: "%016llx", commitBits.next()) }.joined().prefix(40)
        let content = RunContent(
            run: RunRecord(startedAt: start, finishedAt: start.addingTimeInterval(60), roots: ["./..."],
                           gitCommit: String(commit), gitBranch: r % 10 == 0 ? "release" : "main",
                           gitDirty: false, label: r % 100 == 0 ? "v0.\(r / 100)" : nil, engine: "gc",
                           toolVersion: "bench", goVersion: "go1.27.3", goos: "linux", goarch: "amd64", configHash: "bench"),
            packages: packageRecords, functions: functions, facts: list)
        let (_, s) = try seconds { try store.record(content) }
        total += s
        if (r + 1) % 50 == 0 {
            print(String(format: "run %d: %.2f s/run average, %.0f facts/s", r + 1, total / Double(r + 1), Double(facts) / total))
        }
    }
    print(String(format: "recorded %d runs, %d facts in %.1f s (%.0f facts/s); file %.2f GB", runs, facts, total,
                 Double(facts) / total, Double(store.fileSize()) / 1e9))
}

/// The timed queries, each returning a row count.
func queries(_ store: FactStore) throws -> [(String, () throws -> Int)] {
    let last = try store.resolveRun("latest")
    return [
        ("trend heap-sites (whole store)", { try store.trend(TrendQuery(metric: .heapSites)).count }),
        ("trend heap-sites --package example.com/big/pkg7", { try store.trend(TrendQuery(metric: .heapSites, packageGlob: "example.com/big/pkg7")).count }),
        ("trend heap-sites --package '*pkg1?'", { try store.trend(TrendQuery(metric: .heapSites, packageGlob: "*pkg1?")).count }),
        ("trend not-inlinable --function 'example.com/big/pkg3.Parse*'", {
            try store.trend(TrendQuery(metric: .notInlinable, functionGlob: "example.com/big/pkg3.Parse*")).count
        }),
        ("trend heap-sites --function '*.Encode1?'", { try store.trend(TrendQuery(metric: .heapSites, functionGlob: "*.Encode1?")).count }),
        ("trend heap-sites --by day --last 30", { try store.trend(TrendQuery(metric: .heapSites, last: 30, grouping: .day)).count }),
        ("diff latest-1 latest", { try store.diff(base: last - 1, head: last).appearedCount }),
        ("diff 1 latest", { try store.diff(base: 1, head: last).appearedCount }),
        ("facts(run: latest) in canonical order", { try store.facts(run: last).count }),
        ("exportTSV(run: latest)", { try store.exportTSV(run: last).count }),
        ("runs() (list all runs)", { try store.runs().count }),
        ("resolveRun release (branch)", { Int(try store.resolveRun("release")) }),
    ]
}

func time(path: String) throws {
    let store = try FactStore.openReadOnly(path: path)
    print("| query | rows | median of 5 | best |")
    print("|---|---|---|---|")
    for (name, body) in try queries(store) {
        var best = Double.infinity, all: [Double] = [], rows = 0
        for _ in 0..<5 {
            let (n, s) = try seconds(body)
            rows = n; all.append(s); best = min(best, s)
        }
        let median = all.sorted()[all.count / 2]
        print(String(format: "| %@ | %d | %.1f ms | %.1f ms |", name, rows, median * 1000, best * 1000))
    }
}

/// Times every query on two stores of the same history, alternating between them so that both
/// see the same machine load; prints the medians of 7 and their ratio (second / first).
func compare(_ first: String, _ second: String) throws {
    let a = try queries(FactStore.openReadOnly(path: first)), b = try queries(FactStore.openReadOnly(path: second))
    print("| query | rows | SQLite median of 7 | PostgreSQL median of 7 | ratio |")
    print("|---|---|---|---|---|")
    for ((name, x), (_, y)) in zip(a, b) {
        var tx: [Double] = [], ty: [Double] = [], rows = (0, 0)
        _ = try x(); _ = try y()  // warm both
        for _ in 0..<7 {
            let (n, s) = try seconds(x); tx.append(s); rows.0 = n
            let (m, t) = try seconds(y); ty.append(t); rows.1 = m
        }
        guard rows.0 == rows.1 else { fatalError("\(name): \(rows.0) rows against \(rows.1)") }
        let mx = tx.sorted()[3], my = ty.sorted()[3]
        print(String(format: "| %@ | %d | %.1f ms | %.1f ms | %.2f× |", name, rows.0, mx * 1000, my * 1000, my / mx))
    }
}

let args = CommandLine.arguments
switch (args.count > 1 ? args[1] : "", args.count) {
case ("generate", 3...5):
    try generate(path: args[2], runs: args.count > 3 ? Int(args[3])! : 1000, functionCount: args.count > 4 ? Int(args[4])! : 10_000)
case ("time", 3):
    try time(path: args[2])
case ("compare", 4):
    try compare(args[2], args[3])
default:
    FileHandle.standardError.write(Data("usage: HistoryBench generate DB [RUNS] [FUNCTIONS] | HistoryBench time DB | HistoryBench compare DB DB2\n".utf8))
    exit(2)
}
