// A child process for the store's robustness tests: records runs into a database so that tests
// can run two writers at once, or kill one in the middle of a transaction.
//
// Usage: StoreWriterFixture DB RUNS FACTS LABEL
// Prints `begin K` before recording run K and `done K ID` after it committed.
import FactStore
import Foundation
import PassKit

let args = CommandLine.arguments
guard args.count == 5, let runs = Int(args[2]), let factCount = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: StoreWriterFixture DB RUNS FACTS LABEL\n".utf8))
    exit(2)
}
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
do {
    let store = try FactStore.open(path: args[1])
    for k in 1...runs {
        let functions = (0..<100).map { i in
            FunctionRecord(id: "example.com/w.F\(i)", package: "example.com/w", receiver: "", name: "F\(i)",
                           file: "w.go", line: i * 10 + 1, column: 6, startLine: i * 10 + 1, startColumn: 1,
                           endLine: i * 10 + 9, endColumn: 1, lineCount: 9, statementCount: 3, directives: [],
                           isLiteral: false, parent: nil)
        }
        let facts = (0..<factCount).map { i in
            Fact(kind: i % 2 == 0 ? .escapes : .alloc, file: "w.go", line: (i % 100) * 10 + 2, column: i % 50 + 1,
                 subject: "&T{} #\(i)", detail: i % 2 == 0 ? "" : "composite heap depth=\(i % 3)",
                 function: "example.com/w.F\(i % 100)", explanation: ["from \(args[4]) run \(k)"])
        }
        let content = RunContent(
            run: RunRecord(startedAt: Date(), finishedAt: Date(), roots: ["."], label: "\(args[4])-\(k)", engine: "gc",
                           toolVersion: "test", goos: "linux", goarch: "amd64", configHash: "0"),
            packages: [PackageRecord(importPath: "example.com/w", name: "w", directory: ".")],
            functions: functions, facts: facts)
        say("begin \(k)")  // the content is built; recording starts now
        let id = try store.record(content)
        say("done \(k) \(id)")
    }
} catch {
    FileHandle.standardError.write(Data("StoreWriterFixture: \(error)\n".utf8))
    exit(1)
}
