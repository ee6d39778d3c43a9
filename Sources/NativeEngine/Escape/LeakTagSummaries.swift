import EscapeGraph
import Foundation
import GoTypes
import PassKit

// Leak tags across scans.
//
// A call into another package is wired by the callee's leak tags (one per parameter: how far
// it flows to the heap, to the mutator, to the callee, to each result). The escape analysis
// computes them bottom-up, a package's imports first; without a cache every scan of a module
// re-analyses the part of the standard library it reaches. `LeakTagSummaries` stands between
// the analysis and the run's `SummaryCache`: a package the run has not analysed is looked up
// by its content hash, and when the store holds its `LeakTagSummary` its functions' tags come
// from there instead of from analysing it; every package the run does analyse exports its
// summary for the store and for later scans.
//
// Functions are named in a summary as the compiler names them in its package (`F`, `T.M`,
// `(*T).M`). A function the naming cannot name (none today besides `_` and literals, which no
// other package calls by name) is never answered from a summary: the package is analysed, so
// the cache can make a scan faster but never change an answer.

/// The leak-tag summaries of a run: cached ones read for packages not analysed, analysed ones
/// exported. Used by packages analysed at once on several threads: its tables are guarded by a
/// recursive lock (a content hash hashes the imports' first).
final class LeakTagSummaries: @unchecked Sendable {
    let cache: SummaryCache
    private let program: NativeProgram
    private let lock = NSRecursiveLock()
    /// Content hashes by package path (nil: the package or a dependency cannot be hashed).
    private var hashes: [String: String?] = [:]
    /// Cached summaries by package, decoded (nil: the store has none usable).
    private var cached: [String: [String: [LeakSummary]]?] = [:]

    init(cache: SummaryCache, program: NativeProgram) {
        self.cache = cache
        self.program = program
    }

    /// The cached tags of a function of `package` (a package the run has not analysed):
    /// `.some(tags)` when the store's summary answers (tags nil: the function has none), nil
    /// when the package must be analysed.
    func tags(of o: ObjectID, package: String) -> [LeakSummary]?? {
        guard let summary = lock.withLock({ cachedSummary(package) }), let name = Self.name(of: o, in: program.types) else { return nil }
        return .some(summary[name])
    }

    /// Exports a finished analysis of `package` to the cache.
    func export(_ result: PackageEscape, package: String) {
        guard let hash = lock.withLock({ contentHash(package) }),
              let encoded = try? LeakTagSummary.kind.encode(Self.summary(of: result, types: program.types)) else { return }
        cache.record(encoded, package: package, contentHash: hash)
    }

    /// The summary of a finished analysis: every named function's tags.
    static func summary(of result: PackageEscape, types: Program) -> LeakTagSummary {
        var functions: [String: [[UInt8]]] = [:]
        functions.reserveCapacity(result.tags.count)
        // In object order, not the table's: the objects' records (and their types) are then
        // read in the order they were made, not scattered over the whole program's tables.
        for (o, tags) in result.tags.sorted(by: { $0.key.raw < $1.key.raw }) {
            guard let name = name(of: o, in: types) else { continue }
            functions[name] = tags.map(\.encoded)
        }
        return LeakTagSummary(functions: functions)
    }

    /// The store's summary of a package, decoded once.
    private func cachedSummary(_ package: String) -> [String: [LeakSummary]]? {
        if let known = cached[package] { return known }
        var decoded: [String: [LeakSummary]]? = nil
        if let hash = contentHash(package),
           let summary = cache.summary(LeakTagSummary.kind, package: package, contentHash: hash) {
            decoded = summary.functions.mapValues { $0.map { LeakSummary(encoded: $0) } }
        }
        cached[package] = .some(decoded)
        return decoded
    }

    /// The content hash of a type-checked package (`SummaryCache.contentHash`): its files and
    /// its imports' hashes; nil when it or an import is not a package the program loaded.
    func contentHash(_ path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = hashes[path] { return known }
        hashes[path] = .some(nil)  // an import cycle hashes to nothing
        var hash: String? = nil
        if let typed = program.package(path), program.problems(path).isEmpty {
            var imports: Set<String> = []
            for f in typed.files {
                for i in f.imports where i.path != "unsafe" && i.path != "C" {
                    imports.insert(program.types.canonicalImport(i.path, from: typed.path))
                }
            }
            let dependencies = imports.sorted().map { contentHash($0) }
            if !dependencies.contains(where: { $0 == nil }) {
                hash = cache.contentHash(package: typed.path,
                                         files: typed.files.map { (name: Self.baseName($0.path), bytes: $0.source.bytes) },
                                         dependencies: dependencies.compactMap { $0 })
            }
        }
        hashes[path] = .some(hash)
        return hash
    }

    /// A function's name in summaries: `F` for a function, `T.M` or `(*T).M` for a method of
    /// the defined type `T`; nil for what has no such name.
    static func name(of o: ObjectID, in types: Program) -> String? {
        let object = types.object(o)
        guard object.kind == .function, !object.name.isEmpty, object.name != "_" else { return nil }
        guard case .signature(let signature) = types.node(object.type) else { return nil }
        guard let receiver = signature.recv else { return object.name }
        var t = types.unalias(types.object(receiver).type)
        var pointer = false
        if case .pointer(let element) = types.node(t) {
            pointer = true
            t = types.unalias(element)
        }
        guard case .named(let n) = types.node(t) else { return nil }
        let typeName = types.object(types.named[Int(n)].object).name
        return pointer ? "(*\(typeName)).\(object.name)" : "\(typeName).\(object.name)"
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
