import Foundation
import InliningPass
import PassKit
import XCTest

/// An inlining summary writes its own JSON (`DirectJSONEncoding`): the bytes must be exactly
/// those `JSONEncoder` with `.sortedKeys` writes for the synthesized `Codable`, the format
/// stored summaries have, or a cached summary would change with the heapsight build that
/// wrote it.
final class InlineSummaryEncodingTests: XCTestCase {
    private func foundation(_ summary: InlineSummary) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(summary))
    }

    func testTheSummaryWritesWhatJSONEncoderWrites() throws {
        // Names as the compiler gives them, in an order where byte order differs from a
        // case-insensitive or numeric one; every kind of decision, a cost the engine did not
        // report, reasons as the compiler words them.
        let names = ["F", "f", "(*T).M", "T.M", "T.m", "_x", "F.func1", "F.func10", "F.func2", "G[go.shape.int]",
                     "G[go.shape.*uint8]", "H[go.shape.struct { net/http.x int }]", "init.0", "Z9", "Z10", "a b", "{}"]
        let reasons = ["function too complex: cost 85 exceeds budget 80", "marked go:noinline", "unhandled op SELECT",
                       "call to recover", "recursive", "marked go:norace with -race compilation", "big/large: x"]
        var decisions: [String: InlineDecision] = [:]
        for (i, name) in names.enumerated() {
            switch i % 4 {
            case 0: decisions[name] = .inlinable(cost: i * 7)
            case 1: decisions[name] = .inlinable(cost: nil)
            case 2: decisions[name] = .notInlinable(reason: reasons[i % reasons.count])
            default: decisions[name] = .inlinable(cost: -i)
            }
        }
        for summary in [InlineSummary(packageName: "http", decisions: decisions),
                        InlineSummary(packageName: "v2/x", decisions: [:]),
                        InlineSummary(packageName: "p", decisions: ["F": .inlinable(cost: 0)])] {
            let direct = try XCTUnwrap(summary.sortedKeysJSON())
            XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: try foundation(summary), as: UTF8.self))
            let kind = InliningPass.summaryKind
            XCTAssertEqual(try kind.encode(summary).bytes, try foundation(summary))
            XCTAssertEqual(try kind.decode(kind.encode(summary), package: "p"), summary)
        }
    }

    func testTextItDoesNotEscapeIsLeftToJSONEncoder() throws {
        for text in ["a\"b", "a\\b", "tab\there", "nl\n", "\u{7F}", "é", "日本"] {
            for summary in [InlineSummary(packageName: "p", decisions: [text: .inlinable(cost: 1), "F": .inlinable(cost: 2)]),
                            InlineSummary(packageName: "p", decisions: ["F": .notInlinable(reason: text)]),
                            InlineSummary(packageName: text, decisions: ["F": .inlinable(cost: 2)])] {
                XCTAssertNil(summary.sortedKeysJSON(), text)
                let kind = InliningPass.summaryKind
                XCTAssertEqual(try kind.encode(summary).bytes, try foundation(summary), text)
            }
        }
    }
}
