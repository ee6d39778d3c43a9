import Foundation
import XCTest
@testable import PassKit

/// A leak-tag summary writes its own JSON (`DirectJSONEncoding`): the bytes must be exactly
/// those `JSONEncoder` with `.sortedKeys` writes, the format stored summaries have, or a cached
/// summary would change with the heapsight build that wrote it.
final class LeakTagSummaryEncodingTests: XCTestCase {
    private func foundation(_ summary: LeakTagSummary) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(summary))
    }

    func testTheSummaryWritesWhatJSONEncoderWrites() throws {
        // Names as the compiler gives them, in an order where byte order differs from a
        // case-insensitive or numeric one; tags with every digit count.
        var functions: [String: [[UInt8]]] = [:]
        let names = ["F", "f", "(*T).M", "T.M", "T.m", "_x", "F.func1", "F.func10", "F.func2", "G[go.shape.int]",
                     "G[go.shape.*uint8]", "H[go.shape.struct { net/http.x int }]", "init.0", "Z9", "Z10", "a b", "~r0", "{}"]
        for (i, name) in names.enumerated() {
            functions[name] = (0..<(i % 4)).map { k in [0, 9, 10, 99, 100, 255, UInt8(i), UInt8(k)].shuffled() }
        }
        functions["NoParams"] = []
        functions["Empty"] = [[]]
        let summary = LeakTagSummary(functions: functions)
        let direct = try XCTUnwrap(summary.sortedKeysJSON())
        XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: try foundation(summary), as: UTF8.self))
        XCTAssertEqual(try LeakTagSummary.kind.encode(summary).bytes, try foundation(summary))
        XCTAssertEqual(try LeakTagSummary.kind.decode(LeakTagSummary.kind.encode(summary), package: "p"), summary)
        let none = LeakTagSummary(functions: [:])
        XCTAssertEqual(try XCTUnwrap(none.sortedKeysJSON()), try foundation(none))
    }

    func testNamesItDoesNotEscapeAreLeftToJSONEncoder() throws {
        for name in ["a\"b", "a\\b", "tab\there", "nl\n", "\u{7F}", "é", "日本"] {
            let summary = LeakTagSummary(functions: [name: [[1]], "F": [[2]]])
            XCTAssertNil(summary.sortedKeysJSON(), name)
            XCTAssertEqual(try LeakTagSummary.kind.encode(summary).bytes, try foundation(summary), name)
        }
    }
}
