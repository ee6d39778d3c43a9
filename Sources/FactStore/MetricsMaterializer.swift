/// Computes a run's `function_metrics` and `package_metrics` rows from its facts, inside the
/// transaction that records the run (or the migration that introduced the tables).
///
/// Definitions (also in docs/schema.md). Only facts inside the scanned tree count
/// (`external = 0`).
/// - heap sites: `alloc` facts whose detail has the word `heap`. When a run has no `alloc` facts
///   at all (the allocations pass did not run), heap sites fall back to `escapes` +
///   `moved-to-heap`, and `runs.heap_sites_source` says which definition was used
///   (`alloc`, `escapes`, or `none` for a run with neither).
/// - heap sites in loops: heap `alloc` facts whose `depth=N` has N ≥ 1 (0 under the fallback).
/// - leaks: `leak-param` + `leak-param-content`.
/// - inlinable / not inlinable: 1 when the function has a `can-inline` / `cannot-inline` fact.
enum MetricsMaterializer {
    /// Metric columns shared by both tables, with the expression each fact contributes as 0 or
    /// 1 (`?2` is 1 when heap sites come from `alloc` facts).
    static func perFact(_ dialect: SQLDialect) -> [(column: String, expression: String)] {
        let like = dialect.caseInsensitiveLike
        return [
        ("heap_sites", "CASE WHEN ?2 = 1 THEN (kind = 'alloc' AND (' ' || detail || ' ') \(like) '% heap %') ELSE kind IN ('escapes', 'moved-to-heap') END"),
        ("heap_sites_in_loops", "CASE WHEN ?2 = 1 THEN (kind = 'alloc' AND (' ' || detail || ' ') \(like) '% heap %' AND detail \(like) '%depth=%' AND detail NOT \(like) '%depth=0%') ELSE false END"),
        ("moved_to_heap", "kind = 'moved-to-heap'"),
        ("escapes", "kind = 'escapes'"),
        ("no_escape", "kind = 'no-escape'"),
        ("leaks", "kind IN ('leak-param', 'leak-param-content')"),
        ("inlinable", "kind = 'can-inline'"),
        ("not_inlinable", "kind = 'cannot-inline'"),
        ("inline_calls", "kind = 'inline-call'"),
        ("allocs", "kind = 'alloc'"),
        ("facts", "true"),
        ].map { ($0.0, "CAST(\($0.1) AS INTEGER)") }
    }

    /// Inserts the metrics rows of one run.
    static func materialize(run id: Int64, on db: any StoreConnection) throws {
        let perFact = Self.perFact(db.dialect)
        let hasAlloc = try db.scalarInt(
            "SELECT EXISTS(SELECT 1 FROM facts WHERE run_id = ?1 AND external = 0 AND kind = 'alloc')", [.int(id)]) == 1
        let hasEscapes = try db.scalarInt(
            "SELECT EXISTS(SELECT 1 FROM facts WHERE run_id = ?1 AND external = 0 AND kind IN ('escapes', 'moved-to-heap'))", [.int(id)]) == 1
        let source = hasAlloc ? "alloc" : (hasEscapes ? "escapes" : "none")
        try db.run("""
            UPDATE runs SET heap_sites_source = ?2,
              package_count = (SELECT count(*) FROM packages WHERE run_id = ?1),
              function_count = (SELECT count(*) FROM functions WHERE run_id = ?1),
              fact_count = (SELECT count(*) FROM facts WHERE run_id = ?1),
              diagnostic_count = (SELECT count(*) FROM diagnostics WHERE run_id = ?1)
            WHERE id = ?1
            """, [.int(id), .text(source)])

        let columns = perFact.map(\.column)
        let fnAggregates = perFact.map { c in
            c.column == "inlinable" || c.column == "not_inlinable"
                ? "COALESCE(max(\(c.expression)), 0)" : "COALESCE(sum(\(c.expression)), 0)"
        }
        let functionSQL = """
            INSERT INTO function_metrics(run_id, function_id, package, \(columns.joined(separator: ", ")))
            SELECT ?1, k.function_id, k.package, \(columns.map { "COALESCE(m.\($0), 0)" }.joined(separator: ", "))
            FROM (SELECT function_id, max(package) AS package FROM (
                    SELECT function_id, package FROM functions WHERE run_id = ?1
                    UNION ALL
                    SELECT function_id, COALESCE(package, '') FROM facts
                      WHERE run_id = ?1 AND external = 0 AND function_id IS NOT NULL) AS u
                  GROUP BY function_id) AS k
            LEFT JOIN (SELECT function_id, \(zip(fnAggregates, columns).map { "\($0) AS \($1)" }.joined(separator: ", "))
                       FROM facts WHERE run_id = ?1 AND external = 0 AND function_id IS NOT NULL
                       GROUP BY function_id) AS m
              ON m.function_id = k.function_id
            """
        try db.run(functionSQL, [.int(id), .int(hasAlloc ? 1 : 0)])

        let packageSQL = """
            INSERT INTO package_metrics(run_id, package, functions, \(columns.joined(separator: ", ")))
            SELECT ?1, package, sum(is_function), \(columns.map { "sum(\($0))" }.joined(separator: ", "))
            FROM (
              SELECT package, 1 AS is_function, \(columns.joined(separator: ", "))
                FROM function_metrics WHERE run_id = ?1
              UNION ALL
              SELECT COALESCE(package, ''), 0, \(perFact.map { "(\($0.expression))" }.joined(separator: ", "))
                FROM facts WHERE run_id = ?1 AND external = 0 AND function_id IS NULL
              UNION ALL
              SELECT import_path, 0, \(columns.map { _ in "0" }.joined(separator: ", "))
                FROM packages WHERE run_id = ?1
            ) AS u
            GROUP BY package
            """
        try db.run(packageSQL, [.int(id), .int(hasAlloc ? 1 : 0)])
    }

    /// Sets `function_metrics.fingerprint` of one run (schema version 3): per function, the sum
    /// of `heapsight_identity(kind, subject, detail)` over its facts inside the scanned tree.
    static func fingerprint(run id: Int64, on db: any StoreConnection) throws {
        try db.run("""
            UPDATE function_metrics SET fingerprint = g.fp
            FROM (SELECT function_id, sum(heapsight_identity(kind, subject, detail)) AS fp FROM facts
                  WHERE run_id = ?1 AND external = 0 AND function_id IS NOT NULL GROUP BY function_id) AS g
            WHERE function_metrics.run_id = ?1 AND function_metrics.function_id = g.function_id
            """, [.int(id)])
    }
}
