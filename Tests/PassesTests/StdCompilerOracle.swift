import Foundation
@testable import GCEngine
import PassKit
import TestSupport

/// The compiler's escape verdicts for every package of std (or cmd), from one
/// `go build -a -gcflags=all=-m=2 std` (or `cmd`) per test process (linux/amd64, cgo off), as
/// facts per import path with `$GOROOT/src`-relative paths: the input the gc engine's
/// allocations pass turns into `alloc` facts.
///
/// `compilerText(_:)` is the one place the compiler runs: a shared harness that already holds
/// the run's `-m=2` output can be put behind it. `HEAPSIGHT_STD_M2=FILE` (`HEAPSIGHT_CMD_M2`)
/// reads a saved output of the same command instead (a development shortcut; CI compiles).
enum StdCompilerOracle {
    /// The `-m=2` text of `pattern` (`std` or `cmd`; the go command's text form: a
    /// `# IMPORTPATH` block per package).
    static func compilerText(_ pattern: String) throws -> Data {
        if let recorded = try RecordedCompilerOutput.text(pattern) { return recorded }
        return try compile(pattern, flags: "-m=2")
    }

    /// Runs `go build -a -gcflags=all=FLAGS PATTERN` (linux/amd64, cgo off) and returns its text.
    static func compile(_ pattern: String, flags: String) throws -> Data {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-a", "-o", "/dev/null", "-gcflags=all=\(flags)", pattern],
                                    cwd: URL(fileURLWithPath: go.goroot + "/src"),
                                    environment: go.environment(extra: ["GOFLAGS": "", "GOOS": "linux", "GOARCH": "amd64"]))
        guard r.status == 0 else {
            throw NSError(domain: "StdCompilerOracle", code: Int(r.status),
                          userInfo: [NSLocalizedDescriptionKey: String(r.err.suffix(2000))])
        }
        return r.stderr + r.stdout
    }

    /// The escape verdicts (`moved-to-heap`, `escapes`, `no-escape`) per import path, parsed by
    /// the gc engine's parser; computed once per process.
    static let std: Result<[String: [Fact]], Error> = Result {
        split(try compilerText("std"), goroot: TestSupport.goToolchain.goroot)
    }

    /// The same for `cmd` (its compile also prints the std packages it depends on).
    static let cmd: Result<[String: [Fact]], Error> = Result {
        split(try compilerText("cmd"), goroot: TestSupport.goToolchain.goroot)
    }

    /// The compiler's output of `go build -a -gcflags=all='-m=2 -S' std`: the escape verdicts
    /// and the run-time allocator calls of the assembly listing per import path, the input of
    /// the gc engine's allocations pass with the assembly (`engine: gc`, `allocations` on).
    /// `HEAPSIGHT_STD_M2S=FILE` reads a saved output of the same command.
    static let stdAssembly: Result<Recorded, Error> = Result {
        let text = try RecordedCompilerOutput.text("std", assembly: true) ?? compile("std", flags: "-m=2 -S")
        return splitWithAssembly(text, goroot: TestSupport.goToolchain.goroot)
    }

    /// Cuts the text into packages and parses each package's verdict lines. Only lines that
    /// can be escape verdicts reach the parser (explanations and inlining lines are not
    /// needed for allocation sites).
    static func split(_ text: Data, goroot: String) -> [String: [Fact]] {
        read(text, goroot: goroot, assembly: false).facts
    }

    /// What a recording holds per import path: the verdicts and, with the listing, the
    /// allocator calls and the method value wrappers (`GCCompilation`'s fields of the same names).
    struct Recorded {
        var facts: [String: [Fact]] = [:]
        var calls: [String: [AllocatorCall]] = [:]
        var methodValueWrappers: [String: Set<String>] = [:]
    }

    /// `split` that also reads the assembly listing's allocator calls per import path.
    static func splitWithAssembly(_ text: Data, goroot: String) -> Recorded {
        read(text, goroot: goroot, assembly: true)
    }

    private static func read(_ text: Data, goroot: String, assembly: Bool) -> Recorded {
        let parser = CompilerTextParser(paths: FactPathMapper(root: goroot + "/src", goroot: goroot), base: goroot + "/src")
        var out = Recorded()
        var current: String?
        var session = parser.session()
        var listing = AssemblyListing(paths: parser.paths, base: parser.base)
        func close() {
            if let current {
                out.facts[current, default: []] += session.finish().facts
                if assembly && listing.present {
                    out.calls[current, default: []] += listing.calls
                    out.methodValueWrappers[current, default: []].formUnion(listing.methodValueWrappers)
                }
            }
            session = parser.session()
            listing = AssemblyListing(paths: parser.paths, base: parser.base)
        }
        let suffixes: [[UInt8]] = [Array(" escapes to heap".utf8), Array(" does not escape".utf8)]
        let moved = Array(": moved to heap: ".utf8)
        // The listing reads allocator calls, inline marks and each function's `TEXT` line (its own file).
        let instructions = [Array("\tCALL\truntime.".utf8), Array(")\tXCHGL\tAX, AX".utf8), Array(")\tTEXT\t".utf8)]
        text.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                guard let first = line.first else { continue }
                if first == UInt8(ascii: "\t") {
                    if assembly && instructions.contains(where: { contains(line, $0) }) { listing.instruction(line) }
                    continue
                }
                if line.count > 2 && first == UInt8(ascii: "#") && line[1] == UInt8(ascii: " ") {
                    if line[2] == UInt8(ascii: "[") { continue }  // `# [description]`
                    close()
                    current = String(decoding: UnsafeBufferPointer(rebasing: line[2...]), as: UTF8.self)
                    continue
                }
                if assembly { listing.header(line) }
                let keep = suffixes.contains { s in line.count >= s.count && line.suffix(s.count).elementsEqual(s) }
                    || contains(line, moved)
                if keep { session.consume(Substring(String(decoding: line, as: UTF8.self))) }
            }
        }
        close()
        return out
    }

    /// Whether `needle` occurs in `line` (memchr for its first byte, memcmp for the rest).
    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = line.baseAddress, let first = needle.first, line.count >= needle.count else { return false }
        var at = 0
        while at + needle.count <= line.count,
              let hit = memchr(base + at, Int32(first), line.count - needle.count + 1 - at) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.withUnsafeBytes({ memcmp(base + i, $0.baseAddress!, needle.count) }) == 0 { return true }
            at = i + 1
        }
        return false
    }
}
