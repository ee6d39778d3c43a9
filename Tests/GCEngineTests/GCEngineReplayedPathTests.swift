import Foundation
import XCTest
import GCEngine
import PassKit
import TestSupport

/// The go build cache replays a package's compiler text exactly as the first compile printed
/// it, and the go command prints paths relative to the folder it ran in when that is shorter.
/// So a scan whose packages were first compiled by someone else (a `go build -gcflags=-m=2 .`
/// in the package's folder, a build from `/`, a workspace build from far away) reads paths
/// relative to a folder that is not the module root, or absolute. Each case here fills a
/// private cache with the real go command from another folder, checks that the text really has
/// the form under test, and then requires the engine's facts from the replay to be the facts
/// of a fresh compile.
final class GCEngineReplayedPathTests: XCTestCase {
    private let go = TestSupport.goToolchain

    /// A package at the module root and one in `sub/`, with a file of the same name in each: a
    /// `./x.go` read against the wrong folder names the other package's file.
    private let rootSource = "package scratch\n\ntype T struct{ n int }\n\nfunc New(n int) *T { return &T{n} }\n"
    private let subSource = "package sub\n\nfunc Leak(n int) *int { x := n; return &x }\n\nfunc Box(n int) any { return n }\n"

    private func engineCompile(root: String, packages: [PackageInput], cache: String) -> GCCompilation {
        var configuration = FixtureRuns.configuration()
        configuration.environment["GOCACHE"] = cache
        configuration.environment["GOWORK"] = "off"
        return GCEngine.compile(root: root, packages: packages, configuration: configuration)
    }

    /// Runs `go build -gcflags=-m=2 ARGS` (the engine's flags) from `cwd` into `cache`, and
    /// returns its text.
    private func prime(cache: String, cwd: String, arguments: [String], extra: [String: String] = [:]) throws -> String {
        let env = go.environment(extra: ["GOCACHE": cache, "GOWORK": "off"].merging(extra) { $1 })
        let r = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-m=2"] + arguments,
                                    cwd: URL(fileURLWithPath: cwd), environment: env)
        XCTAssertEqual(r.status, 0, r.err)
        return r.err
    }

    private func positionedPaths(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("#"), let r = line.range(of: ".go:") else { return nil }
            return String(line[..<r.lowerBound]) + ".go"
        })
    }

    private func assertSameFacts(_ replayed: GCCompilation, _ fresh: GCCompilation, _ form: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(replayed.failedPackages, [], form, file: file, line: line)
        XCTAssertEqual(replayed.allFacts.map(\.tsvLine), fresh.allFacts.map(\.tsvLine), form, file: file, line: line)
        XCTAssertEqual(replayed.allFacts.map(\.explanation), fresh.allFacts.map(\.explanation), form, file: file, line: line)
    }

    func testModulePathsPrintedFromAnotherFolderGiveTheFactsOfAFreshCompile() throws {
        let root = try FixtureRuns.scratchModule(["x.go": rootSource, "sub/x.go": subSource, "other/README": "\n"])
        let scratch = root + "-caches"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: scratch) }
        let packages = [PackageInput(importPath: "example.com/scratch", name: "scratch", directory: "", files: []),
                        PackageInput(importPath: "example.com/scratch/sub", name: "sub", directory: "sub", files: [])]

        let fresh = engineCompile(root: root, packages: packages, cache: scratch + "/fresh")
        XCTAssertEqual(fresh.failedPackages, [], "\(fresh.diagnostics)")
        XCTAssertEqual(Set(fresh.allFacts.map(\.file)), ["x.go", "sub/x.go"], "\(fresh.allFacts.map(\.tsvLine))")
        XCTAssertTrue(fresh.allFacts.contains { $0.file == "sub/x.go" && $0.kind == .movedToHeap && !$0.explanation.isEmpty })

        // A workspace lets the go command build the module's packages from any folder.
        let work = scratch + "/go.work"
        let deep = scratch + "/deep/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try "go 1.27\n\nuse \(root)\n".write(toFile: work, atomically: true, encoding: .utf8)
        let importPaths = packages.map(\.importPath)
        let cases: [(form: String, cwd: String, arguments: [String], extra: [String: String], expect: (Set<String>) -> Bool)] = [
            ("./ from the package's folder", root + "/sub", ["./", "../"], [:], { $0 == ["./x.go", "../x.go"] }),
            ("../ from a sibling folder", root + "/other", ["../sub", ".."], [:], { $0 == ["../sub/x.go", "../x.go"] }),
            ("relative to /", "/", importPaths, ["GOWORK": work],
             { $0 == [String((root + "/sub/x.go").dropFirst()), String((root + "/x.go").dropFirst())] }),
            ("absolute", deep, importPaths, ["GOWORK": work], { $0 == [root + "/sub/x.go", root + "/x.go"] }),
        ]
        for (i, c) in cases.enumerated() {
            let cache = scratch + "/cache\(i)"
            let printed = positionedPaths(try prime(cache: cache, cwd: c.cwd, arguments: c.arguments, extra: c.extra))
            XCTAssertTrue(c.expect(printed), "\(c.form): the go command printed \(printed.sorted())")
            let replayed = engineCompile(root: root, packages: packages, cache: cache)
            assertSameFacts(replayed, fresh, c.form)
        }
    }

    func testStandardLibraryPathsPrintedFromAboveGOROOTGiveTheFactsOfAFreshCompile() throws {
        let source = URL(fileURLWithPath: go.goroot + "/src").standardizedFileURL.path
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-gc-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let packages = [PackageInput(importPath: "container/list", name: "list", directory: "container/list", files: [],
                                     isStandard: true)]

        let fresh = engineCompile(root: source, packages: packages, cache: scratch + "/fresh")
        XCTAssertEqual(fresh.failedPackages, [], "\(fresh.diagnostics)")
        XCTAssertEqual(Set(fresh.allFacts.map(\.file)), ["container/list/list.go"])

        // From `/`, GOROOT lies below the go command's folder: the paths are relative to `/`.
        let cache = scratch + "/replay"
        let printed = positionedPaths(try prime(cache: cache, cwd: "/", arguments: ["container/list"]))
        XCTAssertEqual(printed, [String((source + "/container/list/list.go").dropFirst())])
        assertSameFacts(engineCompile(root: source, packages: packages, cache: cache), fresh, "GOROOT relative to /")
    }
}
