import DifferentialSupport
import PassKit
import XCTest

/// The native engine over every package of `go list cmd` (cmd/vendor included) against the
/// compiler's output for them (`go build -a -gcflags=all=-m=2 std cmd`, shared with the std
/// differential): per fact kind precision, recall and F1, every disagreement with its cause in
/// the log file the test prints. Floors are the measured values minus 0.005.
final class NativeCmdDifferentialTests: XCTestCase {
    func testAllOfCmd() throws {
        let (d, timing) = try Corpora.gorootDifferential(pattern: "cmd", subdirectory: "cmd")
        print(d.report + timing)
        XCTAssertGreaterThan(d.packageCount, 250)
        XCTAssertGreaterThan(d.scores[.canInline]!.countB, 10_000, "the compiler's output was not read")
        Floors([
            // Measured 2026-12-04 on main with method wrappers, shaped bodies, range-over-func loops and
            // the cost fixes merged (P / R / F1): can-inline 0.977 / 0.896 / 0.934, cannot-inline 0.992 /
            // 0.968 / 0.980, inline-call 0.996 / 0.972 / 0.984, devirtualize 0.993 / 0.960 / 0.976.
            // Floors: measured minus 0.005.
            // Measured 2026-12-05 with shape instances read through method sets, the wrappers and loop
            // bodies of shaped copies and self-referencing shaped copies: can-inline 0.992 / 0.981 / 0.986,
            // cannot-inline 0.992 / 0.978 / 0.985, inline-call 0.998 / 0.986 / 0.992.
            // Measured 2026-12-05 with the calls of computed callees and range-over-func loops read
            // from GoIR's expansion (P / R / F1): can-inline 0.977 / 0.896 / 0.935, cannot-inline 0.992
            // / 0.968 / 0.980, inline-call 0.994 / 0.977 / 0.986 (0.996 / 0.972 / 0.984 before),
            // devirtualize 0.993 / 0.960 / 0.976. Floors: measured minus 0.005 (inline-call precision
            // kept at the earlier floor).
            .canInline: .init(precision: 0.987, recall: 0.975, f1: 0.981),
            .cannotInline: .init(precision: 0.987, recall: 0.973, f1: 0.980),
            .inlineCall: .init(precision: 0.992, recall: 0.981, f1: 0.986),
            .devirtualize: .init(precision: 0.988, recall: 0.955, f1: 0.971),
        ]).check(d)
    }
}
