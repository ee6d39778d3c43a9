import CSQLite
import Foundation
import PassKit

/// One package's share of a run: its row, files, functions and facts (`RunRecording.add`).
public struct RunPart: Sendable {
    public var package: PackageRecord
    public var files: [FileRecord]
    public var functions: [FunctionRecord]
    public var facts: [Fact]
    /// The facts' encoded explanations, one per fact (`RunContent.explanationTexts`), or none.
    public var explanationTexts: [[UInt8]]

    public init(package: PackageRecord, files: [FileRecord], functions: [FunctionRecord], facts: [Fact],
                explanationTexts: [[UInt8]]) {
        self.package = package
        self.files = files
        self.functions = functions
        self.facts = facts
        self.explanationTexts = explanationTexts
    }
}

/// A run recorded while the scan that produces it is still analysing packages, so that writing
/// the rows (a scan of the standard library writes about 200 MB) overlaps the analysis instead of
/// following it.
///
/// A thread of its own opens a write transaction on a SQLite store as soon as the store is
/// open, inserts the run's row, and writes each package's rows when every package before it in
/// the run's order has been written, whatever order the packages finish in: the rows, their ids
/// and the store are the same as when the whole run is recorded at once (`FactStore.record`).
/// `finish` writes the rest (diagnostics, directives, pass executions, profiles, metrics),
/// brings the run's row up to date and commits. Nothing is visible to readers before the commit,
/// and `cancel`, an error, or the end of the process before `finish` leaves the store as it was.
///
/// Between two packages the thread lets go of the store, so that the scan can read from it
/// (cached summaries) inside the open transaction. The transaction holds the store's write lock
/// from the first package on; when another process holds it at that moment, or the store is a
/// PostgreSQL server (which many writers share, and where a transaction open for a whole scan
/// would hold every other team member's recording back), the run is recorded at `finish` in
/// one step instead, as `FactStore.record` does.
public final class RunRecording: @unchecked Sendable {
    private enum Mode { case undecided, streaming, atFinish }
    /// The page cache of the connection that streams a run (KiB).
    static let streamingCacheKiB = 4096

    private let condition = NSCondition()
    private let run: RunRecord
    private let packageCount: Int
    private var mode = Mode.undecided
    private var parts: [Int: RunPart] = [:]
    private var final: RunContent?
    private var cancelled = false
    private var result: Result<Int64, Error>?
    private var writerDone = false
    /// The part the recording thread is waiting for, if it waits.
    private var awaited: Int?

    /// Starts recording a run of `packageCount` packages. `run` is the run's row as far as it is
    /// known now (`finish` replaces it); `store` waits for the store and returns it, or nil when
    /// it could not be opened.
    public init(run: RunRecord, packageCount: Int, store: @escaping @Sendable () -> FactStore?) {
        self.run = run
        self.packageCount = packageCount
        Thread.detachNewThread { [self] in
            // The store is let go before the outcome is told, so that the scan's own reference
            // is the last and the store closes (and checkpoints its log) where the scan ends.
            let outcome = self.write(to: store())
            condition.lock()
            result = outcome
            writerDone = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Hands over package `index`'s part (0-based in the run's order); any thread, any order.
    /// Returns true when the part will be written from here (the run is being written while it
    /// runs): `finish` then needs nothing of the part but its package's row and its facts'
    /// count, not the facts' explanations. False while the store is still being opened, or
    /// when the run is recorded at `finish`.
    @discardableResult
    public func add(_ part: RunPart, at index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard mode != .atFinish, !cancelled else { return false }
        parts[index] = part
        // Only the part the recording thread waits for wakes it (a wake-up costs the adding
        // job a switch to that thread).
        if index == awaited { condition.broadcast() }
        return mode == .streaming
    }

    /// Records the rest of the run and commits; `content` is the whole run, whose packages are
    /// the parts added, in order (the facts of parts `add` took over may come without their
    /// explanations). `store` is the store the run goes to, used when the run was not streamed.
    /// Returns the run's id.
    public func finish(_ content: RunContent, store: FactStore) throws -> Int64 {
        guard RunRecord.statuses.contains(content.run.status) else {
            cancel()
            throw FactStoreError.invalidRun(reason: "status '\(content.run.status)' is not one of \(RunRecord.statuses.joined(separator: ", "))")
        }
        condition.lock()
        final = content
        condition.broadcast()
        while mode == .undecided || (mode == .streaming && !writerDone) { condition.wait() }
        let streamed = mode == .streaming ? result : nil
        // The caller frees the run's rows where it likes (they are large): none are kept here.
        final = nil
        condition.unlock()
        if let streamed { return try streamed.get() }
        return try store.record(content)
    }

    /// Gives the run up: an open transaction is rolled back. Waits for the recording thread to
    /// end (at most `seconds`). Nothing happens after `finish` returned.
    public func cancel(waitingAtMost seconds: Double = 10) {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        parts = [:]
        condition.broadcast()
        let deadline = Date().addingTimeInterval(seconds)
        while !writerDone, condition.wait(until: deadline) {}
    }

    /// Whether the run is being written while it is produced: nil until the recording thread
    /// has decided (it waits for the store first), or when `seconds` passed before it did.
    func streams(waitingAtMost seconds: Double) -> Bool? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while mode == .undecided, condition.wait(until: deadline) {}
        return mode == .undecided ? nil : mode == .streaming
    }

    /// What the recording thread does next.
    private enum Work {
        case part(RunPart)
        case finish(RunContent)
        case stop
    }

    /// The next work for the recording thread, which holds the store: part `index` when it is
    /// there; else it lets the store go (so that the scan can read from it) and waits for the
    /// part, for `finish` (every part was added before it), or for `cancel`.
    private func next(_ index: Int, releasing storeLock: NSLock) -> Work {
        condition.lock()
        if let work = ready(index) {
            condition.unlock()
            return work
        }
        condition.unlock()
        storeLock.unlock()
        condition.lock()
        var work = ready(index)
        while work == nil {
            awaited = index
            condition.wait()
            work = ready(index)
        }
        awaited = nil
        condition.unlock()
        storeLock.lock()
        return work!
    }

    /// What is there to do for part `index`, if anything; the condition is held.
    private func ready(_ index: Int) -> Work? {
        if cancelled { return .stop }
        if let part = parts.removeValue(forKey: index) { return .part(part) }
        if let final { return .finish(final) }
        return nil
    }

    private func decide(_ m: Mode) {
        condition.lock()
        mode = m
        if m == .atFinish { parts = [:] }
        condition.broadcast()
        condition.unlock()
    }

    private func isCancelled() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// The recording thread: streams into a SQLite store and returns the outcome, else leaves
    /// the run to `finish` and returns nil.
    private func write(to store: FactStore?) -> Result<Int64, Error>? {
        guard let store, !store.isReadOnly, let db = store.db as? SQLiteConnection, !isCancelled() else {
            decide(.atFinish)
            return nil
        }
        store.lock.lock()
        defer { store.lock.unlock() }
        // Another writer holding the store now could hold it for a long while: then this run is
        // recorded at the end, after queueing as any other writer does.
        guard !db.inTransaction, (try? db.beginImmediateWithoutWaiting()) == true else {
            decide(.atFinish)
            return nil
        }
        decide(.streaming)
        // A small page cache while the run streams in: pages spill to the log as they fill,
        // beside the passes, instead of up to 32 MB of them at the commit, after the passes
        // (a std scan's record step after its passes: 0.61 s → 0.52 s). Queries get the large
        // cache back after the commit.
        try? db.execute("PRAGMA cache_size = -\(Self.streamingCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -\(SQLiteConnection.queryCacheKiB)") }
        let outcome = Result {
            try StoreFile.wrap(store.path) {
                let id = try stream(into: db, lock: store.lock)
                try WriteTransaction.commit(db, path: store.path)
                return id
            }
        }
        if case .failure = outcome, db.inTransaction { try? db.execute("ROLLBACK") }
        return outcome
    }

    /// Writes the run's row, then each part in order, then the rest once `finish` is called.
    private func stream(into db: SQLiteConnection, lock: NSLock) throws -> Int64 {
        let writer = RunWriter(db: db)
        let id = try writer.insertRun(run, origin: nil)
        var rows = try PackageRows(db: db, run: id)
        var factPackages = FactPackages()
        var metrics = RunMetrics.Accumulator()
        var index = 0
        while true {
            switch next(index, releasing: lock) {
            case .stop:
                throw FactStoreError.invalidRun(reason: "the recording was cancelled")
            case .part(let part):
                try rows.add(packages: [part.package])
                try rows.add(files: part.files)
                try rows.add(functions: part.functions)
                let packages = factPackages.add(files: part.files, functions: part.functions, facts: part.facts)
                try rows.add(facts: part.facts, packages: packages, explanations: part.explanationTexts)
                metrics.add(functions: part.functions, facts: part.facts, packages: packages)
                index += 1
            case .finish(let content):
                guard index == content.packages.count else {
                    throw FactStoreError.invalidRun(reason: "the run has \(content.packages.count) packages, \(index) were recorded")
                }
                try writer.writeRest(content, run: id)
                try writer.updateRun(id, to: content.run)
                try metrics.metrics(packages: content.packages).write(run: id, content: content, on: db)
                try ProfileWriter.materialize(run: id, on: db)
                // An interrupt while the rest was written still leaves the store without the run.
                if isCancelled() { throw FactStoreError.invalidRun(reason: "the recording was cancelled") }
                return id
            }
        }
    }
}
