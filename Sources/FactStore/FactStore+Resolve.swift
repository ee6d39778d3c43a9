extension FactStore {
    /// The run a reference names: a run number (`12`), `latest`, a label (the newest run with
    /// it), or a branch (the newest run recorded on it), tried in that order; a typed error
    /// listing what exists when nothing matches.
    public func resolveRun(_ ref: String) throws -> Int64 {
        let reference = ref.trimmingCharacters(in: .whitespaces)
        return try locked {
            if reference == "latest" || reference == "last" {
                if let id = try db.scalarInt("SELECT max(id) FROM runs") { return id }
                throw FactStoreError.unknownRun(reference: reference, hint: "the database has no runs yet; run `heapsight scan` first")
            }
            if let n = Int64(reference.hasPrefix("#") ? String(reference.dropFirst()) : reference) {
                if try db.scalarInt("SELECT id FROM runs WHERE id = ?1", [.int(n)]) != nil { return n }
                let range = try db.rows("SELECT min(id), max(id) FROM runs") { $0.isNull(0) ? "none" : "\($0.int64(0))–\($0.int64(1))" }.first ?? "none"
                throw FactStoreError.unknownRun(reference: reference, hint: "run numbers in the database: \(range); `heapsight runs` lists them")
            }
            if let id = try db.scalarInt("SELECT max(id) FROM runs WHERE label = ?1", [.text(reference)]) { return id }
            if let id = try db.scalarInt("SELECT max(id) FROM runs WHERE git_branch = ?1", [.text(reference)]) { return id }
            if reference.count >= 4, reference.allSatisfy(\.isHexDigit),
               let id = try db.scalarInt("SELECT max(id) FROM runs WHERE \(db.dialect.glob("git_commit", "?1"))",
                                         [db.dialect.globArgument(reference.lowercased() + "*")]) {
                return id
            }
            let labels = try db.rows("SELECT DISTINCT label FROM runs WHERE label IS NOT NULL ORDER BY label LIMIT 10") { $0.text(0) }
            let branches = try db.rows("SELECT DISTINCT git_branch FROM runs WHERE git_branch IS NOT NULL ORDER BY git_branch LIMIT 10") { $0.text(0) }
            let known = "labels: \(labels.isEmpty ? "none" : labels.joined(separator: ", ")); branches: \(branches.isEmpty ? "none" : branches.joined(separator: ", "))"
            throw FactStoreError.unknownRun(reference: reference, hint: "give a run number, `latest`, a label, a branch or a commit prefix (\(known))")
        }
    }
}
