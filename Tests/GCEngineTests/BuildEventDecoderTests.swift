import Foundation
import XCTest
@testable import GCEngine
import TestSupport

/// The streaming decoder of `go build -json` against Foundation's `JSONDecoder` on the real
/// stream of the go command, cut into chunks of every kind of size, and on the corners of JSON
/// strings the go command's encoder produces or could.
final class BuildEventDecoderTests: XCTestCase {
    /// Collects what the decoder delivers: each package's text and the failed packages.
    struct Recorder: BuildEventSink {
        var text: [String: [UInt8]] = [:]
        var order: [String] = []
        var failures: [String] = []

        mutating func output(importPath: String, bytes: UnsafeBufferPointer<UInt8>) {
            if text[importPath] == nil { order.append(importPath) }
            text[importPath, default: []] += Array(bytes)
        }

        mutating func failed(importPath: String) { failures.append(importPath) }

        var strings: [String: String] { text.mapValues { String(decoding: $0, as: UTF8.self) } }
    }

    private struct Event: Decodable {
        var ImportPath: String
        var Action: String
        var Output: String?
    }

    /// The oracle: each line decoded by `JSONDecoder`, outputs concatenated per package.
    private func oracle(_ stream: Data) -> (text: [String: String], failures: [String]) {
        var text: [String: String] = [:], failures: [String] = []
        for line in stream.split(separator: UInt8(ascii: "\n")) {
            guard let e = try? JSONDecoder().decode(Event.self, from: Data(line)) else { continue }
            if e.Action == "build-output", let o = e.Output { text[e.ImportPath, default: ""] += o }
            if e.Action == "build-fail" { failures.append(e.ImportPath) }
        }
        return (text, failures)
    }

    private func decode(_ stream: Data, chunk: Int) -> Recorder {
        var decoder = BuildEventDecoder()
        var recorder = Recorder()
        let bytes = Array(stream)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { decoder.feed($0, into: &recorder) }
            start = end
        }
        decoder.finish(into: &recorder)
        return recorder
    }

    func testRealStreamDecodesLikeJSONDecoderInAnyChunking() throws {
        let go = TestSupport.goToolchain
        let root = try FixtureRuns.scratchModule([
            "good/good.go": "package good\n\nimport \"fmt\"\n\nfunc New() *int { x := 1; return &x }\n\nfunc P(v int) { fmt.Println(\"<&>\", v) }\n",
            "bad/bad.go": "package bad\n\nfunc F() int { return undefinedThing }\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let r = try TestSupport.run(go.go, ["build", "-json", "-o", "/dev/null", "-gcflags=-m=2 -S", "./good", "./bad"],
                                    cwd: URL(fileURLWithPath: root), environment: go.environment())
        let stream = Data(r.out.utf8)
        let expected = oracle(stream)
        XCTAssertEqual(expected.failures, ["example.com/scratch/bad"])
        XCTAssertTrue(expected.text["example.com/scratch/good"]?.contains(" STEXT ") ?? false, "the stream holds a listing")
        XCTAssertTrue(r.out.contains("\\u0026"), "the go command escapes & in its JSON")
        for chunk in [1, 2, 3, 7, 64, 4096, stream.count] {
            let got = decode(stream, chunk: chunk)
            XCTAssertEqual(got.strings, expected.text, "chunk size \(chunk)")
            XCTAssertEqual(got.failures, expected.failures, "chunk size \(chunk)")
        }
    }

    func testEscapesSurrogatesKeyOrderAndBrokenLines() {
        let lines = [
            #"{"ImportPath":"a","Action":"build-output","Output":"tab\there \"q\" \\ \/ \u003c\u0026\u003e \ud83d\ude00 lone \ud800 end\n"}"#,
            #"not json at all"#,
            #"{"Output":"held before its path\n","Action":"build-output","ImportPath":"b"}"#,
            #"{"Action":"build-output","Output":"no import path\n"}"#,
            #"{"ImportPath":"c","Action":"build-fail"}"#,
            #"{"ImportPath":"a","Action":"build-output","Output":"second portion\n","Extra":"ignored"}"#,
            #"{"ImportPath":"d","Action":"build-output","Output":"cut off"#,
        ]
        let stream = Data(lines.joined(separator: "\n").utf8)
        for chunk in [1, 5, 1000] {
            let got = decode(stream, chunk: chunk)
            XCTAssertEqual(got.strings["a"], "tab\there \"q\" \\ / <&> 😀 lone \u{FFFD} end\nsecond portion\n", "chunk \(chunk)")
            XCTAssertEqual(got.strings["b"], "held before its path\n", "chunk \(chunk)")
            XCTAssertEqual(got.failures, ["c"], "chunk \(chunk)")
            XCTAssertEqual(got.order.prefix(2), ["a", "b"], "chunk \(chunk)")
            // A line cut off by the end of the stream keeps what it streamed.
            XCTAssertEqual(got.strings["d"], "cut off", "chunk \(chunk)")
            XCTAssertEqual(got.text.count, 3, "chunk \(chunk): \(got.order)")
        }
    }
}
