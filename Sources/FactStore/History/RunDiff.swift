import PassKit

/// The facts that appeared and disappeared between two runs, grouped by function.
///
/// Identity rule: two facts are the same when they have the same enclosing function id, kind,
/// subject and detail — positions are not compared, so moving a function, editing code above
/// it or reformatting its file changes nothing. Facts outside any function are keyed by file
/// instead of function. Equal keys are counted: if a function had two `&T{}` escapes and now
/// has one, one disappeared (the later one in source order). Facts outside the scanned tree
/// (`external`) are left out unless asked for.
public struct RunDiff: Sendable, Hashable {
    /// The base run (A).
    public var base: Int64
    /// The compared run (B).
    public var head: Int64
    /// Changes per function (or per file for package-level facts), sorted by that key.
    public var changes: [FunctionChange]

    /// True when nothing appeared or disappeared.
    public var isEmpty: Bool { changes.isEmpty }
    /// Number of facts that appeared.
    public var appearedCount: Int { changes.reduce(0) { $0 + $1.appeared.count } }
    /// Number of facts that disappeared.
    public var disappearedCount: Int { changes.reduce(0) { $0 + $1.disappeared.count } }
}

/// What changed in one function between two runs.
public struct FunctionChange: Sendable, Hashable {
    /// The function id, or `file:PATH` for facts outside any function.
    public var function: String
    /// Facts only in the head run, with their positions in it, in canonical order.
    public var appeared: [Fact]
    /// Facts only in the base run, with their positions in it, in canonical order.
    public var disappeared: [Fact]
}

extension RunDiff {
    /// Compares two fact lists under the identity rule.
    public static func compare(base: Int64, head: Int64, baseFacts: [Fact], headFacts: [Fact]) -> RunDiff {
        var before: [FactIdentity: [Fact]] = [:]
        var after: [FactIdentity: [Fact]] = [:]
        for f in baseFacts { before[FactIdentity(f), default: []].append(f) }
        for f in headFacts { after[FactIdentity(f), default: []].append(f) }
        var byOwner: [String: FunctionChange] = [:]
        for (key, new) in after {
            let old = before[key]?.count ?? 0
            guard new.count > old else { continue }
            let extra = new.sorted(by: Fact.canonicalOrder).suffix(new.count - old)
            byOwner[key.owner, default: FunctionChange(function: key.owner, appeared: [], disappeared: [])].appeared += extra
        }
        for (key, old) in before {
            let new = after[key]?.count ?? 0
            guard old.count > new else { continue }
            let gone = old.sorted(by: Fact.canonicalOrder).suffix(old.count - new)
            byOwner[key.owner, default: FunctionChange(function: key.owner, appeared: [], disappeared: [])].disappeared += gone
        }
        let changes = byOwner.values.map { c in
            FunctionChange(function: c.function, appeared: c.appeared.sorted(by: Fact.canonicalOrder),
                           disappeared: c.disappeared.sorted(by: Fact.canonicalOrder))
        }.sorted { $0.function < $1.function }
        return RunDiff(base: base, head: head, changes: changes)
    }
}

extension FactStore {
    /// The facts that appeared and disappeared from run `base` to run `head`. Functions whose
    /// fingerprint and fact count are equal in both runs are skipped (see `IdentityHash`); the
    /// identities whose counts differ in the others, and among facts outside any function, are
    /// found in one grouped SQL pass; only the facts of those identities are loaded.
    public func diff(base: Int64, head: Int64, includeExternal: Bool = false) throws -> RunDiff {
        for id in [base, head] where try run(id: id) == nil {
            throw FactStoreError.unknownRun(reference: String(id), hint: "`heapsight runs` lists the recorded runs")
        }
        if base == head { return RunDiff(base: base, head: head, changes: []) }
        // Read only the facts that can differ, in one query per run, and compare them in memory
        // under the identity rule. Without external facts, functions whose fingerprint and fact
        // count agree in both runs cannot differ (metrics count only facts inside the tree).
        let (baseFacts, headFacts): ([Fact], [Fact]) = try locked { try db.readTransaction {
            if includeExternal {
                let all = "SELECT \(Self.factColumns) FROM facts WHERE run_id = ?1"
                return (try db.rows(all, [.int(base)], map: Self.fact), try db.rows(all, [.int(head)], map: Self.fact))
            }
            let functions = try db.rows("""
                SELECT function_id FROM function_metrics WHERE run_id IN (?1, ?2)
                GROUP BY function_id
                HAVING count(*) <> 2 OR min(fingerprint) <> max(fingerprint) OR min(facts) <> max(facts)
                """, [.int(base), .int(head)]) { $0.text(0) }
            let candidates = """
                SELECT \(Self.factColumns) FROM facts
                  WHERE run_id = ?1 AND function_id IN (\(db.dialect.jsonTextList("?2"))) AND external = 0
                UNION ALL
                SELECT \(Self.factColumns) FROM facts
                  WHERE run_id = ?1 AND function_id IS NULL AND external = 0
                """
            let list = SQLValue.text(JSONText.encode(functions))
            return (try db.rows(candidates, [.int(base), list], map: Self.fact),
                    try db.rows(candidates, [.int(head), list], map: Self.fact))
        } }
        return RunDiff.compare(base: base, head: head, baseFacts: baseFacts, headFacts: headFacts)
    }
}
