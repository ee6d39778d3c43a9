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
            // Measured 2026-12-05 on main with the shape-instance rules, the calls of computed
            // callees and range-over-func loops read from GoIR's expansion, the equality and hash
            // functions, and cmd's vendored packages resolved as the go command resolves them
            // (P / R / F1): can-inline 0.992 / 0.981 / 0.987 (0.977 / 0.896 / 0.935 the day
            // before), cannot-inline 0.992 / 0.991 / 0.992 (0.992 / 0.968 / 0.980), inline-call
            // 0.996 / 0.991 / 0.994 (0.996 / 0.972 / 0.984), devirtualize 0.993 / 0.960 / 0.976.
            // Floors: measured minus 0.005.
            .canInline: .init(precision: 0.987, recall: 0.975, f1: 0.981),
            .cannotInline: .init(precision: 0.987, recall: 0.986, f1: 0.986),
            .inlineCall: .init(precision: 0.991, recall: 0.986, f1: 0.988),
            .devirtualize: .init(precision: 0.988, recall: 0.955, f1: 0.971),
        ]).check(d)
    }
}
