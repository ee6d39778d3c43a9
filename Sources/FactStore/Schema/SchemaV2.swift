/// Version 2: per-run metrics per function and per package, materialized when a run is recorded
/// so that trend queries never scan facts; a dictionary of function ids for fast glob lookups;
/// `runs.heap_sites_source`, which says how heap sites were counted for the run; and row counts
/// on `runs`, so that listing runs never counts facts; and `runs.git_committed_at`, the commit's
/// own date, which orders backfilled runs by history rather than by when they were scanned.
/// Runs recorded under version 1 get their metrics computed by this migration.
enum SchemaV2 {
    static let sql = """
        ALTER TABLE runs ADD COLUMN heap_sites_source TEXT NOT NULL DEFAULT 'none';
        ALTER TABLE runs ADD COLUMN package_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN function_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN fact_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN diagnostic_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN git_committed_at TEXT;
        CREATE TABLE function_metrics(
          run_id              INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          function_id         TEXT NOT NULL,
          package             TEXT NOT NULL,
          heap_sites          INTEGER NOT NULL,
          heap_sites_in_loops INTEGER NOT NULL,
          moved_to_heap       INTEGER NOT NULL,
          escapes             INTEGER NOT NULL,
          no_escape           INTEGER NOT NULL,
          leaks               INTEGER NOT NULL,
          inlinable           INTEGER NOT NULL,
          not_inlinable       INTEGER NOT NULL,
          inline_calls        INTEGER NOT NULL,
          allocs              INTEGER NOT NULL,
          facts               INTEGER NOT NULL,
          PRIMARY KEY (function_id, run_id)
        ) WITHOUT ROWID;
        CREATE INDEX function_metrics_run ON function_metrics(run_id);
        CREATE TABLE package_metrics(
          run_id              INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          package             TEXT NOT NULL,
          functions           INTEGER NOT NULL,
          heap_sites          INTEGER NOT NULL,
          heap_sites_in_loops INTEGER NOT NULL,
          moved_to_heap       INTEGER NOT NULL,
          escapes             INTEGER NOT NULL,
          no_escape           INTEGER NOT NULL,
          leaks               INTEGER NOT NULL,
          inlinable           INTEGER NOT NULL,
          not_inlinable       INTEGER NOT NULL,
          inline_calls        INTEGER NOT NULL,
          allocs              INTEGER NOT NULL,
          facts               INTEGER NOT NULL,
          PRIMARY KEY (run_id, package)
        ) WITHOUT ROWID;
        CREATE INDEX package_metrics_package ON package_metrics(package, run_id);
        CREATE TABLE function_names(
          function_id TEXT PRIMARY KEY
        ) WITHOUT ROWID;
        CREATE INDEX runs_started ON runs(started_at);
        """

    static let migration = Migration(version: 2, summary: "function_metrics, package_metrics, function_names, runs.heap_sites_source, row counts, git_committed_at") { db in
        try db.executeSchema(sql)
        // `WHERE true` lets SQLite tell the upsert clause from a join condition.
        try db.run("INSERT INTO function_names(function_id) SELECT DISTINCT function_id FROM functions WHERE true ON CONFLICT DO NOTHING")
        let runIDs = try db.rows("SELECT id FROM runs ORDER BY id") { $0.int64(0) }
        for id in runIDs { try MetricsMaterializer.materialize(run: id, on: db) }
    }
}
