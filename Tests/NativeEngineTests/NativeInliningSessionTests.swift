import Foundation
import XCTest
import GoLoader
import GoSyntax
import GoTypes
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

    /// The time is split by stage: every stage a package with a call, an escaping value and an
    /// allocation goes through is charged, each exactly once (exclusive time), the stages run
    /// under the session's lock and `other` add up to the time it was held.
    func testSerialTimeIsChargedToEachStageItGoesThrough() throws {
        let p = try Self.package(["a.go": """
            package p

            import "strconv"

            func Small() int { return 1 }

            func Caller(n int) *string { s := strconv.Itoa(n + Small()); return &s }
            """])
        let session = NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [p])
        XCTAssertTrue(session.serialStages.isEmpty, "nothing is charged before the first package")
        _ = try session.facts(for: p)
        _ = try session.escapeFacts(for: p)
        XCTAssertFalse(try session.allocationSites(for: p).isEmpty)
        let stages = session.serialStages
        XCTAssertEqual(stages.map(\.name), AnalysisStage.allCases.map(\.name) + ["other"])
        let outside = session.stagesOutsideLock
        XCTAssertEqual(outside.map(\.name), [AnalysisStage.typeCheck.name, AnalysisStage.lowering.name, AnalysisStage.expansion.name,
                                              AnalysisStage.escape.name, AnalysisStage.allocations.name, AnalysisStage.inliningFacts.name],
                       """
                       packages are type-checked and lowered, their shape instances and method wrappers found, cleaned up \
                       after expansion and analysed for escapes, and their allocation sites found, outside the lock
                       """)
        for stage in stages where stage.name != "other" {
            let charged = stage.seconds + (outside.first { $0.name == stage.name }?.seconds ?? 0)
            XCTAssertGreaterThan(charged, 0, "\(stage.name) is charged")
        }
        let total = stages.reduce(0) { $0 + $1.seconds }
        XCTAssertEqual(total, session.serialSeconds, accuracy: 1e-3, "\(stages)")
        XCTAssertGreaterThan(session.serialSeconds, 0, "the inliner's lock was held")
    }

    /// A scanned GOROOT package whose files the driver parsed is type-checked from those trees
    /// (the standard library is parsed once per scan), with the same facts of every pass as
    /// when the session parses the package itself.
    func testAStandardPackageParsedByTheDriverIsNotParsedAgain() throws {
        let goroot = TestSupport.goToolchain.goroot
        let files = PackageSource.selectedFiles(directory: goroot + "/src/strconv", config: PackageLocator.standardContext)
        var input = PackageInput(importPath: "strconv", name: "strconv", directory: "strconv", files: files.map {
            SourceFileInput(path: "strconv/" + ($0.path as NSString).lastPathComponent, absolutePath: $0.path, bytes: $0.bytes)
        }, isStandard: true)
        func everything(_ session: NativeInliningSession) throws -> ([String], [String], Set<NativeAllocationSite>) {
            (try session.facts(for: input).map(\.tsvLine).sorted(), try session.escapeFacts(for: input).map(\.tsvLine).sorted(),
             Set(try session.allocationSites(for: input)))
        }
        let plain = NativeInliningSession(goroot: goroot, packages: [input])
        let want = try everything(plain)
        XCTAssertEqual(plain.filesParsedOnce, 0)
        input.syntax = input.files.map { parseFile(path: $0.path, bytes: $0.bytes) }
        let reusing = NativeInliningSession(goroot: goroot, packages: [input])
        let got = try everything(reusing)
        XCTAssertGreaterThan(files.count, 3)
        XCTAssertEqual(reusing.filesParsedOnce, files.count, "every file of strconv is taken from the driver's parse")
        XCTAssertFalse(want.0.isEmpty || want.1.isEmpty || want.2.isEmpty)
        XCTAssertEqual(got.0, want.0)
        XCTAssertEqual(got.1, want.1)
        XCTAssertEqual(got.2, want.2)
    }

    /// The scanned module's packages are parsed when first checked, from the driver's trees.
    func testAModulePackageParsedByTheDriverIsNotParsedAgain() throws {
        var p = try Self.package([
            "a.go": "package p\n\nfunc Small() int { return 1 }\n",
            "b.go": "package p\n\nfunc Caller() int { return Small() }\n",
            "a_test.go": "package p\n\nfunc helper() {}\n",
        ])
        let want = try NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [p]).facts(for: p).map(\.tsvLine)
        p.syntax = p.files.map { parseFile(path: $0.path, bytes: $0.bytes) }
        let session = NativeInliningSession(goroot: TestSupport.goToolchain.goroot, packages: [p])
        XCTAssertEqual(try session.facts(for: p).map(\.tsvLine), want)
        XCTAssertEqual(session.filesParsedOnce, 2, "a.go and b.go come from the driver's parse; tests are not checked")
    }
}
