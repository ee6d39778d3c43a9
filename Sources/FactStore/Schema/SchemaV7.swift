/// Version 7: `package_summaries`, the per-package summaries passes export for importers (the
/// escape analysis's leak tags), cached across runs. A row is keyed by the package, the content
/// hash of everything its summaries depend on (`SummaryCache.contentHash`: its files, its
/// dependencies' content hashes, the target and the heapsight build), the summary kind and its
/// format version; `summary` is the value's JSON. Rows belong to no run: a later scan whose
/// dependency has the same content hash reads the row instead of analysing the dependency.
enum SchemaV7 {
    static let sql = """
        CREATE TABLE package_summaries(
          package      TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          kind         TEXT NOT NULL,
          version      INTEGER NOT NULL,
          summary      TEXT NOT NULL,
          written_at   TEXT NOT NULL,
          PRIMARY KEY (package, content_hash, kind, version)
        );
        """

    static let migration = Migration(version: 7, summary: "package_summaries") { db in
        try db.executeSchema(sql)
    }
}
