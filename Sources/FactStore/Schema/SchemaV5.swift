/// Version 5: profiles recorded with a run (`heapsight scan --profile`). `profiles` has one row
/// per profile file (its kind, hash, sample types and totals); `profile_sites` has one row per
/// source position the samples were attributed to, with the weight of each sample type and a
/// status that says whether a pass knows the position as a heap site (`site`), knows nothing
/// there (`unknown`), or the position does not exist in the scanned source (`stale`). A position
/// inside a function that was inlined carries the call site in the function it was compiled into
/// (`call_file`, `call_line`), which is where the compiler reports the inlined allocation.
/// `function_metrics` and `package_metrics` gain `profiled_bytes` and `profiled_objects`
/// (allocated bytes and objects attributed to heap sites of the function or package), so that
/// `trend` follows them like every other metric. Runs recorded before this version have no
/// profiles and zeros there.
enum SchemaV5 {
    static let sql = """
        CREATE TABLE profiles(
          id             INTEGER PRIMARY KEY,
          run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          path           TEXT NOT NULL,
          sha256         TEXT NOT NULL,
          kind           TEXT NOT NULL CHECK (kind IN ('heap', 'cpu')),
          sample_types   TEXT NOT NULL,
          samples        INTEGER NOT NULL,
          attributed     INTEGER NOT NULL,
          total_objects  INTEGER NOT NULL,
          total_bytes    INTEGER NOT NULL,
          total_cpu_ns   INTEGER NOT NULL,
          duration_ns    INTEGER NOT NULL
        );
        CREATE INDEX profiles_run ON profiles(run_id);
        CREATE TABLE profile_sites(
          id            INTEGER PRIMARY KEY,
          run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          profile_id    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
          file          TEXT NOT NULL,
          line          INTEGER NOT NULL,
          symbol        TEXT NOT NULL,
          function_id   TEXT,
          inlined       INTEGER NOT NULL,
          call_file     TEXT,
          call_line     INTEGER,
          status        TEXT NOT NULL CHECK (status IN ('site', 'unknown', 'stale')),
          alloc_objects INTEGER NOT NULL,
          alloc_bytes   INTEGER NOT NULL,
          inuse_objects INTEGER NOT NULL,
          inuse_bytes   INTEGER NOT NULL,
          cpu_ns        INTEGER NOT NULL
        );
        CREATE INDEX profile_sites_run ON profile_sites(run_id, file, line);
        ALTER TABLE function_metrics ADD COLUMN profiled_bytes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE function_metrics ADD COLUMN profiled_objects INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE package_metrics ADD COLUMN profiled_bytes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE package_metrics ADD COLUMN profiled_objects INTEGER NOT NULL DEFAULT 0;
        """

    static let migration = Migration(version: 5, summary: "profiles, profile_sites, metrics.profiled_bytes/objects") { db in
        try db.executeSchema(sql)
    }
}
