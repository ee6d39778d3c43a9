import CSQLite
import Foundation

/// A write transaction taken with `BEGIN IMMEDIATE`, so that the write lock is held from the
/// start and two writers queue instead of deadlocking. Busy errors are retried (the busy
/// timeout already waits; this covers the cases it does not, such as WAL recovery) for up to
/// about a minute; any other error rolls the transaction back.
enum WriteTransaction {
    /// Total time spent retrying a busy database before giving up.
    static let retryBudget: TimeInterval = 60

    /// Runs `body` in a write transaction on `db` and commits it.
    static func run<T>(_ db: SQLiteConnection, path: String, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(retryBudget)
        try execute("BEGIN IMMEDIATE", on: db, path: path, deadline: deadline)
        do {
            let value = try body()
            try execute("COMMIT", on: db, path: path, deadline: deadline)
            return value
        } catch {
            if db.inTransaction { try? db.execute("ROLLBACK") }
            throw error
        }
    }

    /// Commits the open transaction on `db`, retrying while the database is busy for up to
    /// the retry budget.
    static func commit(_ db: SQLiteConnection, path: String) throws {
        try execute("COMMIT", on: db, path: path, deadline: Date().addingTimeInterval(retryBudget))
    }

    /// Executes one statement, retrying while the database is busy until `deadline`.
    private static func execute(_ sql: String, on db: SQLiteConnection, path: String, deadline: Date) throws {
        while true {
            do {
                try db.execute(sql)
                return
            } catch let failure as SQLiteFailure where failure.isBusy {
                if Date() > deadline { throw FactStoreError.busy(path: path) }
                usleep(50_000)
            }
        }
    }

    /// Runs `body` again while it fails because the database is busy, up to the retry budget.
    static func retryingBusy<T>(path: String, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(retryBudget)
        while true {
            do {
                return try body()
            } catch FactStoreError.busy where Date() < deadline {
                usleep(50_000)
            } catch let failure as SQLiteFailure where failure.isBusy && Date() < deadline {
                usleep(50_000)
            }
        }
    }
}
