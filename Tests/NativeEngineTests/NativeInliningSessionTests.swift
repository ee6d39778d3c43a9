import Foundation
import XCTest
import NativeEngine
import PassKit
import TestSupport

/// The session the driver hands the inlining pass under the native engine.
final class NativeInliningSessionTests: XCTestCase {
    static func package(_ files: [String: String]) throws -> PackageInput {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var inputs: [SourceFileInput] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            inputs.append(SourceFileInput(path: name, absolutePath: url.path, bytes: Array(text.utf8)))
        }
        return PackageInput(importPath: "example.com/p", name: "p", directory: "", files: inputs)
    }

    func testAPackageWithTypeErrorsFailsEveryNativePassWithTheFirstError() throws {
        let p = try Self.package(["a.go": "package p\n\nfunc F() int { return undefinedName }\n"])
        let session = NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [p])
        let calls: [() throws -> Int] = [{ try session.facts(for: p).count }, { try session.escapeFacts(for: p).count },
                                         { try session.allocationSites(for: p).count }]
        for call in calls {
            XCTAssertThrowsError(try call()) { error in
                let e = error as? NativeInliningSession.PackageDoesNotTypeCheck
                XCTAssertEqual(e?.path, "example.com/p")
                XCTAssertTrue("\(error)".contains("does not type-check") && "\(error)".contains("undefined"), "\(error)")
            }
        }
    }

    func testFactsUseThePackagesRelativePathsAndSkipTestFiles() throws {
        let p = try Self.package([
            "a.go": "package p\n\nfunc Small() int { return 1 }\n\nfunc Caller() int { return Small() }\n",
            "a_test.go": "package p\n\nfunc helper() {}\n",
        ])
        let session = NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [p])
        let facts = try session.facts(for: p)
        // Costs as go build -gcflags=-m=2 prints them: `return 1` is 2; the call adds Small's 2
        // plus the call node and the name.
        XCTAssertEqual(Set(facts.map(\.tsvLine)), [
            "a.go\t3\t6\tcan-inline\tSmall\tcost=2",
            "a.go\t5\t6\tcan-inline\tCaller\tcost=5",
            "a.go\t5\t33\tinline-call\tSmall\t",
        ])
    }
}
