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
            .canInline: .init(precision: 0.9794, recall: 0.4363, f1: 0.6044),
            .cannotInline: .init(precision: 0.9468, recall: 0.7605, f1: 0.8435),
            .inlineCall: .init(precision: 0.9918, recall: 0.7464, f1: 0.8519),
            .devirtualize: .init(precision: 0.9950, recall: 0.0000, f1: 0.0000),
        ]).check(d)
    }
}
