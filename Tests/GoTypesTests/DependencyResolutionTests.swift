import Foundation
import XCTest
import GoLoader
import GoTypes
import TestSupport

/// Packages a module imports from other modules are found where the go command finds them —
/// `vendor/` when the module vendors, the module cache at the required version otherwise —
/// and checked like any other package: the dumps equal go/types' (the `typesdump` oracle run
/// in the module, where go/build asks the go command). A missing dependency is one error that
/// says what to run, without follow-on errors at its uses.
final class DependencyResolutionTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-deps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // The module cache is written read-only by the go command.
        _ = try? TestSupport.run("/bin/chmod", ["-R", "u+w", root.path])
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs the oracle in `dir` on `path` and heapsight's dump of the same package.
    func assertSameDump(_ path: String, module dir: URL, environment: [String: String], cache: String?,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("typesdump")
        let want = try TestSupport.run(oracle, [path], cwd: dir, environment: go.environment(extra: environment))
        XCTAssertEqual(want.status, 0, want.err, file: file, line: line)
        var request = TypecheckRun.Request(paths: [dir.path], goroot: go.goroot, dump: path, threads: 1)
        request.moduleCache = cache
        let got = try TypecheckRun.run(request)
        let expected = want.out.split(separator: "\n", maxSplits: 1).dropFirst().first.map { String($0) } ?? ""
        XCTAssertFalse(expected.isEmpty, file: file, line: line)
        XCTAssertEqual(got.dump, expected, "dump of \(path) differs from go/types", file: file, line: line)
    }

    func testVendoredModules() throws {
        try write("m/go.mod", "module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n")
        try write("m/vendor/modules.txt", "# example.com/dep v1.0.0\n## explicit; go 1.22\nexample.com/dep\nexample.com/dep/sub\n")
        try write("m/vendor/example.com/dep/dep.go",
                  "package dep\n\nimport \"example.com/dep/sub\"\n\ntype T struct{ N sub.Count }\n\nfunc New() *T { return &T{N: 3} }\n")
        try write("m/vendor/example.com/dep/sub/sub.go", "package sub\n\ntype Count int\n")
        try write("m/a/a.go", "package a\n\nimport \"example.com/dep\"\n\nfunc F() int { t := dep.New(); return int(t.N) }\n")
        let dir = root.appendingPathComponent("m")
        try assertSameDump("example.com/m/a", module: dir, environment: [:], cache: nil)
        try assertSameDump("example.com/dep", module: dir, environment: [:], cache: nil)

        // An import no module provides: one error saying what to do, none at its uses.
        try write("m/b/b.go", "package b\n\nimport \"example.com/gone\"\n\nvar X = gone.Y\n")
        let go = TestSupport.goToolchain
        let outcome = try TypecheckRun.run(.init(paths: [dir.appendingPathComponent("b").path], goroot: go.goroot, threads: 1))
        XCTAssertEqual(outcome.errors.count, 1, outcome.errors.joined(separator: "\n"))
        XCTAssertTrue(outcome.errors.first?.hasSuffix("b.go:3:8: could not import example.com/gone (no required module provides it; add it with `go get`)") == true,
                      outcome.errors.joined(separator: "\n"))
    }

    func testModuleCacheAtTheRequiredVersion() throws {
        // A file-system module proxy; `go mod download` fills a private module cache from it,
        // so the cache has the go command's own layout (case-escaped paths, read-only files).
        let proxy = root.appendingPathComponent("proxy/example.com/!upper/@v")
        try FileManager.default.createDirectory(at: proxy, withIntermediateDirectories: true)
        let gomod = "module example.com/Upper\n\ngo 1.21\n"
        try Data(gomod.utf8).write(to: proxy.appendingPathComponent("v1.2.0.mod"))
        try Data("v1.2.0\n".utf8).write(to: proxy.appendingPathComponent("list"))
        try Data(#"{"Version":"v1.2.0","Time":"2020-01-01T00:00:00Z"}"#.utf8).write(to: proxy.appendingPathComponent("v1.2.0.info"))
        let zipper = """
        import sys, zipfile
        z = zipfile.ZipFile(sys.argv[1], "w")
        z.writestr("example.com/Upper@v1.2.0/go.mod", "module example.com/Upper\\n\\ngo 1.21\\n")
        z.writestr("example.com/Upper@v1.2.0/upper.go", "package upper\\n\\nfunc Max[T int | float64](a, b T) T {\\n\\tif a > b {\\n\\t\\treturn a\\n\\t}\\n\\treturn b\\n}\\n")
        z.writestr("example.com/Upper@v1.2.0/inner/inner.go", "package inner\\n\\nconst Limit = 1 << 10\\n")
        z.close()
        """
        let zip = try TestSupport.run("/usr/bin/env", ["python3", "-c", zipper, proxy.appendingPathComponent("v1.2.0.zip").path])
        XCTAssertEqual(zip.status, 0, zip.err)

        try write("m/go.mod", "module example.com/m\n\ngo 1.22\n\nrequire example.com/Upper v1.2.0\n")
        try write("m/a/a.go", "package a\n\nimport (\n\t\"example.com/Upper\"\n\t\"example.com/Upper/inner\"\n)\n\nfunc F(x int) int { return upper.Max(x, inner.Limit) }\n")
        let dir = root.appendingPathComponent("m")
        let cache = root.appendingPathComponent("cache").path
        let env = ["GOPROXY": "file://" + root.appendingPathComponent("proxy").path, "GOSUMDB": "off",
                   "GOMODCACHE": cache, "GOFLAGS": "-mod=mod"]
        let go = TestSupport.goToolchain
        let download = try TestSupport.run(go.go, ["mod", "download", "example.com/Upper"], cwd: dir, environment: go.environment(extra: env))
        XCTAssertEqual(download.status, 0, download.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache + "/example.com/!upper@v1.2.0/upper.go"))

        try assertSameDump("example.com/m/a", module: dir, environment: env, cache: cache)
        try assertSameDump("example.com/Upper/inner", module: dir, environment: env, cache: cache)

        // Another required version that is not in the cache: the error names it and the command.
        try write("m/go.mod", "module example.com/m\n\ngo 1.22\n\nrequire example.com/Upper v1.3.0\n")
        var request = TypecheckRun.Request(paths: [dir.path], goroot: go.goroot, threads: 1)
        request.moduleCache = cache
        let outcome = try TypecheckRun.run(request)
        // The stand-in package is named after the path's last element, `Upper`, so the use of
        // `upper` is undefined: go/types reports the same third error.
        let all = outcome.errors.joined(separator: "\n")
        XCTAssertEqual(outcome.errors.count, 3, all)
        XCTAssertEqual(outcome.errors.filter { $0.contains("module example.com/Upper@v1.3.0 is not in the module cache; run `go mod download`") }.count, 2, all)
        XCTAssertTrue(outcome.errors.last?.hasSuffix("a.go:8:28: undefined: upper") == true, all)
    }

    func testGoModDirectives() throws {
        let text = """
        module example.com/m // the main module

        go 1.22

        require (
        \texample.com/a v1.0.0
        \texample.com/b v0.3.1 // indirect
        )

        require example.com/c v2.0.0+incompatible

        replace example.com/a => ../a
        replace (
        \texample.com/b v0.3.1 => example.com/fork/b v0.3.2
        )
        """
        let m = try XCTUnwrap(ModuleFile.parse(text))
        XCTAssertEqual(m.requires.map { "\($0.path)@\($0.version)" }, ["example.com/a@v1.0.0", "example.com/b@v0.3.1", "example.com/c@v2.0.0+incompatible"])
        XCTAssertEqual(m.replacements, [
            .init(path: "example.com/a", version: nil, newPath: "../a", newVersion: nil),
            .init(path: "example.com/b", version: "v0.3.1", newPath: "example.com/fork/b", newVersion: "v0.3.2"),
        ])
        let resolver = DependencyResolver(moduleRoot: "/src/m", module: m, moduleCache: "/cache")
        XCTAssertEqual(resolver.resolve("example.com/b/x"),
                       .missing("module example.com/fork/b@v0.3.2 is not in the module cache; run `go mod download`"))
        XCTAssertEqual(resolver.resolve("example.com/other"), .notRequired)
        XCTAssertEqual(DependencyResolver.escape("github.com/Azure/Go-SDK"), "github.com/!azure/!go-!s!d!k")
    }
}
