import PassKit
import TestSupport
import XCTest
@testable import Driver
import enum GoSyntax.SHA256

final class ConfigurationTests: XCTestCase {
    func parse(_ yaml: String) throws -> Configuration {
        try Configuration.parse(bytes: Array(yaml.utf8), file: "heapsight.yml")
    }

    func testFullConfiguration() throws {
        let c = try parse("""
        engine: gc
        goos: linux
        goarch: arm64
        go:
          command: /opt/go/bin/go
          goroot: /opt/go
          tags: [integration, fast]
          cgo: true
        passes:
          functions:
            enabled: false
        plugins:
          - name: my-pass
            command: [python3, tools/pass.py, --strict]
            timeout: 2.5
            settings:
              level: high
        policy:
          budgets:
            - max-heap-sites: 3
        report:
          formats: [html]
        """)
        XCTAssertEqual(c.engine, .gc)
        XCTAssertEqual(c.goos, "linux")
        XCTAssertEqual(c.goarch, "arm64")
        XCTAssertEqual(c.go.command, "/opt/go/bin/go")
        XCTAssertEqual(c.go.goroot, "/opt/go")
        XCTAssertEqual(c.go.tags, ["integration", "fast"])
        XCTAssertTrue(c.go.cgo)
        XCTAssertFalse(c.isEnabled("functions"))
        XCTAssertTrue(c.isEnabled("escape"))
        XCTAssertEqual(c.plugins.first?.command, ["python3", "tools/pass.py", "--strict"])
        XCTAssertEqual(c.plugins.first?.timeout, 2.5)
        XCTAssertEqual(c.plugins.first?.settings, ["level": "high"])
        XCTAssertNotNil(c.policy)
        XCTAssertNotNil(c.report)
        XCTAssertEqual(c.hash.count, 64)
    }

    /// The policy and report sections are checked when the file is read, by every command: a
    /// value `check` would reject is rejected by `scan` too.
    func testPolicyAndReportSectionsAreValidatedOnLoad() {
        let cases: [(String, String)] = [
            ("policy:\n  inline-budget: \"eighty\"\n", "policy.inline-budget"),
            ("policy:\n  budgets:\n    - max-moved-to-heap: -2\n", "policy.budgets[0].max-moved-to-heap"),
            ("policy:\n  budgets: {}\n", "policy.budgets"),
            ("report:\n  html: true\n", "report.html"),
        ]
        for (yaml, key) in cases {
            XCTAssertThrowsError(try parse(yaml), yaml) { error in
                XCTAssertEqual((error as? ConfigurationError)?.keyPath, key, "\(error)")
                XCTAssertEqual((error as? ConfigurationError)?.file, "heapsight.yml")
            }
        }
    }

    func testEmptyFileIsTheDefaults() throws {
        let c = try parse("# nothing\n")
        XCTAssertEqual(c.engine, .native)
        XCTAssertTrue(c.plugins.isEmpty)
    }

    func testUnknownKeysNameTheirPath() {
        let cases: [(String, String)] = [
            ("engnie: gc\n", "engnie"),
            ("go:\n  tgas: [x]\n", "go.tgas"),
            ("plugins:\n  - name: a\n    command: x\n    timout: 3\n", "plugins[0].timout"),
        ]
        for (yaml, path) in cases {
            XCTAssertThrowsError(try parse(yaml), yaml) { error in
                let e = error as? ConfigurationError
                XCTAssertEqual(e?.keyPath, path)
                XCTAssertTrue(String(describing: error).contains("unknown key"), "\(error)")
            }
        }
    }

    func testBadValues() {
        for yaml in ["engine: turbo\n", "go:\n  cgo: maybe\n", "plugins:\n  - name: Bad Name\n    command: x\n",
                     "plugins:\n  - name: ok\n", "plugins:\n  - name: ok\n    command: x\n    timeout: -1\n",
                     "engine: [a, b]\n", "passes: 3\n", "key: [unclosed\n"] {
            XCTAssertThrowsError(try parse(yaml), yaml)
        }
    }

    func testPassKeysAreCheckedAgainstDescriptors() throws {
        let pass = PassDescriptor<Int>(name: "inlining", doc: "Inlining.",
                                       configKeys: [ConfigKey(name: "budget", doc: "Budget.", defaultValue: "80")]) { _ in
            PassOutput(result: 0)
        }.erased
        XCTAssertNoThrow(try parse("passes:\n  inlining:\n    budget: 90\n").validate(passes: [pass]))
        XCTAssertThrowsError(try parse("passes:\n  inlining:\n    budgte: 90\n").validate(passes: [pass])) {
            XCTAssertEqual(($0 as? ConfigurationError)?.keyPath, "passes.inlining.budgte")
        }
        XCTAssertThrowsError(try parse("passes:\n  inlinnig: {}\n").validate(passes: [pass])) {
            XCTAssertEqual(($0 as? ConfigurationError)?.keyPath, "passes.inlinnig")
        }
        XCTAssertThrowsError(try parse("plugins:\n  - name: inlining\n    command: x\n").validate(passes: [pass]))
    }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex(of: []), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

final class ShippedConfigurationTests: XCTestCase {
    /// `config/heapsight.yml` documents the defaults: it must load, pass validation against the
    /// built-in passes, and mean exactly the built-in defaults for the scan's own keys.
    func testShippedConfigurationIsValidAndIsTheDefaults() throws {
        let path = TestSupport.repoRoot.appendingPathComponent("config/heapsight.yml").path
        let shipped = try Configuration.load(path: path)
        XCTAssertNoThrow(try shipped.validate(passes: PassCatalog.builtIn))
        let defaults = Configuration()
        XCTAssertEqual(shipped.engine, defaults.engine)
        XCTAssertEqual(shipped.go, defaults.go)
        XCTAssertEqual(shipped.goos, defaults.goos)
        XCTAssertEqual(shipped.goarch, defaults.goarch)
        XCTAssertEqual(shipped.plugins, defaults.plugins)
        XCTAssertEqual(shipped.store, defaults.store)
        for pass in PassCatalog.builtIn {
            XCTAssertTrue(shipped.isEnabled(pass.name), pass.name)
        }
    }

    func testExampleConfigurationConfiguresThePlugin() throws {
        let path = TestSupport.repoRoot.appendingPathComponent("Examples/heapsight.yml").path
        let example = try Configuration.load(path: path)
        XCTAssertEqual(example.plugins.map(\.name), ["fmt-calls"])
        XCTAssertEqual(example.engine, .native, "the example shows the compiler's decisions without running it")
        XCTAssertNoThrow(try example.validate(passes: PassCatalog.builtIn))
    }
}
