import Foundation
import XCTest
import GoSyntax
import GoTypes
import TestSupport

/// Go's own tests that must compile (`$GO_TEST/typeparam/*.go` and `$GO_TEST/fixedbugs/*.go`
/// with a `// run` or `// compile` header, from Debian's golang-1.19-src): the checks that
/// reject wrong programs must not reject these. Every file is its own package; a file on which
/// we report an error while go/types (the oracle) reports none must be one of the known gaps
/// below.
final class ValidProgramTests: XCTestCase {
    /// Generic programs we still reject wrongly, with the reason (gaps in inference and core types).
    static let knownGenericGaps: [String: String] = [
        "issue50264.go": "inference through a generic function argument's own type parameters",
        "issue51909.go": "inference from a constraint's core type through a generic interface",
        "typelist.go": "partially instantiated generic functions as values; inference from core types",
    ]

    /// Other programs we still reject wrongly.
    static let knownFixedBugGaps: [String: String] = [
        "issue7419.go": "float constants beyond the range our constants hold (1e-779137)",
    ]

    /// Files left out: go/types itself takes minutes on them. `issue11326b.go` (constants such
    /// as 1e646456992) we also reject, as `issue7419.go`.
    static let unchecked: Set<String> = ["issue11326b.go"]

    func testValidGenericProgramsAreAccepted() throws {
        let (count, wronglyRejected) = try Self.wronglyRejected(in: "typeparam")
        XCTAssertGreaterThan(count, 100, "corpus looks incomplete")
        for (name, errors) in wronglyRejected.sorted(by: { $0.key < $1.key }) where Self.knownGenericGaps[name] == nil {
            XCTFail("\(name): errors go/types does not report: \(errors)")
        }
    }

    /// `fixedbugs/`: a parenthesised blank assignment target (`(_) = 0`), parenthesised
    /// statement calls of built-ins (`(close(c))`), `iota` inside a function literal in a
    /// constant declaration, a defined type declared from one whose declaration is in progress
    /// (`type T1 struct{ Next *T2 }; type T2 T1`) were each rejected before.
    func testValidFixedBugProgramsAreAccepted() throws {
        let (count, wronglyRejected) = try Self.wronglyRejected(in: "fixedbugs")
        XCTAssertGreaterThan(count, 900, "corpus looks incomplete")
        for (name, errors) in wronglyRejected.sorted(by: { $0.key < $1.key }) where Self.knownFixedBugGaps[name] == nil {
            XCTFail("\(name): errors go/types does not report: \(errors)")
        }
    }

    /// The standalone files of `$GO_TEST/SUBDIRECTORY` that must compile, how many were checked,
    /// and those we report errors in while go/types reports none, with our errors.
    static func wronglyRejected(in subdirectory: String) throws -> (count: Int, files: [String: [String]]) {
        let fm = FileManager.default
        let corpus = ErrorcheckCorpusTests.corpus + "/" + subdirectory
        guard let names = try? fm.contentsOfDirectory(atPath: corpus) else {
            throw XCTSkip("Go's test corpus is not installed (apt-get install golang-1.19-src)")
        }
        let root = fm.temporaryDirectory.appendingPathComponent("heapsight-valid-\(subdirectory)-\(getpid())")
        try? fm.removeItem(at: root)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try "module example.com\n\ngo 1.27\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)

        var files: [(name: String, dir: String, bytes: [UInt8])] = []
        for name in names.sorted() where name.hasSuffix(".go") {
            guard let data = fm.contents(atPath: corpus + "/" + name) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let header = text.prefix(while: { $0 != "\n" })
            guard header.hasPrefix("// run") || header.hasPrefix("// compile"), !text.contains("\"./"),
                  !unchecked.contains(name), !text.contains("import \"C\"") else { continue }  // cgo is off
            let dir = root.appendingPathComponent(String(name.dropLast(3)))
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: dir.appendingPathComponent(name))
            files.append((name, dir.path, [UInt8](data)))
        }

        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("typesdump")
        let r = try TestSupport.run(oracle, files.map { $0.dir }, environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        var rejectedByGoTypes = Set<String>()
        var current = ""
        for line in r.out.split(separator: "\n") {
            if line.hasPrefix("== package ") { current = (String(line.dropFirst(11)) as NSString).lastPathComponent + ".go"; continue }
            if line.hasPrefix("error ") { rejectedByGoTypes.insert(current) }
        }

        // One session for all files, so the standard library is checked once.
        let errorsByFile: [String: [String]] = TypecheckRun.onLargeStack {
            let session = TypecheckSession(locator: PackageLocator(goroot: go.goroot))
            var out: [String: [String]] = [:]
            for f in files {
                let path = f.dir + "/" + f.name
                let parsed = parseFile(path: path, bytes: f.bytes)
                if parsed.hasErrors { continue }
                let importPath = "example.com/" + f.name
                session.modulePackages[importPath] = PackageSource(path: importPath, directory: f.dir, files: [parsed])
                out[f.name] = session.check(importPath)?.diagnostics.filter { $0.file == path }.map { "\($0.line):\($0.column): \($0.message)" } ?? []
            }
            return out
        }
        var wronglyRejected: [String: [String]] = [:]
        for (name, errors) in errorsByFile where !errors.isEmpty && !rejectedByGoTypes.contains(name) {
            wronglyRejected[name] = errors
        }
        print("valid \(subdirectory) programs: \(files.count) files, \(wronglyRejected.count) wrongly rejected (\(wronglyRejected.keys.sorted().joined(separator: ", ")))")
        return (files.count, wronglyRejected)
    }
}
