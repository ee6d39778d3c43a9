import Foundation
import GCEngine
import GoLoader
import PassKit
import TestSupport

/// The compiler's decisions for a whole corpus, the truth of the corpus differentials.
///
/// One `go build -json FLAGS PATTERNS` (`-a -gcflags=all=-m=2` for std and cmd) per corpus and Go version: its raw
/// event stream is kept under the temporary folder, keyed by the `go version` line, the
/// corpus name, the patterns, the environment and the flags, so that every test of a run (and
/// every later run on the same machine) reads the same output instead of compiling again
/// (`go build -a std cmd` takes minutes on two cores). The stream is written to a scratch file
/// and renamed into place only when the go command has ended, so an interrupted run never
/// leaves a truncated cache. `go build -json` frames the compiler's text per package; the text
/// is turned into facts by the gc engine's own parser (`CompilerTextParser`), with paths
/// relative to `root`.
public struct CompilerOracle: Sendable {
    /// A corpus to compile: a name (part of the cache key), the folder the go command runs in,
    /// its patterns and extra environment.
    public struct Corpus: Sendable {
        /// Short name, used in the cache file name.
        public var name: String
        /// Folder the go command runs in.
        public var directory: String
        /// Package patterns (`std`, `cmd`, `./...`).
        public var patterns: [String]
        /// Build flags before the patterns.
        public var flags: [String]
        /// Environment on top of the toolchain's (`GOOS`, `GOARCH`, `CGO_ENABLED`, ...).
        public var environment: [String: String]
        /// True when packages may fail to compile (a corpus of test programs, some of which do
        /// not compile with this release): their failures are recorded, not thrown.
        public var failuresExpected: Bool
        /// True to compile with `go list -e -export` instead of `go build -json`: the same
        /// compiles, without linking the corpus's main packages (a corpus of two thousand
        /// one-file programs would otherwise spend most of its time in the linker).
        public var exportOnly: Bool

        /// Creates a corpus.
        public init(name: String, directory: String, patterns: [String], flags: [String],
                    environment: [String: String], failuresExpected: Bool = false, exportOnly: Bool = false) {
            self.exportOnly = exportOnly
            self.name = name
            self.directory = directory
            self.patterns = patterns
            self.flags = flags
            self.environment = environment
            self.failuresExpected = failuresExpected
        }
    }

    /// The compiler's facts per import path (the package whose compilation printed them).
    public var factsByPackage: [String: [Fact]]
    /// Import paths the go command reported as failed.
    public var failed: Set<String>
    /// The cache file the stream was read from.
    public var cacheFile: String
    /// Seconds the go command took (0 when the cache answered).
    public var compileSeconds: Double

    /// The environment every corpus compiles in: linux/amd64 without cgo, no GOFLAGS.
    public static let targetEnvironment = ["GOOS": "linux", "GOARCH": "amd64", "CGO_ENABLED": "0", "GOFLAGS": ""]

    /// Compiles the corpus (or reads the cached stream) and parses the text of the packages in
    /// `packages` (all when nil) into facts whose paths are relative to `root`.
    public static func load(_ corpus: Corpus, root: String, packages: Set<String>? = nil) throws -> CompilerOracle {
        let go = TestSupport.goToolchain
        let (file, seconds) = try cachedStream(corpus, go: go)
        let data = file.hasSuffix(".jsonl") ? try Data(contentsOf: URL(fileURLWithPath: file)) : try recordedEvents(file)
        var texts: [String: String] = [:]
        var order: [String] = []
        var failed: Set<String> = []
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let event = try? decoder.decode(Event.self, from: Data(line)) else { continue }
            switch event.Action {
            case "build-output":
                if let packages, !packages.contains(event.ImportPath) { continue }
                if texts[event.ImportPath] == nil { order.append(event.ImportPath) }
                texts[event.ImportPath, default: ""] += event.Output ?? ""
            case "build-fail":
                failed.insert(event.ImportPath)
            default:
                continue
            }
        }
        let parser = CompilerTextParser(paths: FactPathMapper(root: root, goroot: go.goroot), base: corpus.directory)
        var facts: [String: [Fact]] = [:]
        for path in order where !failed.contains(path) {
            var session = parser.session()
            for line in texts[path]!.split(separator: "\n") where !line.hasPrefix("# ") && !line.hasPrefix("\t") {
                session.consume(line)
            }
            facts[path] = session.finish().facts
        }
        return CompilerOracle(factsByPackage: facts, failed: failed, cacheFile: file, compileSeconds: seconds)
    }

    private struct Event: Decodable {
        var ImportPath: String
        var Action: String
        var Output: String?
    }

    /// The recorded std and cmd output of this run, as `FILE:FILE` (`go build -a
    /// -gcflags=all=-m=2 ... 2>&1` text, `# importpath` headers), when `RecordedCompilerOutput`
    /// names both (the corpus is std and cmd together).
    static func recordedFiles() -> String? {
        guard let std = RecordedCompilerOutput.file("std"), let cmd = RecordedCompilerOutput.file("cmd") else { return nil }
        return std + ":" + cmd
    }

    /// The `build-output` events of recorded compiler text files (`FILE:FILE`; the first
    /// holding a package wins).
    static func recordedEvents(_ files: String) throws -> Data {
        var seen: Set<String> = []
        var data = Data()
        for file in files.split(separator: ":").map(String.init) {
            let text = try Data(contentsOf: URL(fileURLWithPath: file))
            let events = try events(listOutput: Data(), compilerText: text)
            let decoder = JSONDecoder()
            var mine: Set<String> = []
            for line in events.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                guard let e = try? decoder.decode(Event.self, from: Data(line)) else { continue }
                if seen.contains(e.ImportPath) { continue }
                mine.insert(e.ImportPath)
                data += line
                data.append(UInt8(ascii: "\n"))
            }
            seen.formUnion(mine)
        }
        return data
    }

    /// The cache file of a corpus, compiling it first when it is not there (or the recording
    /// `RecordedCompilerOutput` names, for the std and cmd corpus).
    static func cachedStream(_ corpus: Corpus, go: GoToolchain) throws -> (String, Double) {
        if corpus.name == Corpora.goroot.name, let recorded = recordedFiles() { return (recorded, 0) }
        let arguments = (corpus.exportOnly ? ["list", "-e", "-export", "-f", listFormat] : ["build", "-json"])
            + corpus.flags + corpus.patterns
        let keyText = ([go.version, corpus.name, corpus.directory] + arguments
            + corpus.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "\u{1}")
        let folder = NSTemporaryDirectory() + "heapsight-oracle"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = "\(folder)/\(corpus.name)-\(stableHash(keyText)).jsonl"
        if FileManager.default.fileExists(atPath: file) { return (file, 0) }
        let scratch = file + ".\(ProcessInfo.processInfo.processIdentifier).partial"
        _ = FileManager.default.createFile(atPath: scratch, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch))
        var environment = go.environment(extra: targetEnvironment.merging(corpus.environment) { $1 })
        environment["PWD"] = corpus.directory
        let started = Date()
        // Started as heapsight starts its tools (`ChildProcess`): a child of Foundation's
        // `Process` can keep the pipes of one started at the same moment on another thread,
        // and then this wait for end of file never ends. Standard output goes to the scratch
        // file as it arrives (a build's event stream), or is kept for the export list.
        let child = try ChildProcess(go.go, arguments, cwd: corpus.directory, environment: environment)
        var listText = Data(), errorText = Data()
        var writeError: Error? = nil
        PipeDrain.drain([child.standardOutput, child.standardError]) { index, bytes in
            if index == 1 {
                errorText.append(contentsOf: bytes)
            } else if corpus.exportOnly {
                listText.append(contentsOf: bytes)
            } else if writeError == nil {
                do { try output.write(contentsOf: Data(bytes)) } catch { writeError = error }
            }
        }
        let status = child.wait()
        if let writeError {
            try? output.close()
            try? FileManager.default.removeItem(atPath: scratch)
            throw writeError
        }
        if corpus.exportOnly { try output.write(contentsOf: events(listOutput: listText, compilerText: errorText)) }
        try output.close()
        let seconds = Date().timeIntervalSince(started)
        if status != 0 && !corpus.failuresExpected {
            try? FileManager.default.removeItem(atPath: scratch)
            throw OracleError.compileFailed("`go \(arguments.joined(separator: " "))` in \(corpus.directory) exited \(status): \(String(decoding: errorText, as: UTF8.self).prefix(4000))")
        }
        try? FileManager.default.removeItem(atPath: file)
        try FileManager.default.moveItem(atPath: scratch, toPath: file)
        return (file, seconds)
    }

    /// What `go list -export` prints per package: the import path, and `FAILED` when it did
    /// not compile.
    static let listFormat = "{{.ImportPath}}{{if .Error}} FAILED{{end}}"

    /// The `go build -json` events equivalent to a `go list -export` run: the compiler's text
    /// split at its `# importpath` headers, and a `build-fail` for each failed package.
    static func events(listOutput: Data, compilerText: Data) throws -> Data {
        struct Out: Encodable { var ImportPath: String; var Action: String; var Output: String? }
        let encoder = JSONEncoder()
        var data = Data()
        func emit(_ path: String, _ action: String, _ text: String?) throws {
            data += try encoder.encode(Out(ImportPath: path, Action: action, Output: text))
            data.append(UInt8(ascii: "\n"))
        }
        var current: String? = nil
        var text = ""
        for line in String(decoding: compilerText, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ") {
                if let current { try emit(current, "build-output", text) }
                current = String(line.dropFirst(2))
                text = ""
            } else if current != nil {
                text += line + "\n"
            }
        }
        if let current { try emit(current, "build-output", text) }
        for line in String(decoding: listOutput, as: UTF8.self).split(separator: "\n") where line.hasSuffix(" FAILED") {
            try emit(String(line.dropLast(" FAILED".count)), "build-fail", nil)
        }
        return data
    }

    /// FNV-1a of a string, as 16 hex digits (a cache key that is the same in every process).
    static func stableHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}

/// Why the oracle could not give an answer.
public enum OracleError: Error, CustomStringConvertible {
    /// The go command failed on a corpus that must compile.
    case compileFailed(String)
    /// `go list` failed.
    case listFailed(String)

    /// The message.
    public var description: String {
        switch self {
        case .compileFailed(let m), .listFailed(let m): return m
        }
    }
}
