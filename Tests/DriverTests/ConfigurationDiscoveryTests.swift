import Foundation
import XCTest
@testable import Driver

/// scan, check and report find their configuration by one rule (`Configuration.discover`).
final class ConfigurationDiscoveryTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hs-discover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        try "engine: gc\npolicy:\n  budgets:\n    - packages: \"*\"\n      max-heap-sites: 3\n"
            .write(to: root.appendingPathComponent("heapsight.yml"), atomically: true, encoding: .utf8)
        try "package p\n".write(to: root.appendingPathComponent("p.go"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testFolderRootUsesItsHeapsightYML() throws {
        let config = try Configuration.discover(configPath: nil, roots: [root.path])
        XCTAssertEqual(config.engine, .gc)
        XCTAssertEqual(config.path, root.appendingPathComponent("heapsight.yml").path)
        let settings = try CheckSettings(configuration: config)
        XCTAssertEqual(settings.policy.budgets.count, 1)
    }

    func testFileRootUsesTheFileFolder() throws {
        let config = try Configuration.discover(configPath: nil, roots: [root.appendingPathComponent("p.go").path])
        XCTAssertEqual(config.engine, .gc)
    }

    func testFolderWithoutConfigurationGivesDefaults() throws {
        let config = try Configuration.discover(configPath: nil, roots: [root.appendingPathComponent("pkg").path])
        XCTAssertNil(config.path)
        XCTAssertEqual(config.engine, .native)
    }

    func testExplicitPathWinsAndAMissingOneIsAnError() throws {
        let other = root.appendingPathComponent("other.yml")
        try "engine: native\n".write(to: other, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Configuration.discover(configPath: other.path, roots: [root.path]).engine, .native)
        XCTAssertThrowsError(try Configuration.discover(configPath: root.appendingPathComponent("nope.yml").path,
                                                        roots: [root.path]))
    }

    func testPolicyErrorsNameTheFileAndTheKey() throws {
        let bad = root.appendingPathComponent("bad.yml")
        try "policy:\n  budgets:\n    - packages: \"*\"\n      max-heap-site: 3\n".write(to: bad, atomically: true, encoding: .utf8)
        // Reading the file already checks the policy, for every command alike.
        XCTAssertThrowsError(try Configuration.discover(configPath: bad.path, roots: [root.path])) { error in
            let e = error as? ConfigurationError
            XCTAssertEqual(e?.keyPath, "policy.budgets[0].max-heap-site")
            XCTAssertEqual(e?.file, bad.path)
            XCTAssertTrue(String(describing: error).hasPrefix("\(bad.path): policy.budgets[0].max-heap-site: "))
        }
    }
}
