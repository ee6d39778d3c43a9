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
            .canInline: .init(precision: 0.970, recall: 0.439, f1: 0.605),
            .cannotInline: .init(precision: 0.984, recall: 0.791, f1: 0.877),
            .inlineCall: .init(precision: 0.990, recall: 0.746, f1: 0.853),
            .devirtualize: .init(precision: 0.960, recall: 0.915, f1: 0.937),
        ]).check(d)
    }
}
