import FactStore
import Foundation
import PassKit
import PprofFormat
@testable import Driver
import XCTest

/// The pieces of profile attribution that do not need a real profile: where a frame lands in
/// the tree, which positions are heap sites, unknown or stale, the CPU filter, gzip failures,
/// and explain's target syntax.
final class ProfileAttributionTests: XCTestCase {
    typealias Frame = PprofProfile.Frame

    let tree = ProfileTree(packages: ["example.com/m", "example.com/m/sub"], files: ["a.go", "sub/a.go", "sub/b.go"])

    func testFramesLandOnTheLongestMatchingScannedFile() {
        XCTAssertEqual(tree.place(Frame(function: "example.com/m/sub.F", file: "/src/m/sub/a.go", line: 3, inlined: false)), .file("sub/a.go"))
        XCTAssertEqual(tree.place(Frame(function: "example.com/m.F", file: "/src/m/a.go", line: 3, inlined: false)), .file("a.go"))
        // -trimpath names files by module path.
        XCTAssertEqual(tree.place(Frame(function: "example.com/m/sub.G", file: "example.com/m/sub/b.go", line: 1, inlined: false)), .file("sub/b.go"))
        // A scanned package's file that is not scanned (a test file, a file since deleted).
        XCTAssertEqual(tree.place(Frame(function: "example.com/m.TestX", file: "/src/m/a_test.go", line: 9, inlined: false)), .unmatched)
        XCTAssertEqual(tree.place(Frame(function: "runtime.mallocgc", file: "/go/src/runtime/malloc.go", line: 1, inlined: false)), .outside)
        XCTAssertEqual(tree.place(Frame(function: "example.com/mother.F", file: "/x/b.go", line: 1, inlined: false)), .outside)
    }

    func testPackageOfSymbol() {
        XCTAssertEqual(ProfileTree.package(ofSymbol: "example.com/m/sub.(*T).M"), "example.com/m/sub")
        XCTAssertEqual(ProfileTree.package(ofSymbol: "example.com/m.F.func1"), "example.com/m")
        XCTAssertEqual(ProfileTree.package(ofSymbol: "example.com/m.Map[go.shape.int]"), "example.com/m")
        XCTAssertEqual(ProfileTree.package(ofSymbol: "main.main"), "main")
    }

    func index() -> ProfileSourceIndex {
        let f = FunctionRecord(id: "example.com/m.F", package: "example.com/m", receiver: "", name: "F", file: "a.go", line: 3,
                               column: 6, startLine: 3, startColumn: 1, endLine: 10, endColumn: 1, lineCount: 8,
                               statementCount: 3, directives: [], isLiteral: false, parent: nil)
        let content = RunContent(
            run: RunRecord(startedAt: Date(), finishedAt: Date(), roots: ["."], gitCommit: nil, gitBranch: nil, gitDirty: nil,
                           label: nil, engine: "gc", toolVersion: "t", goVersion: nil, goroot: nil, goos: "linux",
                           goarch: "amd64", configHash: "h", status: "ok", skipped: []),
            files: [FileRecord(path: "a.go", package: "example.com/m", sha256: "", bytes: 100, lines: 12)],
            functions: [f],
            facts: [Fact(kind: .alloc, file: "a.go", line: 5, column: 7, subject: "make([]int, n)", detail: "make-slice heap depth=1", function: f.id),
                    Fact(kind: .alloc, file: "a.go", line: 6, column: 7, subject: "new(int)", detail: "new stack depth=0", function: f.id)])
        return ProfileSourceIndex(content)
    }

    func testPositionsAreSitesUnknownOrStale() {
        let i = index()
        XCTAssertEqual(i.classify(file: "a.go", line: 5, symbol: "example.com/m.F").0, .site)
        XCTAssertEqual(i.classify(file: "a.go", line: 5, symbol: "example.com/m.F").1, "example.com/m.F")
        // A stack allocation the profile saw allocating is not a known heap site.
        XCTAssertEqual(i.classify(file: "a.go", line: 6, symbol: "example.com/m.F").0, .unknown)
        XCTAssertEqual(i.classify(file: "a.go", line: 13, symbol: "example.com/m.F").0, .stale, "past the end of the file")
        XCTAssertEqual(i.classify(file: nil, line: 5, symbol: "example.com/m.F").0, .stale, "not a scanned file")
        XCTAssertEqual(i.classify(file: "a.go", line: 11, symbol: "example.com/m.F").0, .stale, "F is no longer on line 11")
    }

    func testCPUSamplesCountOnlyUnderTheRuntimesAllocators() {
        for name in ["runtime.mallocgc", "runtime.growslice", "runtime.newobject", "runtime.makeslice", "runtime.makemap",
                     "runtime.makemap_small", "runtime.convT64", "runtime.convTstring", "runtime.concatstring2", "runtime.concatstrings"] {
            XCTAssertTrue(AllocationRuntime.contains(name), name)
        }
        for name in ["runtime.memmove", "runtime.gcBgMarkWorker", "runtime.mapassign_fast64", "example.com/m.mallocgc"] {
            XCTAssertFalse(AllocationRuntime.contains(name), name)
        }
    }

    func testGzipFailuresAreNamed() throws {
        XCTAssertThrowsError(try PprofProfile.decode(Array("hello".utf8))) { e in
            XCTAssertEqual(e as? PprofDecodeError, .gzip(.notGzip))
        }
        // A real gzip stream of "hello\n" (gzip -9n), cut before its trailer.
        let hello: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7,
                              0x02, 0x00, 0x20, 0x30, 0x3a, 0x36, 0x06, 0x00, 0x00, 0x00]
        XCTAssertEqual(try Gzip.inflate(hello), Array("hello\n".utf8))
        XCTAssertThrowsError(try Gzip.inflate(Array(hello.prefix(14)))) { e in XCTAssertEqual(e as? Gzip.Failure, .truncated) }
        var corrupt = hello
        corrupt[hello.count - 5] ^= 0xff  // the CRC
        XCTAssertThrowsError(try Gzip.inflate(corrupt)) { e in
            guard case .corrupt = e as? Gzip.Failure else { return XCTFail("\(e)") }
        }
        // gzip of bytes that are not a protobuf message.
        XCTAssertThrowsError(try PprofProfile.decode(hello)) { e in
            switch e as? PprofDecodeError {
            case .protobuf?, .inconsistent?: break
            default: XCTFail("\(e)")
            }
        }
    }

    func testExplainTargets() {
        XCTAssertEqual(ExplainTarget("example.com/m.(*T).M"), .function("example.com/m.(*T).M"))
        XCTAssertEqual(ExplainTarget("sub/a.go:12"), .position(file: "sub/a.go", line: 12))
        XCTAssertEqual(ExplainTarget("example.com/m.Parse*"), .glob(GlobPattern("example.com/m.Parse*")))
        func fn(_ id: String, _ name: String, _ file: String, _ start: Int, _ end: Int, literal: Bool = false) -> FunctionRecord {
            FunctionRecord(id: id, package: "example.com/m", receiver: "", name: name, file: file, line: start, column: 6,
                           startLine: start, startColumn: literal ? 9 : 1, endLine: end, endColumn: 1, lineCount: end - start + 1,
                           statementCount: 1, directives: [], isLiteral: literal, parent: literal ? "example.com/m.F" : nil)
        }
        let fns = [fn("example.com/m.F", "F", "a.go", 3, 20), fn("example.com/m.F.func1", "func1", "a.go", 5, 8, literal: true),
                   fn("example.com/m.ParseA", "ParseA", "b.go", 1, 4), fn("example.com/m.ParseB", "ParseB", "b.go", 6, 9)]
        XCTAssertEqual(ExplainTarget("a.go:6").select(from: fns).map(\.id), ["example.com/m.F.func1"], "innermost")
        XCTAssertEqual(ExplainTarget("a.go:12").select(from: fns).map(\.id), ["example.com/m.F"])
        XCTAssertEqual(ExplainTarget("/home/u/m/b.go:7").select(from: fns).map(\.id), ["example.com/m.ParseB"])
        XCTAssertEqual(ExplainTarget("example.com/m.Parse*").select(from: fns).map(\.id), ["example.com/m.ParseA", "example.com/m.ParseB"])
        XCTAssertEqual(ExplainTarget("F.func1").select(from: fns).map(\.id), ["example.com/m.F.func1"])
        XCTAssertEqual(ExplainTarget("a.go:30").select(from: fns), [])
    }
}
