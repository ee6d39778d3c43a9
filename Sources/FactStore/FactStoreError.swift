/// Why the store cannot do what was asked. Every message says what to do next.
public enum FactStoreError: Error, CustomStringConvertible, Equatable {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not a SQLite database; it was left untouched.
    case notADatabase(path: String)
    /// The file is a SQLite database but not a heapsight store.
    case foreignDatabase(path: String)
    /// The database was written by a newer heapsight with a schema this version does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A read-only open found a database that needs a migration first.
    case olderSchemaReadOnly(path: String, found: Int, supported: Int)
    /// The database file does not exist, or the PostgreSQL database does not exist or holds no
    /// heapsight tables (an open that must not create never creates one).
    case missingDatabase(path: String)
    /// A query tried to change the database through the read-only query connection.
    case writeRefused(sql: String)
    /// A query held no SQL statement (empty, blank or only comments).
    case emptyQuery
    /// A query held more than one SQL statement.
    case multipleStatements(sql: String)
    /// A query failed to prepare or run.
    case queryFailed(sql: String, reason: String)
    /// A run reference (`12`, a label, a branch, `latest`) matched nothing.
    case unknownRun(reference: String, hint: String)
    /// The store is locked by another writer for longer than the retry budget.
    case busy(path: String)
    /// Any other SQLite failure, with SQLite's message.
    case sqlite(path: String, reason: String)
    /// The run content is inconsistent (for example a fact refers to an unknown status).
    case invalidRun(reason: String)
    /// The file is a SQLite database whose pages are damaged or missing (truncated by a copy or
    /// a full disk).
    case damaged(path: String, reason: String)
    /// A `postgres://` store location that cannot be used as given.
    case badLocation(location: String, reason: String)
    /// The PostgreSQL server could not be reached or refused the login.
    case cannotConnect(location: String, reason: String)
    /// A statement failed on the PostgreSQL server.
    case server(location: String, reason: String)
    /// The store sits in a folder this user cannot write and has write-ahead log entries that
    /// were never merged into it, so it cannot be read consistently without writing.
    case pendingLogInReadOnlyFolder(path: String)

    /// A message a person can act on.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the heapsight database \(path): \(reason); check that the folder exists and is writable, or pass --db FILE"
        case .notADatabase(let path):
            return "\(path) is not a SQLite database; it was left unchanged — pass --db with another file name"
        case .foreignDatabase(let path) where FactStore.isServerLocation(path):
            return "\(path) holds tables but is not a heapsight store (no schema_version table); it was left unchanged — pass --db with another database"
        case .foreignDatabase(let path):
            return "\(path) is a SQLite database but not a heapsight store (no schema_version table); it was left unchanged — pass --db with another file name"
        case .newerSchema(let path, let found, let supported):
            return "\(path) has schema version \(found), but this heapsight understands up to version \(supported); upgrade heapsight, or pass --db with another file name"
        case .olderSchemaReadOnly(let path, let found, let supported):
            return "\(path) has schema version \(found) and needs migrating to version \(supported); run any writing command (for example `heapsight scan`) once, or open it read-write"
        case .missingDatabase(let path) where FactStore.isServerLocation(path):
            return "no heapsight history in \(path): the database does not exist or holds no heapsight tables, and nothing was created; run `heapsight scan --db URL` first, or pass --db with another database"
        case .missingDatabase(let path):
            return "no heapsight database at \(path); run `heapsight scan` first, or pass --db FILE"
        case .writeRefused(let sql):
            return "queries are read-only; this statement would change the database and was refused: \(sql.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .emptyQuery:
            return "the query holds no SQL statement; give one, for example \"select count(*) from runs\" (tables in docs/schema.md)"
        case .multipleStatements(let sql):
            return "give one SQL statement per query; this holds more than one, and none was run: \(sql.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .queryFailed(let sql, let reason):
            return "query failed: \(reason) — in: \(sql.trimmingCharacters(in: .whitespacesAndNewlines)); see docs/schema.md for tables and columns"
        case .unknownRun(let reference, let hint):
            return "no run matches '\(reference)'; \(hint)"
        case .busy(let path):
            return "\(path) stayed locked by another writer; retry when the other heapsight process has finished"
        case .sqlite(let path, let reason):
            return "database error in \(path): \(reason)"
        case .invalidRun(let reason):
            return "cannot record the run: \(reason)"
        case .damaged(let path, let reason):
            return "\(path) is damaged (\(reason)), perhaps truncated by an interrupted copy or a full disk; restore it from a backup (migrations keep \(path).bak-vN), or move it aside and scan again"
        case .badLocation(let location, let reason):
            return "cannot use the database \(location): \(reason); write it as postgres://USER@HOST:PORT/DB?sslmode=MODE"
        case .cannotConnect(let location, let reason):
            return "cannot connect to the PostgreSQL database \(location): \(reason); check that the server runs and that the user, host, port, database and sslmode are right, and give a password through PGPASSWORD or ~/.pgpass"
        case .server(let location, let reason):
            return "database error in \(location): \(reason)"
        case .pendingLogInReadOnlyFolder(let path):
            return "\(path) has changes in \(path)-wal that were never merged into it, and its folder is not writable, so it cannot be read; copy the database together with its -wal file to a writable folder, or open it once where it can be written"
        }
    }
}
