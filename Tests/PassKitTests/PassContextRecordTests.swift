import PassKit
import XCTest

/// What a context records of the passes that ran before: every fact and function in run order,
/// whether the first arrays were shared or copied, and nothing left once the driver takes them.
final class PassContextRecordTests: XCTestCase {
    private func context() -> PassContext {
        PassContext(package: PackageInput(importPath: "p", name: "p", directory: ".", files: []), engine: .native)
    }

    private func fact(_ subject: String) -> Fact {
        Fact(kind: .alloc, file: "p.go", line: 1, column: 1, subject: subject)
    }

    private func function(_ name: String) -> FunctionRecord {
        FunctionRecord(id: "p.\(name)", package: "p", receiver: "", name: name, file: "p.go", line: 1, column: 1,
                       startLine: 1, startColumn: 1, endLine: 2, endColumn: 1, lineCount: 2, statementCount: 1,
                       directives: [], isLiteral: false, parent: nil)
    }

    func testRecordsAccumulateInRunOrder() {
        let ctx = context()
        ctx.record(facts: [fact("a"), fact("b")], functions: [function("F")])
        ctx.record(facts: [], functions: [])
        ctx.record(facts: [fact("c")], functions: [function("G"), function("H")])
        XCTAssertEqual(ctx.factsSoFar.map(\.subject), ["a", "b", "c"])
        XCTAssertEqual(ctx.functionsSoFar.map(\.name), ["F", "G", "H"])
    }

    /// A pass's context starts with the records so far; what it records later, and what the
    /// first context records later, stays with each.
    func testAContextStartedFromAnotherKeepsItsOwnRecords() {
        let run = context()
        run.record(facts: [fact("a")], functions: [function("F")])
        let pass = context()
        pass.record(facts: run.factsSoFar, functions: run.functionsSoFar)
        run.record(facts: [fact("b")], functions: [function("G")])
        pass.record(facts: [fact("x")], functions: [])
        XCTAssertEqual(run.factsSoFar.map(\.subject), ["a", "b"])
        XCTAssertEqual(pass.factsSoFar.map(\.subject), ["a", "x"])
        XCTAssertEqual(pass.functionsSoFar.map(\.name), ["F"])
    }

    func testTakingTheRecordsLeavesNone() {
        let ctx = context()
        var given = [fact("a")]
        ctx.record(facts: given, functions: [function("F")])
        ctx.record(facts: [fact("b")], functions: [])
        given[0].subject = "changed"
        let facts = ctx.takeRecordedFacts(), functions = ctx.takeRecordedFunctions()
        XCTAssertEqual(facts.map(\.subject), ["a", "b"])
        XCTAssertEqual(functions.map(\.name), ["F"])
        XCTAssertTrue(ctx.factsSoFar.isEmpty)
        XCTAssertTrue(ctx.functionsSoFar.isEmpty)
    }
}
