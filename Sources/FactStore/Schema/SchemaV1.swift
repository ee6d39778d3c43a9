/// Version 1: runs and everything that hangs off a run (packages, files, functions, facts,
/// diagnostics). Plain table names, because users write SQL against them (docs/schema.md).
enum SchemaV1 {
    static let sql = """
        CREATE TABLE schema_version(
          version     INTEGER PRIMARY KEY,
          applied_at  TEXT NOT NULL,
          description TEXT NOT NULL
        );
        CREATE TABLE runs(
          id           INTEGER PRIMARY KEY AUTOINCREMENT,
          started_at   TEXT NOT NULL,
          finished_at  TEXT NOT NULL,
          roots        TEXT NOT NULL,
          git_commit   TEXT,
          git_branch   TEXT,
          git_dirty    INTEGER,
          label        TEXT,
          engine       TEXT NOT NULL,
          tool_version TEXT NOT NULL,
          go_version   TEXT,
          goroot       TEXT,
          goos         TEXT NOT NULL,
          goarch       TEXT NOT NULL,
          config_hash  TEXT NOT NULL,
          status       TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'partial')),
          skipped      TEXT NOT NULL
        );
        CREATE INDEX runs_label ON runs(label) WHERE label IS NOT NULL;
        CREATE INDEX runs_branch ON runs(git_branch, id) WHERE git_branch IS NOT NULL;
        CREATE TABLE packages(
          id          INTEGER PRIMARY KEY,
          run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          import_path TEXT NOT NULL,
          name        TEXT NOT NULL,
          directory   TEXT NOT NULL,
          is_standard INTEGER NOT NULL,
          failed      INTEGER NOT NULL
        );
        CREATE INDEX packages_run ON packages(run_id, import_path);
        CREATE TABLE files(
          id      INTEGER PRIMARY KEY,
          run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          path    TEXT NOT NULL,
          package TEXT NOT NULL,
          sha256  TEXT NOT NULL,
          bytes   INTEGER NOT NULL,
          lines   INTEGER NOT NULL
        );
        CREATE INDEX files_run ON files(run_id, path);
        CREATE TABLE functions(
          id              INTEGER PRIMARY KEY,
          run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          function_id     TEXT NOT NULL,
          package         TEXT NOT NULL,
          receiver        TEXT NOT NULL,
          name            TEXT NOT NULL,
          file            TEXT NOT NULL,
          line            INTEGER NOT NULL,
          col             INTEGER NOT NULL,
          start_line      INTEGER NOT NULL,
          start_col       INTEGER NOT NULL,
          end_line        INTEGER NOT NULL,
          end_col         INTEGER NOT NULL,
          line_count      INTEGER NOT NULL,
          statement_count INTEGER NOT NULL,
          directives      TEXT NOT NULL,
          is_literal      INTEGER NOT NULL,
          parent          TEXT
        );
        CREATE INDEX functions_run ON functions(run_id, function_id);
        CREATE TABLE facts(
          id          INTEGER PRIMARY KEY,
          run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          kind        TEXT NOT NULL,
          file        TEXT NOT NULL,
          line        INTEGER NOT NULL,
          col         INTEGER NOT NULL,
          subject     TEXT NOT NULL,
          detail      TEXT NOT NULL,
          function_id TEXT,
          package     TEXT,
          explanation TEXT NOT NULL,
          external    INTEGER NOT NULL
        );
        CREATE INDEX facts_run ON facts(run_id, function_id);
        CREATE TABLE diagnostics(
          id       INTEGER PRIMARY KEY,
          run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          severity TEXT NOT NULL,
          source   TEXT NOT NULL,
          file     TEXT NOT NULL,
          line     INTEGER NOT NULL,
          col      INTEGER NOT NULL,
          message  TEXT NOT NULL,
          package  TEXT
        );
        CREATE INDEX diagnostics_run ON diagnostics(run_id);
        """

    static let migration = Migration(version: 1, summary: "runs, packages, files, functions, facts, diagnostics") { db in
        try db.executeSchema(sql)
    }
}
