/// Version 3: `function_metrics.fingerprint`, a multiset hash of each function's facts, so that
/// `diff` compares two runs function by function and reads only the facts of functions that
/// changed. The per-run index now carries the fingerprint and count, so that this comparison
/// reads two contiguous index ranges instead of 2 × functions random rows of a table clustered
/// by function. Fingerprints of runs already recorded are computed by this migration.
enum SchemaV3 {
    static let migration = Migration(version: 3, summary: "function_metrics.fingerprint") { db in
        try db.executeSchema("""
            ALTER TABLE function_metrics ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
            DROP INDEX function_metrics_run;
            CREATE INDEX function_metrics_run ON function_metrics(run_id, fingerprint, facts);
            """)
        let runIDs = try db.rows("SELECT id FROM runs ORDER BY id") { $0.int64(0) }
        for id in runIDs { try MetricsMaterializer.fingerprint(run: id, on: db) }
    }
}
