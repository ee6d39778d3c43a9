import Foundation
import XCTest
@testable import FactStore

/// The JSON text of list columns: read back by Foundation's JSON parser (an independent
/// reader) to the same strings, with the escapes RFC 8259 spells for quotes, backslashes and
/// control characters, and everything else (multi-byte UTF-8 included) copied as is.
final class JSONTextTests: XCTestCase {
    private let samples = [
        "", "plain text", "say \"hi\"", "back\\slash", "line\nbreak", "cr\rtab\t", "\u{01}\u{1f}\u{7f}",
        "é→漢😀 \"mixed\" \\ end", "\"", "\\", "trailing \"",
        "flow: &T{...} escapes to heap in F[go.shape.int]: \"x\" (assign-pair)",
    ]

    func testFoundationReadsBackEveryString() throws {
        let text = JSONText.encode(samples)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        XCTAssertEqual(parsed, samples)
        for s in samples {
            let one = try JSONSerialization.jsonObject(with: Data(JSONText.quote(s).utf8), options: .fragmentsAllowed)
            XCTAssertEqual(one as? String, s)
        }
    }

    func testEscapesAreTheShortForms() {
        XCTAssertEqual(JSONText.quote("a\"b\\c\nd\re\tf\u{01}g"), #""a\"b\\c\nd\re\tf\u0001g""#)
        XCTAssertEqual(JSONText.quote("é→漢😀"), "\"é→漢😀\"")
        XCTAssertEqual(JSONText.encode([]), "[]")
        XCTAssertEqual(JSONText.encode(["a", "b\"c"]), #"["a","b\"c"]"#)
    }
}
