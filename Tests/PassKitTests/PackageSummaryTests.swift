import XCTest
@testable import PassKit

final class PackageSummaryTests: XCTestCase {
    struct Costs: Codable, Sendable, Equatable { var costs: [String: Int] }

    static let v1 = SummaryKind<Costs>(name: "test.costs", version: 1)
    static let v2 = SummaryKind<Costs>(name: "test.costs", version: 2)

    func input(_ path: String, imports: [String] = []) -> PackageInput {
        var p = PackageInput(importPath: path, name: String(path.split(separator: "/").last!), directory: path, files: [])
        p.imports = imports
        return p
    }

    /// A pass on a dependent package reads the summary the same pass exported on its import,
    /// through the driver's order (the import first) and the run-wide summaries.
    func testADependentReadsItsImportsSummary() throws {
        let pass = PassDescriptor<Int>(name: "costs", doc: "Costs, summed over imports.") { context in
            var total = context.package.importPath.count
            for path in context.package.imports { total += try context.summary(Self.v1, of: path)?.costs["F"] ?? 0 }
            return PassOutput(result: total, summaries: [try Self.v1.encode(Costs(costs: ["F": total]))])
        }
        let summaries = PackageSummaries()
        var results: [String: Int] = [:]
        for package in [input("a/b"), input("a/c", imports: ["a/b", "not/analysed"])] {
            let out = try pass.run(PassContext(package: package, engine: .native, summaries: summaries))
            summaries.record(out.summaries, for: package.importPath)
            results[package.importPath] = out.result
        }
        XCTAssertEqual(results["a/b"], 3)
        XCTAssertEqual(results["a/c"], 3 + 3, "a/c adds a/b's exported cost; a package not analysed has no summary")
        XCTAssertNil(try summaries.summary(Self.v1, for: "not/analysed"))
    }

    /// A summary is decoded once and read from then on; a package that exports it again is read
    /// anew, never as the value decoded before.
    func testAReRecordedSummaryReplacesTheDecodedOne() throws {
        let summaries = PackageSummaries()
        summaries.record([try Self.v1.encode(Costs(costs: ["F": 7]))], for: "a/b")
        XCTAssertEqual(try summaries.summary(Self.v1, for: "a/b"), Costs(costs: ["F": 7]))
        XCTAssertEqual(try summaries.summary(Self.v1, for: "a/b"), Costs(costs: ["F": 7]))
        summaries.record([try Self.v1.encode(Costs(costs: ["F": 9]))], for: "a/b")
        XCTAssertEqual(try summaries.summary(Self.v1, for: "a/b"), Costs(costs: ["F": 9]))
    }

    func testASummaryOfAnotherVersionIsRejected() throws {
        let summaries = PackageSummaries()
        summaries.record([try Self.v1.encode(Costs(costs: ["F": 7]))], for: "a/b")
        XCTAssertEqual(try summaries.summary(Self.v1, for: "a/b"), Costs(costs: ["F": 7]))
        XCTAssertThrowsError(try summaries.summary(Self.v2, for: "a/b")) {
            XCTAssertEqual($0 as? SummaryError, .versionMismatch(name: "test.costs", package: "a/b", found: 1, expected: 2))
            XCTAssertTrue("\($0)".contains("rescan"))
        }
    }

    /// Reads which summaries were decoded: decoding marks the value.
    struct Probe: Codable, Sendable, Equatable {
        var n: Int
        var decoded = false
        init(n: Int) { self.n = n }
        init(from decoder: any Decoder) throws {
            n = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .n)
            decoded = true
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(n, forKey: .n)
        }
        private enum CodingKeys: String, CodingKey { case n }
    }

    /// A summary this process encoded is read back as the value itself; one restored from its
    /// bytes (a store's) is decoded; the value is never compared, hashed or stored.
    func testASummaryEncodedInThisProcessIsReadWithoutDecoding() throws {
        let kind = SummaryKind<Probe>(name: "test.probe", version: 1)
        let encoded = try kind.encode(Probe(n: 5))
        let summaries = PackageSummaries()
        summaries.record([encoded], for: "a/b")
        XCTAssertEqual(try summaries.summary(kind, for: "a/b"), Probe(n: 5))
        summaries.record([EncodedSummary(name: kind.name, version: kind.version, bytes: encoded.bytes)], for: "a/c")
        XCTAssertEqual(try summaries.summary(kind, for: "a/c")?.decoded, true)
        XCTAssertEqual(EncodedSummary(name: kind.name, version: kind.version, bytes: encoded.bytes), encoded)
        XCTAssertEqual(Set([encoded, EncodedSummary(name: kind.name, version: kind.version, bytes: encoded.bytes)]).count, 1)
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(encoded), as: UTF8.self).contains("value"), false)
        // Replaced by another version: the value of the old one is not read any more.
        let v2 = SummaryKind<Probe>(name: "test.probe", version: 2)
        summaries.record([try v2.encode(Probe(n: 6))], for: "a/b")
        XCTAssertEqual(try summaries.summary(v2, for: "a/b"), Probe(n: 6))
        XCTAssertThrowsError(try summaries.summary(kind, for: "a/b")) {
            XCTAssertEqual($0 as? SummaryError, .versionMismatch(name: "test.probe", package: "a/b", found: 2, expected: 1))
        }
    }

    func testEncodingIsDeterministicAndChecksTheKind() throws {
        let value = Costs(costs: ["b": 2, "a": 1, "c": 3])
        XCTAssertEqual(try Self.v1.encode(value), try Self.v1.encode(Costs(costs: ["c": 3, "a": 1, "b": 2])))
        XCTAssertEqual(String(decoding: try Self.v1.encode(value).bytes, as: UTF8.self), #"{"costs":{"a":1,"b":2,"c":3}}"#)
        let other = SummaryKind<Costs>(name: "test.other", version: 1)
        XCTAssertThrowsError(try other.decode(try Self.v1.encode(value), package: "p")) {
            XCTAssertEqual($0 as? SummaryError, .wrongKind(package: "p", expected: "test.other", found: "test.costs"))
        }
        let garbage = EncodedSummary(name: "test.costs", version: 1, bytes: Array("[1]".utf8))
        XCTAssertThrowsError(try Self.v1.decode(garbage, package: "p")) {
            guard case .undecodable = $0 as? SummaryError else { return XCTFail("\($0)") }
        }
    }
}
