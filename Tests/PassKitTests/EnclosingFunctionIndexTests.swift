import PassKit
import XCTest

/// The position-to-function lookup compares lines and byte columns: a literal that shares a
/// line with its parent owns only its own columns.
final class EnclosingFunctionIndexTests: XCTestCase {
    // func F() {
    // 	go func() { println() }()      (literal at columns 5...24 of line 5)
    // }
    let parent = FunctionRecord(id: "p.F", package: "p", receiver: "", name: "F", file: "p.go", line: 3, column: 6,
                                startLine: 3, startColumn: 1, endLine: 6, endColumn: 1, lineCount: 4,
                                statementCount: 2, directives: [], isLiteral: false, parent: nil)
    let literal = FunctionRecord(id: "p.F.func1", package: "p", receiver: "", name: "func1", file: "p.go", line: 5, column: 5,
                                 startLine: 5, startColumn: 5, endLine: 5, endColumn: 24, lineCount: 1,
                                 statementCount: 1, directives: [], isLiteral: true, parent: "p.F")

    func testInnermostByLineAndColumn() {
        let index = EnclosingFunctionIndex([literal, parent])
        let found = [(5, 2), (5, 5), (5, 14), (5, 24), (5, 25), (4, 30), (7, 1)].map {
            index.function(file: "p.go", line: $0.0, column: $0.1)?.id ?? "-"
        }
        XCTAssertEqual(found, ["p.F", "p.F.func1", "p.F.func1", "p.F.func1", "p.F", "p.F", "-"])
        XCTAssertNil(index.function(file: "q.go", line: 5, column: 14))
    }

    func testFactsKeepTheirFunctionAndTheRestGetTheInnermost() {
        let facts = [Fact(kind: .alloc, file: "p.go", line: 5, column: 14, subject: "a"),
                     Fact(kind: .alloc, file: "p.go", line: 5, column: 2, subject: "b"),
                     Fact(kind: .alloc, file: "p.go", line: 5, column: 14, subject: "c", function: "p.G")]
        XCTAssertEqual(EnclosingFunctionIndex([parent, literal]).assignUnattributed(facts).map(\.function),
                       ["p.F.func1", "p.F", "p.G"])
    }

    /// The escape verdict of a `func literal` at the literal's own `func` keyword belongs to the
    /// function that creates the closure.
    func testFuncLiteralVerdictBelongsToItsCreator() {
        let index = EnclosingFunctionIndex([parent, literal])
        let verdict = Fact(kind: .escapes, file: "p.go", line: 5, column: 5, subject: "func literal")
        let inside = Fact(kind: .escapes, file: "p.go", line: 5, column: 14, subject: "x")
        XCTAssertEqual(index.owner(of: verdict)?.id, "p.F")
        XCTAssertEqual(index.owner(of: inside)?.id, "p.F.func1")
    }
    /// A file of many top-level functions, each with nested literals, some on one line: every
    /// position's function is the one a full scan of the records gives (of the records holding
    /// the position, the one starting last), including positions between functions.
    func testLookupAgreesWithAFullScanOnANestedFile() {
        var records: [FunctionRecord] = []
        var line = 1
        func record(_ id: String, _ sl: Int, _ sc: Int, _ el: Int, _ ec: Int, literal: Bool) -> FunctionRecord {
            FunctionRecord(id: id, package: "p", receiver: "", name: id, file: "p.go", line: sl, column: sc,
                           startLine: sl, startColumn: sc, endLine: el, endColumn: ec, lineCount: el - sl + 1,
                           statementCount: 1, directives: [], isLiteral: literal, parent: nil)
        }
        for f in 0..<300 {
            let start = line
            var body: [FunctionRecord] = []
            for l in 0..<(f % 4) {
                let at = start + 1 + 2 * l
                body.append(record("F\(f).func\(l + 1)", at, 5, at + 1, 2, literal: true))
                if l == 1 { body.append(record("F\(f).func\(l + 1).1", at, 20, at, 40, literal: true)) }
            }
            line = start + 2 + 2 * (f % 4)
            records.append(record("F\(f)", start, 1, line, 1, literal: false))
            records += body
            line += 2  // a blank line and package-level code between functions
        }
        let index = EnclosingFunctionIndex(records.reversed())
        func fullScan(_ l: Int, _ c: Int) -> String? {
            records.filter { $0.contains(line: l, column: c) }
                .max { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }?.id
        }
        var checked = 0
        for l in 1...line {
            for c in [1, 2, 5, 6, 19, 20, 30, 40, 41, 60] {
                XCTAssertEqual(index.function(file: "p.go", line: l, column: c)?.id, fullScan(l, c), "\(l):\(c)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// Records of several files given interleaved (the index groups them by file, trying the
    /// last file first): each file's lookups see only its own records, and `attribute` sets
    /// every fact's owner.
    func testRecordsOfFilesGivenInterleaved() {
        func record(_ id: String, _ file: String, _ sl: Int, _ el: Int) -> FunctionRecord {
            FunctionRecord(id: id, package: "p", receiver: "", name: id, file: file, line: sl, column: 6,
                           startLine: sl, startColumn: 1, endLine: el, endColumn: 80, lineCount: el - sl + 1,
                           statementCount: 1, directives: [], isLiteral: false, parent: nil)
        }
        let records = [record("A1", "a.go", 1, 3), record("B1", "b.go", 1, 9), record("A2", "a.go", 5, 7),
                       record("B2", "b.go", 11, 12), record("A3", "a.go", 9, 9)]
        let index = EnclosingFunctionIndex(records)
        let a = (1...10).map { index.function(file: "a.go", line: $0, column: 3)?.id ?? "-" }
        XCTAssertEqual(a, ["A1", "A1", "A1", "-", "A2", "A2", "A2", "-", "A3", "-"])
        let b = [1, 9, 10, 11, 12, 13].map { index.function(file: "b.go", line: $0, column: 3)?.id ?? "-" }
        XCTAssertEqual(b, ["B1", "B1", "-", "B2", "B2", "-"])
        let facts = [Fact(kind: .alloc, file: "b.go", line: 11, column: 2, subject: "x", function: "elsewhere"),
                     Fact(kind: .alloc, file: "a.go", line: 6, column: 2, subject: "y"),
                     Fact(kind: .alloc, file: "c.go", line: 6, column: 2, subject: "z")]
        XCTAssertEqual(index.attribute(facts).map(\.function), ["B2", "A2", nil])
        XCTAssertEqual(index.assignUnattributed(facts).map(\.function), ["elsewhere", "A2", nil])
    }
}
