import Foundation
import TestSupport
import XCTest
@testable import GoLoader

/// Legacy `// +build` lines: which files of a package take part in the build must equal what
/// `go list` says (the oracle), for the placements and syntaxes the go tool distinguishes.
final class PlusBuildTests: XCTestCase {
    static let files: [String: String] = [
        "go.mod": "module example.com/legacy\n\ngo 1.16\n",
        "p/a_plain.go": "package p\n",
        "p/b_linux_tag.go": "// +build linux\n\npackage p\n",
        "p/c_windows_tag.go": "// +build windows\n\npackage p\n",
        "p/d_and_not.go": "// +build linux,!amd64\n\npackage p\n",
        "p/e_or.go": "// +build windows linux\n\npackage p\n",
        "p/f_two_lines.go": "// +build linux\n// +build ignore\n\npackage p\n",
        "p/g_doc_comment.go": "// +build windows\npackage p\n",
        "p/h_after_copyright.go": "// Copyright 2020.\n\n// +build windows\n\n// Package p.\npackage p\n",
        "p/i_gobuild_wins.go": "//go:build linux\n// +build windows\n\npackage p\n",
        "p/j_no_space.go": "//+build windows\n\npackage p\n",
        "p/k_not_a_tag.go": "// +buildwindows\n\npackage p\n",
        "p/l_after_block.go": "/* block */\n// +build windows\n\npackage p\n",
        "p/m_negated.go": "// +build !linux\n\npackage p\n",
        "p/n_release.go": "// +build go1.20\n\npackage p\n",
        "p/o_bad_term.go": "// +build linux,!!amd64\n\npackage p\n",
        "p/q_options.go": "// +build darwin,amd64 linux,amd64\n\npackage p\n",
        "p/r_late_blank.go": "// +build windows\n// more text\n\n/* doc */\npackage p\n",
    ]

    func testFileSelectionMatchesGoList() throws {
        let fixture = try TreeFixture(PlusBuildTests.files)
        let go = TestSupport.goToolchain
        let listed = try TestSupport.run(go.go, ["list", "-f", "{{join .GoFiles \" \"}}", "./p"], cwd: fixture.root,
                                         environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64", "GOFLAGS": "-mod=mod"]))
        XCTAssertEqual(listed.status, 0, listed.err)
        let expected = listed.out.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).sorted()

        let ctx = BuildContext(goos: "linux", goarch: "amd64", cgoEnabled: false, releaseMinor: 27)
        let result = try PackageLoader(context: ctx).load(roots: [fixture.root.path])
        let package = try XCTUnwrap(result.packages.first { $0.importPath == "example.com/legacy/p" })
        let actual = package.files.map { ($0.path as NSString).lastPathComponent }.sorted()
        XCTAssertEqual(actual, expected)
        // The oracle's answer is not trivial: some files are in, some out.
        XCTAssertTrue(expected.contains("b_linux_tag.go") && !expected.contains("c_windows_tag.go"), "\(expected)")
    }

    func testLegacySyntax() {
        let linux = BuildContext(goos: "linux", goarch: "amd64", cgoEnabled: false, releaseMinor: 27)
        XCTAssertTrue(BuildConstraint.parsePlusBuild("windows linux").evaluate(in: linux))
        XCTAssertFalse(BuildConstraint.parsePlusBuild("linux,386").evaluate(in: linux))
        XCTAssertTrue(BuildConstraint.parsePlusBuild("!windows,amd64").evaluate(in: linux))
        XCTAssertFalse(BuildConstraint.parsePlusBuild("").evaluate(in: linux))
        XCTAssertFalse(BuildConstraint.parsePlusBuild("linux,!!amd64").evaluate(in: linux))
        XCTAssertEqual(FileHeader.read(Array("// +build a b\n// +build c\n\npackage p\n".utf8)).plusBuildLines, ["a b", "c"])
        XCTAssertEqual(FileHeader.read(Array("// +build a\npackage p\n".utf8)).plusBuildLines, [])
    }
}
