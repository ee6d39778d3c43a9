import PassKit

extension FactStore {
    /// Which passes computed their facts on which package of a run, ordered by package then
    /// pass; nil when the run was recorded before they were stored (schema version 4 or older),
    /// so that "nothing ran" and "not known" stay apart. A stored kind this heapsight does not
    /// know is dropped from the pass's kinds (it cannot satisfy a rule of this version).
    public func passExecutions(run: Int64) throws -> [PassExecution]? {
        try locked {
            let recorded = try db.rows("SELECT passes_recorded FROM runs WHERE id = ?1", [.int(run)]) { $0.int(0) != 0 }
            guard recorded.first == true else { return nil }
            return try db.rows("""
                SELECT package, pass, status, reason, fact_kinds FROM pass_executions WHERE run_id = ?1
                ORDER BY package, pass, id
                """, [.int(run)]) { s in
                // An unknown status (a newer heapsight) is treated as not having computed facts.
                PassExecution(package: s.text(0), pass: s.text(1),
                              status: PassExecution.Status(rawValue: s.text(2)) ?? .skipped, reason: s.text(3),
                              factKinds: JSONText.decode(s.text(4)).compactMap(FactKind.init(rawValue:)))
            }
        }
    }
}
