import PassKit
import XCTest

/// The agreement a corpus must keep: per kind, precision, recall and F1 at least the measured
/// values minus a small margin. A kind without a floor must have no native facts at all (so a
/// kind the native engine starts producing cannot go unmeasured).
public struct Floors {
    /// Minimum precision, recall and F1 of one kind.
    public struct Floor {
        /// Minimum precision.
        public var precision: Double
        /// Minimum recall.
        public var recall: Double
        /// Minimum F1.
        public var f1: Double

        /// A floor.
        public init(precision: Double, recall: Double, f1: Double) {
            self.precision = precision
            self.recall = recall
            self.f1 = f1
        }
    }

    /// Floors per kind.
    public var kinds: [FactKind: Floor]

    /// Floors per kind.
    public init(_ kinds: [FactKind: Floor]) { self.kinds = kinds }

    /// Asserts every floor, and that kinds without one have no native facts.
    public func check(_ d: CorpusDifferential, file: StaticString = #filePath, line: UInt = #line) {
        for kind in FactKind.allCases {
            let s = d.scores[kind]!
            guard let f = kinds[kind] else {
                XCTAssertEqual(s.countA, 0, "\(d.name): native \(kind.rawValue) facts have no floor yet; measure and add one",
                               file: file, line: line)
                continue
            }
            XCTAssertGreaterThanOrEqual(s.precision, f.precision, "\(d.name) \(kind.rawValue) precision", file: file, line: line)
            XCTAssertGreaterThanOrEqual(s.recall, f.recall, "\(d.name) \(kind.rawValue) recall", file: file, line: line)
            XCTAssertGreaterThanOrEqual(s.f1, f.f1, "\(d.name) \(kind.rawValue) F1", file: file, line: line)
        }
    }
}
