import Foundation
import GoSyntax
import TestSupport
import XCTest

/// Go's own syntax-error tests (`test/syntax/*.go` of the Go 1.19 sources): every file must
/// be rejected, with an error on each line a `// ERROR` comment names. Our diagnostics must
/// also equal go/parser's, line, column and message, which explains the lines neither parser
/// reports (the `// ERROR` comments were written for the gc compiler, whose parser and type
/// checker report some errors go/parser leaves to go/types).
final class SyntaxRejectionTests: XCTestCase {
    static let directory = "/usr/share/go-1.19/test/syntax"

    /// ERROR lines go/parser does not report either, with the reason.
    static let knownExceptions: [String: String] = [
        "topexpr.go:14": "after the first misplaced statement go/parser skips to EOF looking for a declaration keyword",
        "topexpr.go:19": "same recovery as topexpr.go:14",
        "typesw.go:10": "`switch main() := x.(type)` parses; the invalid variable name is a type-checking error",
    ]

    func testGoSyntaxTestsAreRejectedOnTheirErrorLines() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.directory) else {
            throw XCTSkip("Go 1.19 test sources not installed at \(Self.directory) (Debian package golang-1.19-src)")
        }
        let files = names.filter { $0.hasSuffix(".go") }.sorted().map { Self.directory + "/" + $0 }
        XCTAssertEqual(files.count, 19)
        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("parsedump")
        let r = try TestSupport.run(oracle, ["-errors"] + files, environment: go.environment())
        XCTAssertEqual(r.status, 0, r.err)
        let theirs = r.out.split(separator: "\n").map(String.init)

        var ours: [String] = []
        var wanted = 0, matched = 0
        var unmatched: [String] = []
        for path in files {
            let bytes = GoFileCollector.read(path) ?? []
            let parsed = parseFile(path: path, bytes: bytes)
            ours += parsed.diagnostics.map(\.description)
            let base = (path as NSString).lastPathComponent
            if base != "typesw.go" {   // the one file go/parser accepts (see knownExceptions)
                XCTAssertFalse(parsed.diagnostics.isEmpty, "\(base) was not rejected")
            }
            let errorLines = Set(parsed.diagnostics.map(\.line))
            for line in Self.errorLines(bytes) {
                wanted += 1
                if errorLines.contains(line) { matched += 1 } else { unmatched.append("\(base):\(line)") }
            }
        }
        print("syntax/ rejection: \(matched)/\(wanted) ERROR lines matched; exceptions: \(unmatched)")
        XCTAssertEqual(ours, theirs, "diagnostics differ from go/parser")
        XCTAssertEqual(unmatched.sorted(), Self.knownExceptions.keys.sorted(),
                       "unmatched ERROR lines changed; known: \(Self.knownExceptions)")
    }

    /// Lines carrying a `// ERROR` comment.
    static func errorLines(_ bytes: [UInt8]) -> [Int] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().filter { $0.element.contains("// ERROR") }.map { $0.offset + 1 }
    }
}
