import XCTest
@testable import GoLoader

final class PackageLoaderTests: XCTestCase {
    let ctx = BuildContext(goos: "linux", goarch: "amd64", cgoEnabled: false, releaseMinor: 27)

    func load(_ fixture: TreeFixture, _ context: BuildContext? = nil, roots: [String]? = nil) throws -> LoadResult {
        try PackageLoader(context: context ?? ctx).load(roots: roots ?? [fixture.root.path])
    }

    func testModulePackagesConstraintsAndOrder() throws {
        let tree = try TreeFixture([
            "go.mod": "module example.com/m\n\ngo 1.21\n",
            "main.go": "package main\n\nimport \"example.com/m/lib\"\n\nfunc main() { lib.F() }\n",
            "main_test.go": "package main\n",
            "lib/lib.go": "package lib\n\nimport \"example.com/m/lib/inner\"\n\nfunc F() { inner.G() }\n",
            "lib/lib_windows.go": "package lib\n",
            "lib/lib_linux.go": "package lib\n",
            "lib/tagged.go": "//go:build integration\n\npackage lib\n",
            "lib/cgo.go": "package lib\n\nimport \"C\"\n",
            "lib/inner/inner.go": "package inner\n\nfunc G() {}\n",
            "lib/inner/ignored.go": "//go:build ignore\n\npackage main\n",
            "vendor/v/v.go": "package v\n",
            "testdata/t.go": "package t\n",
            ".hidden/h.go": "package h\n",
            "_under/u.go": "package u\n",
            "docs/readme.txt": "not go",
        ])
        let result = try load(tree)
        XCTAssertEqual(result.packages.map(\.importPath), ["example.com/m/lib/inner", "example.com/m/lib", "example.com/m"])
        let lib = result.packages[1]
        XCTAssertEqual(lib.files.map(\.path), ["lib/lib.go", "lib/lib_linux.go"])
        XCTAssertEqual(lib.directory, "lib")
        XCTAssertEqual(lib.module?.goVersion, "1.21")
        XCTAssertEqual(result.packages[2].files.map(\.path), ["main.go"])
        XCTAssertEqual(result.goVersion, "1.21")

        var tagged = ctx
        tagged.tags = ["integration"]
        tagged.cgoEnabled = true
        tagged.includeTests = true
        let all = try load(tree, tagged)
        XCTAssertEqual(all.packages.first { $0.importPath == "example.com/m/lib" }?.files.map(\.path),
                       ["lib/cgo.go", "lib/lib.go", "lib/lib_linux.go", "lib/tagged.go"])
        XCTAssertEqual(all.packages.first { $0.importPath == "example.com/m" }?.files.map(\.path),
                       ["main.go", "main_test.go"])
    }

    func testExternalTestPackageAndNestedModule() throws {
        let tree = try TreeFixture([
            "go.mod": "module example.com/a\n\ngo 1.27\n",
            "a.go": "package a\n",
            "a_test.go": "package a_test\n\nimport \"example.com/a\"\n",
            "sub/go.mod": "module example.com/sub\n\ngo 1.20\n",
            "sub/s.go": "package s\n",
        ])
        var withTests = ctx
        withTests.includeTests = true
        let result = try load(tree, withTests)
        XCTAssertEqual(result.packages.map(\.importPath), ["example.com/a", "example.com/a_test", "example.com/sub"])
        XCTAssertEqual(result.packages[2].module?.path, "example.com/sub")
        XCTAssertEqual(result.goVersion, "1.27")
    }

    func testBadFilesBecomeNotesAndTheRestLoads() throws {
        let tree = try TreeFixture([
            "go.mod": "module example.com/b\n",
            "good.go": "package b\n\nfunc OK() {}\n",
            "other.go": "package c\n",
            "junk.go": "this is not go\n",
            "badtag.go": "//go:build linux &&\n\npackage b\n",
        ])
        try Data([0x70, 0x61, 0xff, 0xfe, 0x00]).write(to: tree.root.appendingPathComponent("binary.go"))
        let result = try load(tree)
        XCTAssertEqual(result.packages.map(\.importPath), ["example.com/b"])
        XCTAssertEqual(result.packages[0].files.map(\.path), ["good.go"])
        let byPath = Dictionary(grouping: result.notes, by: \.path)
        XCTAssertTrue(byPath["binary.go"]?.first?.message.contains("UTF-8") ?? false)
        XCTAssertTrue(byPath["junk.go"]?.first?.message.contains("no package clause") ?? false)
        XCTAssertTrue(byPath["other.go"]?.first?.message.contains("package c") ?? false)
        XCTAssertTrue(byPath["badtag.go"]?.first?.message.contains("//go:build") ?? false)
    }

    func testNotesAndFilesKeepWalkOrderWhateverThreadReadThem() throws {
        // Files are read on several threads (`TreeWalk.readAll`): notes still come in walk
        // order (a directory's entries by name, then its subdirectories), each package's files
        // by name, packages in the order the walk made them before sorting bottom-up.
        var files: [String: String] = ["go.mod": "module example.com/o\n"]
        for d in ["a", "a/x", "b", "c"] {
            for i in 0..<23 { files["\(d)/f\(i < 10 ? "0" : "")\(i).go"] = "package \(d.replacingOccurrences(of: "/", with: ""))\n" }
            files["\(d)/junk.go"] = "this is not go\n"
            files["\(d)/badtag.go"] = "//go:build linux &&\n\npackage p\n"
        }
        files["b/go.mod"] = "// no module line\n"
        files["c/other.go"] = "package zz\n"
        let tree = try TreeFixture(files)
        let result = try load(tree)
        XCTAssertEqual(result.packages.map(\.importPath).sorted(), ["example.com/o/a", "example.com/o/a/x", "example.com/o/b", "example.com/o/c"])
        for p in result.packages {
            XCTAssertEqual(p.files.map(\.path), (0..<23).map { "\(p.directory)/f\($0 < 10 ? "0" : "")\($0).go" })
        }
        XCTAssertEqual(result.notes.map(\.path), ["a/badtag.go", "a/junk.go", "a/x/badtag.go", "a/x/junk.go",
                                                  "b/go.mod", "b/badtag.go", "b/junk.go",
                                                  "c/badtag.go", "c/junk.go", "c/other.go"])
        XCTAssertEqual(try load(tree).notes, result.notes)
    }

    func testRootErrors() throws {
        let tree = try TreeFixture(["x.txt": "hello", "go.mod": "module m\n"])
        XCTAssertThrowsError(try load(tree, roots: [tree.root.path + "/missing"])) { error in
            XCTAssertEqual(error as? LoadError, .missingPath(tree.root.path + "/missing"))
        }
        XCTAssertThrowsError(try load(tree, roots: [tree.root.path + "/x.txt"])) { error in
            XCTAssertEqual(error as? LoadError, .notGoSource(tree.root.path + "/x.txt"))
        }
        let loop = tree.root.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        XCTAssertThrowsError(try load(tree, roots: [loop])) { error in
            XCTAssertEqual(error as? LoadError, .symlinkLoop(loop))
        }
        // A looping link inside the tree does not stop the scan.
        XCTAssertNoThrow(try load(tree))
    }

    func testSymlinkedDirectoryIsIgnoredLikeTheGoTool() throws {
        let tree = try TreeFixture(["go.mod": "module m\n", "a/a.go": "package a\n"])
        try FileManager.default.createSymbolicLink(atPath: tree.root.appendingPathComponent("b").path,
                                                   withDestinationPath: tree.root.appendingPathComponent("a").path)
        let result = try load(tree)
        XCTAssertEqual(result.packages.map(\.importPath), ["m/a"])
        XCTAssertTrue(result.notes.contains { $0.path == "b" && $0.message.contains("symbolic link") })
    }

    func testSingleFileRoot() throws {
        let tree = try TreeFixture(["one.go": "package main\n\nfunc main() {}\n", "two.go": "package main\n"])
        let result = try load(tree, roots: [tree.root.appendingPathComponent("one.go").path])
        XCTAssertEqual(result.packages.map(\.importPath), ["command-line-arguments"])
        XCTAssertEqual(result.packages[0].files.map(\.path), ["one.go"])
    }

    func testImportCycleIsANote() throws {
        let tree = try TreeFixture([
            "go.mod": "module m\n",
            "x/x.go": "package x\n\nimport \"m/y\"\n",
            "y/y.go": "package y\n\nimport \"m/x\"\n",
            "z/z.go": "package z\n",
        ])
        let result = try load(tree)
        XCTAssertEqual(result.packages.map(\.importPath), ["m/z", "m/x", "m/y"])
        XCTAssertEqual(result.notes.filter { $0.message.contains("cycle") }.count, 2)
    }
}

final class WorkspaceLoaderTests: XCTestCase {
    func testGoWorkUsesModulesOutsideTheScannedFolders() throws {
        let tree = try TreeFixture([
            "ws/go.work": "go 1.27\n\nuse (\n\t./app\n\t../shared\n)\n",
            "ws/app/go.mod": "module example.com/app\n\ngo 1.27\n",
            "ws/app/main.go": "package main\n\nimport \"example.com/shared\"\n\nfunc main() { shared.S() }\n",
            "shared/go.mod": "module example.com/shared\n\ngo 1.21\n",
            "shared/s.go": "package shared\n\nfunc S() {}\n",
        ])
        let ws = tree.root.appendingPathComponent("ws").path
        let result = try PackageLoader(context: BuildContext(goos: "linux", goarch: "amd64")).load(roots: [ws])
        XCTAssertEqual(result.workspace?.uses, ["./app", "../shared"])
        XCTAssertEqual(result.packages.map(\.importPath), ["example.com/shared", "example.com/app"])
        XCTAssertEqual(result.packages[1].files.map(\.path), ["app/main.go"])
        // A module outside the base folder keeps absolute paths, like any file outside the root.
        XCTAssertEqual(result.packages[0].files.map(\.path), [tree.root.appendingPathComponent("shared/s.go").path])
        XCTAssertEqual(result.goVersion, "1.27")
    }
}
