/// Version 6: `pass_executions`, one row per (run, package, pass) saying whether the pass
/// computed its facts there and which fact kinds it declares, so that a policy never passes a
/// rule whose facts were not computed (the native engine without escape analysis, gc without a
/// toolchain, a disabled or failed pass). `runs.passes_recorded` is 1 for runs recorded with
/// them; runs recorded before this version keep 0: which passes ran is unknown, and rules that
/// need computed facts are reported as not evaluated rather than passed.
enum SchemaV6 {
    static let sql = """
        ALTER TABLE runs ADD COLUMN passes_recorded INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE pass_executions(
          id         INTEGER PRIMARY KEY,
          run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          package    TEXT NOT NULL,
          pass       TEXT NOT NULL,
          status     TEXT NOT NULL CHECK (status IN ('ran', 'skipped', 'failed')),
          reason     TEXT NOT NULL,
          fact_kinds TEXT NOT NULL
        );
        CREATE INDEX pass_executions_run ON pass_executions(run_id, package);
        """

    static let migration = Migration(version: 6, summary: "pass_executions, runs.passes_recorded") { db in
        try db.executeSchema(sql)
    }
}
