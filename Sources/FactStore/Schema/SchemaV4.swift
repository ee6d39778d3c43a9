/// Version 4: `directives`, the `//heapsight:` and `//gcassert:` comments the scan read, placed
/// on their function or statement or recorded as invalid, so that checking a run never reads
/// the source again (which may have changed since the scan). `runs.directives_recorded` is 1
/// for runs recorded with their directives; runs recorded before this version keep 0, because
/// their directives cannot be recovered, and the policy says so instead of passing them.
enum SchemaV4 {
    static let sql = """
        ALTER TABLE runs ADD COLUMN directives_recorded INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE directives(
          id          INTEGER PRIMARY KEY,
          run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          file        TEXT NOT NULL,
          line        INTEGER NOT NULL,
          col         INTEGER NOT NULL,
          text        TEXT NOT NULL,
          status      TEXT NOT NULL CHECK (status IN ('placed', 'invalid', 'note')),
          namespace   TEXT,
          verb        TEXT,
          rule        TEXT,
          reason      TEXT,
          function_id TEXT,
          target_line INTEGER,
          message     TEXT
        );
        CREATE INDEX directives_run ON directives(run_id, file, line, col);
        """

    static let migration = Migration(version: 4, summary: "directives, runs.directives_recorded") { db in
        try db.executeSchema(sql)
    }
}
