import XCTest
@testable import GoLoader

final class GoRootLocatorTests: XCTestCase {
    func testOrderEnvironmentThenGoEnvThenConfig() throws {
        let fake = try TreeFixture(["src/fmt/print.go": "package fmt\n", "VERSION": "go1.27.3\ntime 2026\n"])
        let other = try TreeFixture(["src/x.go": "package x\n"])
        // $GOROOT wins when it has a src folder.
        let env = GoRootLocator.locate(environment: ["GOROOT": fake.root.path, "PATH": ""], configured: other.root.path)
        XCTAssertEqual(env?.path, fake.root.path)
        XCTAssertEqual(env?.version, "go1.27.3")
        XCTAssertEqual(env?.source, "$GOROOT")
        // No usable $GOROOT and no go on PATH: the configured one.
        let configured = GoRootLocator.locate(environment: ["GOROOT": "/nonexistent", "PATH": ""], configured: other.root.path)
        XCTAssertEqual(configured?.path, other.root.path)
        XCTAssertEqual(configured?.source, "config")
        XCTAssertNil(configured?.version)
        // Nothing at all: nil, which the driver reports once as a note.
        XCTAssertNil(GoRootLocator.locate(environment: ["PATH": ""], configured: nil))
    }

    func testGoEnvGOROOT() throws {
        let bin = try TreeFixture(["go": "#!/bin/sh\n[ \"$1 $2\" = \"env GOROOT\" ] && echo GOROOT_DIR\n"])
        let fake = try TreeFixture(["src/a.go": "package a\n"])
        let script = bin.root.appendingPathComponent("go")
        try String(contentsOf: script, encoding: .utf8).replacingOccurrences(of: "GOROOT_DIR", with: fake.root.path)
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let found = GoRootLocator.locate(environment: ["PATH": bin.root.path], configured: nil)
        XCTAssertEqual(found?.path, fake.root.path)
        XCTAssertEqual(found?.source, "go env GOROOT")
    }
}
