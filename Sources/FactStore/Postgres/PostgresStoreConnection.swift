import Foundation
import PostgresNIO

/// The PostgreSQL backend of `StoreConnection`, on postgres-nio. The store's API is synchronous,
/// so each call waits for its future on the calling thread while NIO's shared event loop does
/// the I/O (never the Swift concurrency pool, which the caller may be blocking).
///
/// Writers exclude each other for the whole of a write transaction with a transaction-scoped
/// advisory lock (`writerLock`), which PostgreSQL releases at commit, rollback, or when a killed
/// writer's connection drops. Holding it from the first statement means run numbers are taken
/// from the `runs.id` identity in the order the runs commit: a reader that sees run N will never
/// later see a new run below N. A rolled-back or killed writer leaves a gap in the numbers, never
/// a partial run. Rows added through `inserter` are sent as multi-row INSERTs, flushed before
/// the next statement and before commit.
final class PostgresStoreConnection: StoreConnection {
    /// The advisory lock key every heapsight writer takes (the ASCII of "hsight01").
    static let writerLock: Int64 = 0x6873_6967_6874_3031
    /// Parameters per batched INSERT (PostgreSQL allows 65,535).
    static let parametersPerBatch = 30_000

    let location: PostgresLocation
    let dialect = SQLDialect.postgres
    private let connection: PostgresConnection
    private let logger: Logger
    private var pending: [PostgresInserter] = []

    /// Connects; `readOnly` makes every transaction of the session read-only.
    init(location: PostgresLocation, readOnly: Bool) throws {
        self.location = location
        var logger = Logger(label: "heapsight.store.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password(),
            database: location.database, tls: try PostgresTLS.configuration(for: location))
        configuration.options.connectTimeout = .seconds(15)
        var parameters = [("application_name", "heapsight")]
        if readOnly { parameters.append(("default_transaction_read_only", "on")) }
        configuration.options.additionalStartupParameters = parameters
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            if ServerFailure(error).sqlState == Self.undefinedDatabase {
                throw FactStoreError.missingDatabase(path: location.display)
            }
            throw FactStoreError.cannotConnect(location: location.display, reason: Self.reason(error))
        }
    }

    deinit {
        try? connection.close().wait()
    }

    // MARK: Statements

    func execute(_ sql: String) throws {
        for statement in PostgresSQL.statements(sql) { _ = try perform(statement, []) }
    }

    func executeSchema(_ sql: String) throws { try execute(PostgresSQL.schema(sql)) }

    func rows<T>(_ sql: String, _ arguments: [SQLValue], map: (any StoreRow) throws -> T) throws -> [T] {
        try perform(sql, arguments).rows.map { try map(PostgresStoreRow($0)) }
    }

    func run(_ sql: String, _ arguments: [SQLValue]) throws { _ = try perform(sql, arguments) }

    func insertReturningID(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
        guard let id = try rows(sql + " RETURNING id", arguments, map: { $0.int64(0) }).first else {
            throw FactStoreError.server(location: location.display, reason: "INSERT returned no id")
        }
        return id
    }

    func inserter(_ sql: String) throws -> any RowInserter {
        try PostgresInserter(sql: sql, connection: self)
    }

    /// Notes an inserter that holds rows not yet sent.
    func holdsRows(_ inserter: PostgresInserter) {
        pending.append(inserter)
    }

    /// Sends the rows every inserter still holds, in the order the inserters were made.
    func flushPending() throws {
        let waiting = pending
        pending = []
        for inserter in waiting { try inserter.flush() }
    }

    /// Runs one statement (after the pending inserts) and returns its rows.
    func perform(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        if !pending.isEmpty { try flushPending() }
        return try send(sql, arguments)
    }

    /// Runs one statement as it is, its errors turned into `FactStoreError`.
    func send(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .int(let v): binds.append(v)
            case .text(let s): binds.append(s)
            case .utf8(let bytes): binds.append(String(decoding: bytes, as: UTF8.self))
            case .real(let d): binds.append(d)
            case .null: binds.appendNull()
            }
        }
        let query = PostgresQuery(unsafeSQL: PostgresSQL.parameters(sql), binds: binds)
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw ServerFailure(error)
        }
    }

    // MARK: Transactions and schema

    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try send("BEGIN ISOLATION LEVEL READ COMMITTED", [])
        do {
            _ = try send("SELECT pg_advisory_xact_lock(?1)", [.int(Self.writerLock)])
            let value = try body()
            try flushPending()
            _ = try send("COMMIT", [])
            return value
        } catch {
            pending = []
            _ = try? send("ROLLBACK", [])
            throw error
        }
    }

    func lastRunID() throws -> Int64 {
        try scalarInt("SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence('runs', 'id') AS regclass))") ?? 0
    }

    func claimRunID(_ id: Int64) throws {
        try run("SELECT setval(pg_get_serial_sequence('runs', 'id'), ?1)", [.int(id)])
    }

    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try flushPending()
        _ = try send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [])
        defer { _ = try? send("COMMIT", []) }
        return try body()
    }

    func tableNames() throws -> [String] {
        try rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", []) { $0.text(0) }
    }

    func keepCopy(beforeMigratingFrom version: Int) throws {}

    func prepareSchema() throws {
        for statement in PostgresSQL.identityFunctions { try run(statement) }
    }

    /// Nothing: PostgreSQL's autovacuum reuses the space of deleted rows.
    func reclaimSpace() throws {}

    func storageSize() -> Int64 {
        (try? scalarInt("SELECT pg_database_size(current_database())")) ?? 0
    }

    /// The reason to show for a failed connection or statement, without the password.
    static func reason(_ error: any Error) -> String {
        if let failure = error as? ServerFailure { return failure.message }
        return ServerFailure(error).message
    }
}

/// A failed PostgreSQL call: the SQLSTATE (nil when the server did not answer) and the message.
struct ServerFailure: Error, CustomStringConvertible {
    /// The five-character SQLSTATE.
    let sqlState: String?
    /// The server's message, or what failed on the way to it.
    let message: String

    init(_ error: any Error) {
        if let e = error as? PSQLError {
            sqlState = e.serverInfo?[.sqlState]
            if let m = e.serverInfo?[.message] {
                message = m + (e.serverInfo?[.detail].map { " (\($0))" } ?? "")
            } else if let underlying = e.underlying {
                message = "\(e.code): \(underlying)"
            } else {
                message = "\(e.code)"
            }
        } else {
            sqlState = nil
            message = "\(error)"
        }
    }

    var description: String { message + (sqlState.map { " (SQLSTATE \($0))" } ?? "") }
}
