import FactStore
import Foundation
import PassKit
import Reports
import XCTest
import Yams
@testable import Driver

final class PolicyEvaluatorTests: XCTestCase {
    static let file = "w/w.go"
    static let source = """
    package w

    //heapsight:noalloc
    func Alloc() *int {
    \tx := 1
    \treturn &x
    }

    //heapsight:noescape
    func (b *Buf) Keep(p []byte) {
    \tb.data = p
    }

    //gcassert:inline
    func Big() int {
    \ttotal := 0
    \t//heapsight:noescape
    \tv := make([]int, 8)
    \tlog(v) //heapsight:noalloc
    \treturn total
    }

    //heapsight:noalloc
    //heapsight:ignore directive.noalloc the pool owns this buffer
    func Pooled() []byte {
    \treturn make([]byte, 64)
    }

    //heapsight:noalloc
    func Clean(a, b int) int { return a + b }
    """

    static func fn(_ name: String, _ start: Int, _ end: Int, receiver: String = "") -> FunctionRecord {
        let id = receiver.isEmpty ? "ex.com/w.\(name)" : "ex.com/w.(\(receiver)).\(name)"
        return FunctionRecord(id: id, package: "ex.com/w", receiver: receiver, name: name, file: file, line: start, column: 6,
                              startLine: start, startColumn: 1, endLine: end, endColumn: 1, lineCount: end - start + 1,
                              statementCount: 2, directives: [], isLiteral: false, parent: nil)
    }

    static func fact(_ kind: FactKind, _ line: Int, _ subject: String, _ detail: String = "", in function: String,
                     explanation: [String] = []) -> Fact {
        Fact(kind: kind, file: file, line: line, column: 2, subject: subject, detail: detail,
             function: "ex.com/w.\(function)", explanation: explanation)
    }

    /// What the scan records for the package when the built-in passes run with the given
    /// statuses (every pass ran unless named).
    static func passes(_ statuses: [String: PassExecution.Status] = [:], reason: String = "the native engine does not compute it yet; use --engine gc") -> [PassExecution] {
        PassCatalog.builtIn.map { p in
            let status = statuses[p.name] ?? .ran
            return PassExecution(package: "ex.com/w", pass: p.name, status: status, reason: status == .ran ? "" : reason,
                                 factKinds: p.factKinds)
        }
    }

    /// The executions of a native run today: escape and allocations skipped.
    static let nativePasses = passes(["escape": .skipped, "allocations": .skipped])

    static func model(extraFacts: [Fact] = [], failed: Bool = false, baselineFacts: [Fact]? = nil,
                      passes: [PassExecution]? = passes(), baselinePasses: [PassExecution]? = passes()) -> ReportModel {
        let facts: [Fact] = [
            fact(.movedToHeap, 5, "x", in: "Alloc", explanation: ["flow: ~r0 ← &x:", "from &x (address-of) at ./w/w.go:6:9"]),
            fact(.alloc, 6, "&x", "new heap depth=0", in: "Alloc"),
            fact(.canInline, 10, "(*Buf).Keep", "cost=4", in: "(*Buf).Keep"),
            fact(.leakParam, 10, "p", in: "(*Buf).Keep"),
            fact(.cannotInline, 15, "Big", "function too complex: cost 84 exceeds budget 80", in: "Big"),
            fact(.escapes, 18, "make([]int, 8)", in: "Big"),
            fact(.alloc, 18, "make([]int, 8)", "make-slice heap depth=0", in: "Big"),
            fact(.alloc, 19, "... argument", "iface-conv stack depth=0", in: "Big"),
            fact(.alloc, 26, "make([]byte, 64)", "make-slice heap depth=1", in: "Pooled"),
            fact(.canInline, 30, "Clean", "cost=4", in: "Clean"),
        ] + extraFacts
        var diff: BaselineDiff?
        if let baselineFacts {
            diff = BaselineDiff(baseline: ReportRun(id: 1, startedAt: Date(timeIntervalSince1970: 0), engine: "gc", toolVersion: "t",
                                                    goos: "linux", goarch: "amd64", label: "main"),
                                baselineFacts: baselineFacts, currentFacts: facts, baselinePasses: baselinePasses)
        }
        var model = ReportModel(
            run: ReportRun(id: 2, startedAt: Date(timeIntervalSince1970: 3600), engine: "gc", toolVersion: "t", goos: "linux", goarch: "amd64"),
            packages: [ReportPackage(importPath: "ex.com/w", name: "w", directory: "w", failed: failed)],
            functions: [fn("Alloc", 4, 7), fn("Keep", 10, 12, receiver: "*Buf"), fn("Big", 15, 21), fn("Pooled", 25, 27), fn("Clean", 30, 30)],
            facts: facts,
            diagnostics: failed ? [Diagnostic(severity: .error, source: "compiler", file: file, line: 3, column: 1,
                                              message: "undefined: nope", package: "ex.com/w")] : [],
            baseline: diff, sources: [file: Array(source.utf8)], filePackages: [file: "ex.com/w"], passes: passes)
        model.directives = directives(of: source, in: model)
        return model
    }

    /// What the scan would record for `text` as the file's source.
    static func directives(of text: String, in model: ReportModel) -> SourceDirectives {
        DirectiveParser().parse(file: file, bytes: Array(text.utf8), functions: model.functions)
    }

    func failures(_ e: PolicyEvaluation) -> [String] {
        e.checks.filter { !$0.passed }.map(\.name)
    }

    func testDirectives() {
        let e = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(Self.model())
        XCTAssertEqual(failures(e), [
            "(*Buf).Keep directive.noescape",
            "Alloc directive.noalloc",
            "Big directive.inline",
            "Big directive.noescape statement 1",
        ])
        let passing = e.checks.filter(\.passed).map(\.name)
        XCTAssertTrue(passing.contains("Clean directive.noalloc"))
        XCTAssertTrue(passing.contains("Big directive.noalloc statement 1"), "a stack-allocated site does not break noalloc")
        XCTAssertTrue(passing.contains("Pooled directive.noalloc"), "suppressed by //heapsight:ignore")
        XCTAssertTrue(passing.contains("package package.failed"))
        XCTAssertTrue(passing.contains("package directive.invalid"))
        let keep = e.violations.first { $0.rule == "directive.noescape" && $0.function == "ex.com/w.(*Buf).Keep" }
        XCTAssertEqual(keep?.details, ["w/w.go:10:2: leak-param p"], "a leaking parameter is an escape")
        let inline = e.violations.first { $0.rule == "directive.inline" }
        XCTAssertEqual(inline?.message, "Big is not inlinable: function too complex: cost 84 exceeds budget 80")
        XCTAssertTrue(inline?.details.contains("cost: 84 against the inlining budget of 80, 4 over") ?? false)
        let alloc = e.violations.first { $0.rule == "directive.noalloc" }
        XCTAssertEqual(alloc?.line, 3)
        XCTAssertEqual(alloc?.flow.last, FlowStep(file: "w/w.go", line: 6, column: 9, message: "from &x (address-of)"))
    }

    func testInvalidDirectiveAndFailedPackageFailLoudly() {
        var model = Self.model(failed: true)
        model.directives = Self.directives(of: Self.source + "\n//heapsight:noallocc\nfunc Z() {}\n", in: model)
        let e = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(model)
        XCTAssertTrue(failures(e).contains("package directive.invalid"))
        XCTAssertTrue(failures(e).contains("package package.failed"))
        let pf = e.violations.first { $0.rule == "package.failed" }
        XCTAssertEqual(pf?.details, ["w/w.go:3:1: undefined: nope"])
        var off = PolicyConfiguration()
        off.directives = false
        XCTAssertEqual(failures(PolicyEvaluator(policy: off).evaluate(Self.model())), [])
    }

    /// The policy reads directives from what the scan recorded, not from the source: a model
    /// whose source text is gone still has its directives checked, and a run recorded before
    /// directives were stored says so instead of passing its assertions.
    func testDirectivesComeFromTheRecordedRun() {
        var model = Self.model()
        model.sources = [:]
        XCTAssertEqual(failures(PolicyEvaluator(policy: PolicyConfiguration()).evaluate(model)).count, 4)
        model.directives = nil
        let e = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(model)
        XCTAssertFalse(e.checks.contains { $0.rule.hasPrefix("directive.") }, "\(e.checks.map(\.name))")
        XCTAssertEqual(e.notes, ["directives not checked: run #2 was recorded by a heapsight that did not store them; scan again to check them"])
    }

    func testBudgetsAndMustInline() throws {
        let yaml = """
        budgets:
          - packages: "ex.com/..."
            max-heap-sites: 2
            max-heap-sites-in-loops: 0
          - functions: "Big"
            max-heap-sites: 0
            max-moved-to-heap: 0
        must-inline: ["ex.com/w.B*", "ex.com/w.Clean"]
        directives: false
        """
        let policy = try PolicyConfiguration(node: try Yams.compose(yaml: yaml))
        let e = PolicyEvaluator(policy: policy).evaluate(Self.model())
        XCTAssertEqual(failures(e), ["Big alloc.budget", "Big inline.required", "package alloc.budget", "package alloc.loop-budget"])
        XCTAssertTrue(e.checks.contains { $0.name == "Big moved.budget" && $0.passed })
        XCTAssertTrue(e.checks.contains { $0.name == "Clean inline.required" && $0.passed })
        let pkg = e.violations.first { $0.rule == "alloc.budget" && $0.function == nil }
        XCTAssertEqual(pkg?.message, "ex.com/w has 3 heap allocation sites; the budget allows 2")
        XCTAssertEqual(pkg?.details.first, "cost: 3 heap allocation sites against a budget of 2 (policy.budgets[0]), 1 over")
    }

    func testRegressionsAgainstBaseline() throws {
        var base = Self.model().facts.filter { $0.kind != .movedToHeap && $0.line != 6 }
        base = base.map { f in
            var f = f
            if f.kind == .cannotInline { f.kind = .canInline; f.detail = "cost=79" }
            return f
        }
        var policy = PolicyConfiguration()
        policy.directives = false
        policy.regressions.maxHeapSiteGrowth = 0
        let e = PolicyEvaluator(policy: policy).evaluate(Self.model(baselineFacts: base))
        XCTAssertEqual(failures(e), ["Alloc alloc.growth", "Alloc escape.new", "Big inline.lost"])
        let esc = e.violations.filter { $0.rule == "escape.new" }.map(\.message)
        XCTAssertEqual(esc, ["new heap escape in Alloc: moved to heap: x", "new heap escape in Alloc: heap allocation &x (new)"])
        let lost = try XCTUnwrap(e.violations.first { $0.rule == "inline.lost" })
        XCTAssertEqual(lost.details.prefix(2), ["baseline #1 (main): inlinable (cost=79)", "now: function too complex: cost 84 exceeds budget 80"])
        XCTAssertEqual(e.violations.first { $0.rule == "alloc.growth" }?.message, "Alloc grew from 0 to 1 heap allocation sites (allowed growth 0)")
        // Without a baseline there are no regression checks at all.
        XCTAssertFalse(PolicyEvaluator(policy: policy).evaluate(Self.model()).checks.contains { $0.rule == "escape.new" })
    }

    func testConfigurationErrorsNameTheKey() {
        XCTAssertThrowsError(try PolicyConfiguration(node: try Yams.compose(yaml: "budgets:\n  - max-heap-site: 3\n"))) {
            XCTAssertEqual(($0 as? PolicyConfigurationError)?.path, "policy.budgets[0].max-heap-site")
        }
        XCTAssertThrowsError(try PolicyConfiguration(node: try Yams.compose(yaml: "regressions:\n  no-new-escapes: maybe\n"))) {
            XCTAssertEqual(($0 as? PolicyConfigurationError)?.path, "policy.regressions.no-new-escapes")
        }
        XCTAssertThrowsError(try ReportConfiguration(node: try Yams.compose(yaml: "junit: loose\n"))) {
            XCTAssertEqual(($0 as? PolicyConfigurationError)?.path, "report.junit")
        }
    }

    func testReportsOfAnEvaluationAreValid() throws {
        var model = Self.model()
        model.evaluation = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(model)
        let xml = JUnitRenderer(flavour: .strict).render(model)
        XCTAssertEqual(XMLValidation.wellFormedness(of: xml), [])
        XCTAssertTrue(xml.contains("type=\"directive.noalloc\""))
    }
}

/// A rule whose facts were not computed is never a pass: under an engine without escape or
/// allocation analysis, for a pass that failed or was disabled, and for a run that did not record
/// which passes ran, each such rule fails as "could not be evaluated", and facts that a plugin
/// happens to add do not change that.
final class PolicyWithoutFactsTests: XCTestCase {
    let budgets = """
        budgets:
          - packages: "ex.com/..."
            max-heap-sites: 100
            max-heap-sites-in-loops: 100
            max-moved-to-heap: 100
        must-inline: ["ex.com/w.Clean"]
        """

    func notEvaluated(_ e: PolicyEvaluation) -> [String] { e.notEvaluated.map(\.name) }

    func testBudgetsAndDirectivesUnderAnEngineWithoutEscapeAnalysisAreNotEvaluated() throws {
        var model = PolicyEvaluatorTests.model(passes: PolicyEvaluatorTests.nativePasses)
        model.facts = model.facts.filter { $0.kind == .canInline || $0.kind == .cannotInline }
        // One alloc fact from a plugin must not switch the guard off.
        model.facts.append(Fact(kind: .alloc, file: PolicyEvaluatorTests.file, line: 30, column: 2, subject: "fmt.Println",
                                detail: "iface-conv heap depth=0", function: "ex.com/w.Clean"))
        let policy = try PolicyConfiguration(node: try Yams.compose(yaml: budgets))
        let e = PolicyEvaluator(policy: policy).evaluate(model)
        XCTAssertTrue(e.failed, "a rule that could not be evaluated fails the check")
        XCTAssertEqual(notEvaluated(e), [
            "(*Buf).Keep directive.noescape", "Alloc directive.noalloc", "Big directive.noalloc statement 1",
            "Big directive.noescape statement 1", "Clean directive.noalloc", "Pooled directive.noalloc",
            "package alloc.budget", "package alloc.loop-budget", "package moved.budget",
        ])
        XCTAssertTrue(e.checks.contains { $0.name == "Clean inline.required" && $0.passed }, "inlining ran, so it is evaluated")
        let clean = try XCTUnwrap(e.violations.first { $0.function == "ex.com/w.Clean" })
        XCTAssertEqual(clean.message, "//heapsight:noalloc on Clean could not be evaluated: the allocations pass did not run under engine gc (the native engine does not compute it yet; use --engine gc)")
        XCTAssertTrue(clean.notEvaluated)
        let moved = try XCTUnwrap(e.violations.first { $0.rule == "moved.budget" })
        XCTAssertEqual(moved.message, "the moved.budget budget of ex.com/w (policy.budgets[0]) could not be evaluated: the escape pass did not run under engine gc (the native engine does not compute it yet; use --engine gc)")
    }

    func testIgnoreDoesNotHideARuleThatWasNotEvaluated() {
        let e = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(PolicyEvaluatorTests.model(passes: PolicyEvaluatorTests.nativePasses))
        XCTAssertTrue(notEvaluated(e).contains("Pooled directive.noalloc"), "//heapsight:ignore accepts a finding, not a rule that was never checked")
    }

    func testAFailedOrDisabledPassIsNamed() throws {
        let failed = PolicyEvaluatorTests.passes(["allocations": .failed], reason: "boom")
        let e = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(PolicyEvaluatorTests.model(passes: failed))
        let v = try XCTUnwrap(e.violations.first { $0.function == "ex.com/w.Clean" })
        XCTAssertEqual(v.message, "//heapsight:noalloc on Clean could not be evaluated: the allocations pass failed on ex.com/w (boom)")
        XCTAssertTrue(e.checks.contains { $0.name == "(*Buf).Keep directive.noescape" && !$0.notEvaluated },
                      "escape ran, so noescape is evaluated (and fails on its own merits)")
        let noPass = PolicyEvaluatorTests.passes().filter { $0.pass != "allocations" }
        let e2 = PolicyEvaluator(policy: PolicyConfiguration()).evaluate(PolicyEvaluatorTests.model(passes: noPass))
        XCTAssertEqual(e2.violations.first { $0.function == "ex.com/w.Clean" }?.message,
                       "//heapsight:noalloc on Clean could not be evaluated: no pass that computes alloc facts ran on ex.com/w in run #2")
    }

    func testARunThatDidNotRecordItsPassesIsNotEvaluated() throws {
        let policy = try PolicyConfiguration(node: try Yams.compose(yaml: budgets))
        let e = PolicyEvaluator(policy: policy).evaluate(PolicyEvaluatorTests.model(passes: nil))
        XCTAssertTrue(e.failed)
        XCTAssertTrue(notEvaluated(e).contains("Clean inline.required"))
        XCTAssertEqual(e.violations.first { $0.rule == "inline.required" }?.message,
                       "policy.must-inline for Clean could not be evaluated: run #2 was recorded by a heapsight that did not record which passes ran; scan again")
    }

    func testRegressionsNeedBothRunsToHaveComputedTheirFacts() {
        var policy = PolicyConfiguration()
        policy.directives = false
        policy.regressions.maxHeapSiteGrowth = 0
        let facts = PolicyEvaluatorTests.model().facts
        // The current run has no escape analysis: no new escape can be seen, so it is not a pass.
        let current = PolicyEvaluator(policy: policy).evaluate(
            PolicyEvaluatorTests.model(baselineFacts: facts, passes: PolicyEvaluatorTests.nativePasses))
        XCTAssertEqual(notEvaluated(current), ["package alloc.growth", "package escape.new"])
        XCTAssertFalse(current.checks.contains { $0.name == "Alloc escape.new" })
        // The baseline had no inlining decisions: nothing can be "lost" against it.
        let base = PolicyEvaluator(policy: policy).evaluate(
            PolicyEvaluatorTests.model(baselineFacts: facts, baselinePasses: PolicyEvaluatorTests.passes(["inlining": .skipped], reason: "no Go toolchain")))
        XCTAssertEqual(notEvaluated(base), ["package inline.lost"])
        XCTAssertEqual(base.violations.first?.message,
                       "inline.lost against baseline run #1 (main) in ex.com/w could not be evaluated: in the baseline run: the inlining pass did not run under engine gc (no Go toolchain)")
    }
}
