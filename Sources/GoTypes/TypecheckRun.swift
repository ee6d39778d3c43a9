import Foundation
import GoLoader
import GoSyntax

/// The `typecheck` command's work: loads the packages under some paths (or all of std),
/// checks each with everything it imports, and reports type errors, counts and time; or
/// renders one package's dump. The command itself only parses arguments and prints.
public enum TypecheckRun {
    /// What to check.
    public struct Request: Sendable {
        /// Directories or files to check (`std` for the whole standard library).
        public var paths: [String]
        /// GOROOT.
        public var goroot: String
        /// Import path (or directory) of a package whose dump to render instead.
        public var dump: String?
        /// Threads: one checks, the others read and parse packages ahead of it.
        public var threads: Int
        /// The module cache dependencies are read from (by default the go command's).
        public var moduleCache: String? = DependencyResolver.moduleCache()
        /// Creates a request (by default with a thread per core).
        public init(paths: [String], goroot: String, dump: String? = nil,
                    threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.paths = paths
            self.goroot = goroot
            self.dump = dump
            self.threads = max(1, threads)
        }
    }

    /// What happened.
    public struct Outcome: Sendable {
        /// Packages checked (the requested ones, not counting their imports).
        public var packages = 0
        /// Error lines `file:line:col: msg`, in package order then file order.
        public var errors: [String] = []
        /// Wall-clock seconds.
        public var seconds = 0.0
        /// The dump, when one was asked for.
        public var dump: String? = nil
        /// `packages=N errors=N seconds=S`.
        public var summary: String { String(format: "packages=%d errors=%d seconds=%.2f", packages, errors.count, seconds) }
    }

    /// Operational failures.
    public enum Failure: Error, CustomStringConvertible {
        case load(String)
        case noPackage(String)
        /// A message a person can act on.
        public var description: String {
            switch self {
            case .load(let m): return m
            case .noPackage(let p): return "no Go package \(p) (give an import path of std or a package directory under the scanned paths)"
            }
        }
    }

    /// Runs a request on a thread with a large stack (deeply nested expressions such as
    /// long concatenations recurse once per operand).
    public static func run(_ request: Request) throws -> Outcome {
        try onLargeStack { Result { try runOnCurrentThread(request) } }.get()
    }

    /// Runs `body` on a thread with a 1 GiB stack and waits for its result; on such a thread
    /// already, runs it there. Nested calls never start a thread of their own: a body that
    /// holds a lock and asks for work on a large stack gets it on its own thread, which owns
    /// the lock (a recursive lock taken again there does not wait for itself).
    public static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        if pthread_getspecific(largeStackMarker) != nil { return body() }
        nonisolated(unsafe) var result: T? = nil
        nonisolated(unsafe) let work = body
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            pthread_setspecific(largeStackMarker, UnsafeRawPointer(bitPattern: 1))
            result = work()
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return result!
    }

    /// Starts a thread with a 1 GiB stack that runs `body`, where work asked for on a large
    /// stack (`onLargeStack`) runs in place. A scan's jobs run on such threads: starting a
    /// thread for each request instead (thousands over the standard library) cost a thread, a
    /// fresh stack and its page faults each time.
    public static func detachLargeStackThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            pthread_setspecific(largeStackMarker, UnsafeRawPointer(bitPattern: 1))
            body()
        }
        thread.stackSize = 1 << 30
        thread.start()
    }

    static func runOnCurrentThread(_ request: Request) throws -> Outcome {
        let start = Date()
        let session = TypecheckSession(locator: PackageLocator(goroot: request.goroot))
        var roots: [String] = []
        var modules: [(root: String, module: ModuleFile)] = []
        for p in request.paths {
            if p == "std" {
                roots += session.standardPackages()
                continue
            }
            let loader = PackageLoader(context: PackageLocator.standardContext)
            let result: LoadResult
            do { result = try loader.load(roots: [p]) } catch { throw Failure.load("\(error)") }
            for pkg in result.packages {
                if let root = pkg.moduleRoot, let module = pkg.module { modules.append((root, module)) }
                let files = pkg.files.map { parseFile(path: $0.absolutePath, bytes: $0.bytes) }
                if files.isEmpty { continue }
                if !pkg.isStandard {
                    session.modulePackages[pkg.importPath] = PackageSource(path: pkg.importPath, directory: pkg.absoluteDirectory, files: files)
                }
                roots.append(pkg.importPath)
            }
        }
        session.dependencies = DependencyResolver.forModules(modules, moduleCache: request.moduleCache)
        var outcome = Outcome()
        if let dump = request.dump {
            var path = dump
            if !roots.contains(dump), let match = session.modulePackages.first(where: { $0.value.directory.hasSuffix("/" + dump) || $0.value.directory == dump }) {
                path = match.key
            }
            if request.threads > 1 { session.prefetch([path], threads: request.threads - 1) }
            guard let r = session.check(path), let checker = r.checker else { throw Failure.noPackage(dump) }
            outcome.dump = TypesDump.render(checker)
            outcome.packages = 1
            outcome.errors = errorLines(r)
            outcome.seconds = Date().timeIntervalSince(start)
            return outcome
        }
        if request.threads > 1 { session.prefetch(roots, threads: request.threads - 1) }
        for root in roots {
            guard let r = session.check(root) else { continue }
            outcome.packages += 1
            outcome.errors += errorLines(r)
        }
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    static func errorLines(_ r: TypecheckSession.PackageResult) -> [String] {
        r.loadErrors + r.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }
}

/// The thread-specific key set on the threads `TypecheckRun.onLargeStack` starts.
private let largeStackMarker: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()
