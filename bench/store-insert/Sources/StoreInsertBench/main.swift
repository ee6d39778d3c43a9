// Inserts N fact-shaped rows (9 columns: run, function, kind, file, line, column, subject,
// detail, explanation) in one transaction, three ways, and prints seconds per 100k rows.
import CSQLiteBench
import Foundation
import GRDB

let n = Int(CommandLine.arguments.dropFirst().first ?? "100000") ?? 100_000
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-insert-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }

let ddl = """
    CREATE TABLE facts(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, function_id TEXT, kind TEXT NOT NULL,
      file TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, subject TEXT NOT NULL,
      detail TEXT NOT NULL, explanation TEXT NOT NULL);
    """
let insertSQL = "INSERT INTO facts(run_id,function_id,kind,file,line,col,subject,detail,explanation) VALUES(?,?,?,?,?,?,?,?,?)"

struct Row { var fn: String; var kind: String; var file: String; var line: Int; var col: Int; var subject: String; var detail: String; var expl: String }
let rows: [Row] = (0..<n).map { i in
    Row(fn: "example.com/m/pkg\(i % 50).F\(i % 1000)", kind: ["escapes", "alloc", "can-inline", "moved-to-heap"][i % 4],
        file: "pkg\(i % 50)/file\(i % 7).go", line: i % 5000 + 1, col: i % 80 + 1,
        subject: "&T{...} value \(i)", detail: i % 4 == 1 ? "composite heap depth=1" : "", expl: "flow: ~r0 = &x\nfrom &x (address-of)")
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t = Date(); try body(); return Date().timeIntervalSince(t)
}
let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

// 1. Raw C API, one prepared statement reused.
let raw = try seconds {
    var db: OpaquePointer?
    guard sqlite3_open(dir.appendingPathComponent("raw.db").path, &db) == SQLITE_OK else { fatalError("open") }
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + ddl, nil, nil, nil)
    sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil)
    var st: OpaquePointer?
    sqlite3_prepare_v2(db, insertSQL, -1, &st, nil)
    for r in rows {
        sqlite3_bind_int64(st, 1, 1)
        sqlite3_bind_text(st, 2, r.fn, -1, transient)
        sqlite3_bind_text(st, 3, r.kind, -1, transient)
        sqlite3_bind_text(st, 4, r.file, -1, transient)
        sqlite3_bind_int64(st, 5, Int64(r.line))
        sqlite3_bind_int64(st, 6, Int64(r.col))
        sqlite3_bind_text(st, 7, r.subject, -1, transient)
        sqlite3_bind_text(st, 8, r.detail, -1, transient)
        sqlite3_bind_text(st, 9, r.expl, -1, transient)
        guard sqlite3_step(st) == SQLITE_DONE else { fatalError("step") }
        sqlite3_reset(st)
    }
    sqlite3_finalize(st)
    sqlite3_exec(db, "COMMIT", nil, nil, nil)
    sqlite3_close(db)
}

// 2. GRDB cached statement + execute(arguments:).
var config = Configuration()
config.journalMode = .wal
let grdbStatement = try seconds {
    let q = try DatabaseQueue(path: dir.appendingPathComponent("grdb1.db").path, configuration: config)
    try q.write { db in
        try db.execute(sql: ddl)
        let st = try db.cachedStatement(sql: insertSQL)
        for r in rows {
            try st.execute(arguments: [1, r.fn, r.kind, r.file, r.line, r.col, r.subject, r.detail, r.expl])
        }
    }
}

// 3. GRDB Codable record insert.
struct FactRow: Codable, PersistableRecord {
    static let databaseTableName = "facts"
    var run_id: Int64; var function_id: String; var kind: String; var file: String; var line: Int
    var col: Int; var subject: String; var detail: String; var explanation: String
}
let grdbRecord = try seconds {
    let q = try DatabaseQueue(path: dir.appendingPathComponent("grdb2.db").path, configuration: config)
    try q.write { db in
        try db.execute(sql: ddl)
        for r in rows {
            try FactRow(run_id: 1, function_id: r.fn, kind: r.kind, file: r.file, line: r.line, col: r.col,
                        subject: r.subject, detail: r.detail, explanation: r.expl).insert(db)
        }
    }
}

let per = 100_000.0 / Double(n)
print(String(format: "rows=%d raw-c=%.3fs grdb-cachedStatement=%.3fs grdb-codable=%.3fs (seconds per 100k rows)",
             n, raw * per, grdbStatement * per, grdbRecord * per))
