import FactStore
import Foundation
import PassKit
@testable import Driver

/// A Go tree and a database folder in a fresh temporary directory, removed afterwards.
final class ScanFixture {
    let root: URL
    let tree: URL
    var dbPath: String { root.appendingPathComponent("db/heapsight.db").path }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-driver-\(UUID().uuidString)")
        tree = root.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("db"), withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String, executable: Bool = false) throws {
        let url = tree.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
    }

    /// A request with a fixed clock and version, so two scans of the same tree record the same.
    func request(jobs: Int = 1, extra: [AnyPass] = [], config: String? = nil, label: String? = nil) -> ScanRequest {
        ScanRequest(paths: [tree.path], dbPath: dbPath, configPath: config.map { tree.appendingPathComponent($0).path },
                    label: label, jobs: jobs, quiet: true, now: { Date(timeIntervalSince1970: 1_800_000_000) },
                    toolVersion: "test", extraPasses: extra)
    }

    func store() throws -> FactStore { try FactStore.openReadOnly(path: dbPath) }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// Small passes for driving the driver.
enum FakePasses {
    /// Emits one `alloc` fact per line containing `make(`, with the enclosing function filled in
    /// by the driver.
    static let makes = PassDescriptor<Int>(name: "makes", doc: "Counts make calls.") { ctx in
        var facts: [Fact] = []
        for file in ctx.package.files {
            for (i, line) in String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let r = line.range(of: "make(") {
                    facts.append(Fact(kind: .alloc, file: file.path, line: i + 1,
                                      column: line.utf8.distance(from: line.startIndex, to: r.lowerBound) + 1,
                                      subject: "make", detail: "make-slice heap depth=0"))
                }
            }
        }
        return PassOutput(result: facts.count, facts: facts)
    }.erased

    /// Throws on packages whose name is `broken`.
    static let picky = PassDescriptor<Int>(name: "picky", doc: "Fails on package broken.") { ctx in
        struct Refusal: Error, CustomStringConvertible { var description: String { "refuses package broken" } }
        if ctx.package.name == "broken" { throw Refusal() }
        return PassOutput(result: 1)
    }.erased

    /// Requires picky, so it is skipped where picky failed.
    static let afterPicky = PassDescriptor<Int>(name: "after-picky", doc: "Needs picky.", requires: [.named("picky")]) { _ in
        PassOutput(result: 1, facts: [])
    }.erased
}
