import Foundation
import XCTest
import GoSyntax
import GoTypes
import TestSupport

/// Go's own generics tests that must compile (`$GO_TEST/typeparam/*.go` with a `// run` or
/// `// compile` header, from Debian's golang-1.19-src): the checks that reject wrong programs
/// must not reject these. Every file is its own package; a file on which we report an error
/// while go/types (the oracle) reports none must be one of the known gaps below.
final class ValidGenericProgramTests: XCTestCase {
    /// Files we still reject wrongly, with the reason (gaps in inference and core types).
    static let knownGaps: [String: String] = [
        "issue50264.go": "inference through a generic function argument's own type parameters",
        "issue51909.go": "inference from a constraint's core type through a generic interface",
        "typelist.go": "partially instantiated generic functions as values; inference from core types",
    ]

    func testValidGenericProgramsAreAccepted() throws {
        let fm = FileManager.default
        let corpus = ErrorcheckCorpusTests.corpus + "/typeparam"
        guard let names = try? fm.contentsOfDirectory(atPath: corpus) else {
            throw XCTSkip("Go's test corpus is not installed (apt-get install golang-1.19-src)")
        }
        let root = fm.temporaryDirectory.appendingPathComponent("heapsight-valid-generics-\(getpid())")
        try? fm.removeItem(at: root)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try "module example.com\n\ngo 1.27\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)

        var files: [(name: String, dir: String, bytes: [UInt8])] = []
        for name in names.sorted() where name.hasSuffix(".go") {
            guard let data = fm.contents(atPath: corpus + "/" + name) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let header = text.prefix(while: { $0 != "\n" })
            guard header.hasPrefix("// run") || header.hasPrefix("// compile"), !text.contains("\"./") else { continue }
            let dir = root.appendingPathComponent(String(name.dropLast(3)))
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: dir.appendingPathComponent(name))
            files.append((name, dir.path, [UInt8](data)))
        }
        XCTAssertGreaterThan(files.count, 100, "corpus looks incomplete")

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
        print("valid generic programs: \(files.count) files, \(wronglyRejected.count) wrongly rejected (\(wronglyRejected.keys.sorted().joined(separator: ", ")))")
        for (name, errors) in wronglyRejected.sorted(by: { $0.key < $1.key }) where ValidGenericProgramTests.knownGaps[name] == nil {
            XCTFail("\(name): errors go/types does not report: \(errors)")
        }
    }
}
