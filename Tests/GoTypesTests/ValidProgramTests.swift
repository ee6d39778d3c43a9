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
    static let knownGenericGaps: [String: String] = [:]

    /// Other programs we still reject wrongly.
    static let knownFixedBugGaps: [String: String] = [
        "issue7419.go": "float constants beyond the range our constants hold (1e-779137)",
    ]

    /// Other programs both sides accept whose dumps still differ from go/types'.
    static let knownFixedBugDumpGaps: [String: String] = [
        "issue12621.go": "a float constant with an exponent beyond go/constant's exact range (1e-10000) is kept exact; go/constant rounds it to 512 bits",
        "issue6902.go": "a float constant with an exponent beyond go/constant's exact range (1e-10000) is kept exact; go/constant rounds it to 512 bits",
    ]

    /// Files left out: go/types itself takes minutes on them. `issue11326b.go` (constants such
    /// as 1e646456992) we also reject, as `issue7419.go`.
    static let unchecked: Set<String> = ["issue11326b.go"]

    /// Generic programs both sides accept whose facts (`TypesDump`) still differ from go/types'.
    static let knownGenericDumpGaps: [String: String] = [:]

    /// `typeparam/`: every program go/types accepts is accepted, and its dump (every
    /// definition, use, expression type and constant) is go/types' line for line. Inference
    /// through a defined function type (`Applicative2(func(a, b int) int {...})` against
    /// `Func2[A1, A2, R]`), partially instantiated functions as values (`f2[byte]`), core types
    /// bound after untyped constants (`f5(1.2)`), `unsafe.Offsetof` through a generic struct,
    /// blank receiver type parameters and bare-type constraints in type strings were each
    /// wrong before.
    func testValidGenericProgramsAreAccepted() throws {
        let result = try Self.wronglyRejected(in: "typeparam")
        XCTAssertGreaterThan(result.count, 100, "corpus looks incomplete")
        for (name, errors) in result.files.sorted(by: { $0.key < $1.key }) where Self.knownGenericGaps[name] == nil {
            XCTFail("\(name): errors go/types does not report: \(errors)")
        }
        XCTAssertGreaterThan(result.compared, 100, "too few dumps compared")
        for (name, lines) in result.differingDumps.sorted(by: { $0.key < $1.key }) where Self.knownGenericDumpGaps[name] == nil {
            XCTFail("\(name): dump differs from go/types':\n\(lines.prefix(20).joined(separator: "\n"))")
        }
    }

    /// `fixedbugs/`: a parenthesised blank assignment target (`(_) = 0`), parenthesised
    /// statement calls of built-ins (`(close(c))`), `iota` inside a function literal in a
    /// constant declaration, a defined type declared from one whose declaration is in progress
    /// (`type T1 struct{ Next *T2 }; type T2 T1`) were each rejected before.
    func testValidFixedBugProgramsAreAccepted() throws {
        let result = try Self.wronglyRejected(in: "fixedbugs")
        XCTAssertGreaterThan(result.count, 900, "corpus looks incomplete")
        for (name, errors) in result.files.sorted(by: { $0.key < $1.key }) where Self.knownFixedBugGaps[name] == nil {
            XCTFail("\(name): errors go/types does not report: \(errors)")
        }
        XCTAssertGreaterThan(result.compared, 900, "too few dumps compared")
        for (name, lines) in result.differingDumps.sorted(by: { $0.key < $1.key }) where Self.knownFixedBugDumpGaps[name] == nil {
            XCTFail("\(name): dump differs from go/types':\n\(lines.prefix(20).joined(separator: "\n"))")
        }
    }

    /// The other directories of Go's tests (`test/*.go`, `ken/`, `chan/`, `interface/`): no
    /// program go/types accepts is rejected and every dump is go/types'. An untyped constant
    /// shift count that is not an integer constant (`x << 1.`) was converted to `uint` in the
    /// record before (`shift3.go`); go/types leaves it as it is.
    func testValidProgramsOfTheOtherDirectoriesAreAccepted() throws {
        var compared = 0
        for directory in [".", "ken", "chan", "interface"] {
            let result = try Self.wronglyRejected(in: directory)
            compared += result.compared
            for (name, errors) in result.files.sorted(by: { $0.key < $1.key }) {
                XCTFail("\(directory)/\(name): errors go/types does not report: \(errors)")
            }
            for (name, lines) in result.differingDumps.sorted(by: { $0.key < $1.key }) {
                XCTFail("\(directory)/\(name): dump differs from go/types':\n\(lines.prefix(20).joined(separator: "\n"))")
            }
        }
        XCTAssertGreaterThan(compared, 200, "corpus looks incomplete")
    }

    /// What `wronglyRejected(in:)` finds.
    struct Findings {
        /// Files checked.
        var count: Int
        /// Files we report errors in while go/types reports none, with our errors.
        var files: [String: [String]]
        /// Files both accept whose dumps were compared.
        var compared: Int
        /// Of those, the ones whose dumps differ, with the differing lines (`-` go/types', `+` ours).
        var differingDumps: [String: [String]]
    }

    /// The standalone files of `$GO_TEST/SUBDIRECTORY` that must compile, how many were checked,
    /// those we report errors in while go/types reports none, and, for the files both accept,
    /// the ones whose dumps differ from go/types'.
    static func wronglyRejected(in subdirectory: String) throws -> Findings {
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
        var oracleDumps: [String: [String]] = [:]
        var current = ""
        for line in r.out.split(separator: "\n") {
            if line.hasPrefix("== package ") { current = (String(line.dropFirst(11)) as NSString).lastPathComponent + ".go"; continue }
            if line.hasPrefix("error ") { rejectedByGoTypes.insert(current) }
            oracleDumps[current, default: []].append(String(line))
        }

        // One session for all files, so the standard library is checked once.
        let (errorsByFile, dumps): ([String: [String]], [String: String]) = TypecheckRun.onLargeStack {
            let session = TypecheckSession(locator: PackageLocator(goroot: go.goroot))
            var out: [String: [String]] = [:]
            var dumps: [String: String] = [:]
            for f in files {
                let path = f.dir + "/" + f.name
                let parsed = parseFile(path: path, bytes: f.bytes)
                if parsed.hasErrors { continue }
                let importPath = "example.com/" + f.name
                session.modulePackages[importPath] = PackageSource(path: importPath, directory: f.dir, files: [parsed])
                let checked = session.check(importPath)
                out[f.name] = checked?.diagnostics.filter { $0.file == path }.map { "\($0.line):\($0.column): \($0.message)" } ?? []
                if let checker = checked?.checker { dumps[f.name] = TypesDump.render(checker) }
            }
            return (out, dumps)
        }
        var wronglyRejected: [String: [String]] = [:]
        for (name, errors) in errorsByFile where !errors.isEmpty && !rejectedByGoTypes.contains(name) {
            wronglyRejected[name] = errors
        }
        // The two sides name the package differently (a file's module path, the oracle's
        // directory); everything else must be the same lines.
        func normalized(_ lines: [String]) -> [String] {
            lines.map { $0.replacingOccurrences(of: #"example\.com/[A-Za-z0-9_.-]+"#, with: "PKG", options: .regularExpression) }
        }
        var compared = 0
        var differing: [String: [String]] = [:]
        for (name, errors) in errorsByFile.sorted(by: { $0.key < $1.key })
        where errors.isEmpty && !rejectedByGoTypes.contains(name) {
            guard let dump = dumps[name], let want = oracleDumps[name] else { continue }
            compared += 1
            let (missing, extra) = GoTypesDifferentialTests.difference(
                want: normalized(want), got: normalized(dump.split(separator: "\n").map(String.init)))
            let lines = missing.map { "- " + $0 } + extra.map { "+ " + $0 }
            if !lines.isEmpty { differing[name] = lines }
        }
        print("valid \(subdirectory) programs: \(files.count) files, \(wronglyRejected.count) wrongly rejected (\(wronglyRejected.keys.sorted().joined(separator: ", "))); dumps of \(compared) compared with go/types', \(differing.count) differ (\(differing.keys.sorted().joined(separator: ", ")))")
        return Findings(count: files.count, files: wronglyRejected, compared: compared, differingDumps: differing)
    }
}
