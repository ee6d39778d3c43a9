import Foundation

/// Reads and parses GOROOT packages on worker threads ahead of the checker, which is
/// single-threaded. Loading is a pure function of the files, so what the checker receives
/// does not depend on timing; only when it receives it does.
///
/// Work is taken depth-first (last requested, first loaded) and a loaded package requests
/// its imports, so the loads run down the same import tree the checker descends, staying
/// ahead of it. A package the checker asks for before any worker took it is loaded by the
/// checker's own thread instead of waiting. Workers end when nothing is queued or in flight
/// (everything reachable from the roots is loaded); later requests load on demand.
final class SourcePrefetcher: @unchecked Sendable {
    private enum State {
        case queued
        case loading
        case loaded(PackageSource?)
    }

    private let locator: PackageLocator
    private let parsed: ParsedFileCache?
    private let condition = NSCondition()
    private var states: [String: State] = [:]
    private var stack: [String] = []
    private var inFlight = 0

    /// Queues the roots (canonical import paths, the first loaded first) and starts `workers`
    /// loader threads (none when `workers` is 0: every load happens on demand); files offered
    /// in `parsed` are taken instead of parsed.
    init(locator: PackageLocator, roots: [String], workers: Int, parsed: ParsedFileCache? = nil) {
        self.locator = locator
        self.parsed = parsed
        enqueue(roots)
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.stackSize = 64 << 20
            thread.start()
        }
    }

    /// The package's source: loaded by a worker, awaited while one is loading it, or loaded
    /// here when no worker has started on it.
    func source(_ path: String) -> PackageSource? {
        condition.lock()
        while true {
            switch states[path] {
            case .loaded(let source)?:
                condition.unlock()
                return source
            case .loading?:
                condition.wait()
            case .queued?, nil:
                states[path] = .loading
                inFlight += 1
                condition.unlock()
                return finish(path, locator.load(path, parsed: parsed))
            }
        }
    }

    private func work() {
        condition.lock()
        while true {
            guard let path = stack.popLast() else {
                if inFlight == 0 { break }
                condition.wait()
                continue
            }
            guard case .queued? = states[path] else { continue }
            states[path] = .loading
            inFlight += 1
            condition.unlock()
            _ = finish(path, locator.load(path, parsed: parsed))
            condition.lock()
        }
        condition.unlock()
    }

    /// Records a load, wakes whoever waits for it and queues the package's imports.
    private func finish(_ path: String, _ source: PackageSource?) -> PackageSource? {
        var imports: [String] = []
        for file in source?.files ?? [] {
            for i in file.imports where i.path != "unsafe" && i.path != "C" { imports.append(i.path) }
        }
        let next = Set(imports).sorted().map { locator.canonicalPath($0, importer: path) }
        condition.lock()
        states[path] = .loaded(source)
        inFlight -= 1
        enqueue(next)
        condition.broadcast()
        condition.unlock()
        return source
    }

    /// Pushes paths not loaded or loading so that the first of them is popped first; a path
    /// queued earlier is pushed again, to be taken now that the descent needs it (the stale
    /// entry is skipped when popped). Caller holds the lock.
    private func enqueue(_ paths: [String]) {
        for p in paths.reversed() {
            switch states[p] {
            case nil, .queued?:
                states[p] = .queued
                stack.append(p)
            default: break
            }
        }
    }
}
