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

    func testEveryEscapeAtEveryOffsetOfAnEightByteBlock() throws {
        // The encoder skips eight bytes at a time where none needs escaping: a character to
        // escape at each offset, after and among bytes that do not (multi-byte UTF-8 included),
        // with a second one close behind, must come out as Foundation reads back.
        let special: [Character] = ["\"", "\\", "\n", "\u{00}", "\u{1f}", "\t"]
        let fillers = ["abcdefghijklmnopq", "é漢😀 ~\u{7f}ÿ!#$%&'()*+", " !#$%&()*+,-./0123"]
        var samples: [String] = []
        for filler in fillers {
            let chars = Array(filler)
            for offset in 0..<12 {
                for c in special {
                    for gap in [0, 1, 7, 8, 9] {
                        var line = String(chars.prefix(offset)) + String(c) + String(chars.prefix(gap))
                        if gap % 2 == 1 { line += String(special[(offset + gap) % special.count]) }
                        samples.append(line + String(chars))
                    }
                }
            }
        }
        let text = JSONText.encode(samples)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String], samples)
        for s in samples {
            let quoted = JSONText.quote(s)
            XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String, s)
            // Nothing but the escapes changes: the quoted text, unescaped by hand, is the string.
            XCTAssertEqual(quoted.utf8.count - 2, s.utf8.reduce(0) { n, b in
                n + (b == 0x22 || b == 0x5C || b == 0x0A || b == 0x0D || b == 0x09 ? 2 : b < 0x20 ? 6 : 1)
            }, s)
        }
    }
}
