import Foundation
import XCTest
@testable import GCEngine
import TestSupport

/// The text form of `go build` split per package against the go command's own framing of the
/// same build: the `-json` form's `Output` fields, decoded by Foundation's `JSONDecoder`.
final class BuildTextSplitterTests: XCTestCase {
    private struct Event: Decodable {
        var ImportPath: String
        var Action: String
        var Output: String?
    }

    private func split(_ text: Data, chunk: Int) -> (BuildEventDecoderTests.Recorder, String) {
        var splitter = BuildTextSplitter()
        var recorder = BuildEventDecoderTests.Recorder()
        let bytes = Array(text)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { splitter.feed($0, into: &recorder) }
            start = end
        }
        splitter.finish(into: &recorder)
        return (recorder, String(decoding: splitter.commandText, as: UTF8.self))
    }

    func testTextFormSplitsIntoTheSamePackagesAsTheJSONForm() throws {
        let go = TestSupport.goToolchain
        let root = try FixtureRuns.scratchModule([
            "a/a.go": "package a\n\nfunc New() *int { x := 1; return &x }\n",
            "b/b.go": "package b\n\nimport \"example.com/scratch/a\"\n\nfunc P() any { return a.New() }\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let args = ["-o", "/dev/null", "-gcflags=-m=2 -S", "./a", "./b"]
        let json = try TestSupport.run(go.go, ["build", "-json"] + args, cwd: URL(fileURLWithPath: root), environment: go.environment())
        XCTAssertEqual(json.status, 0, json.err)
        var expected: [String: String] = [:]
        for line in json.out.split(separator: "\n") {
            let e = try JSONDecoder().decode(Event.self, from: Data(line.utf8))
            if e.Action == "build-output", let o = e.Output { expected[e.ImportPath, default: ""] += o }
        }
        XCTAssertEqual(Set(expected.keys), ["example.com/scratch/a", "example.com/scratch/b"])
        let text = try TestSupport.run(go.go, ["build"] + args, cwd: URL(fileURLWithPath: root), environment: go.environment())
        XCTAssertEqual(text.status, 0, text.err)
        for chunk in [1, 5, 100, 65536] {
            let (recorder, command) = split(Data(text.err.utf8), chunk: chunk)
            XCTAssertEqual(recorder.strings, expected, "chunk \(chunk)")
            XCTAssertEqual(command, "", "chunk \(chunk)")
        }
    }

    func testLinesBeforeAnyPackageAreTheGoCommandsOwnAndADescriptionHeaderIsSkipped() {
        let text = "go: warning: something\n# example.com/p\n# [example.com/p.test]\n./p.go:1:1: can inline F\n# example.com/q\nlast line without newline"
        let (recorder, command) = split(Data(text.utf8), chunk: 3)
        XCTAssertEqual(command, "go: warning: something\n")
        XCTAssertEqual(recorder.strings["example.com/p"], "# example.com/p\n./p.go:1:1: can inline F\n")
        XCTAssertEqual(recorder.strings["example.com/q"], "# example.com/q\nlast line without newline")
        XCTAssertEqual(recorder.order, ["example.com/p", "example.com/q"])
    }
}
