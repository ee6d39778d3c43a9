import Foundation

/// Writes a run's profiles and their sites (schema version 5), inside the run's transaction.
struct ProfileWriter {
    let db: any StoreConnection

    /// Inserts the profiles of run `id` and their sites.
    func write(_ profiles: [ProfileRecord], run id: Int64) throws {
        let profileSQL = """
            INSERT INTO profiles(run_id, path, sha256, kind, sample_types, samples, attributed, total_objects,
              total_bytes, total_cpu_ns, duration_ns)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """
        let site = try db.inserter("""
            INSERT INTO profile_sites(run_id, profile_id, file, line, symbol, function_id, inlined, status,
              alloc_objects, alloc_bytes, inuse_objects, inuse_bytes, cpu_ns, call_file, call_line)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            """)
        for p in profiles {
            let profileID = try db.insertReturningID(profileSQL, [.int(id), .text(p.path), .text(p.sha256), .text(p.kind.rawValue),
                              .text(JSONText.encode(p.sampleTypes)), .integer(p.sampleCount), .integer(p.attributedCount),
                              .int(p.totalObjects), .int(p.totalBytes), .int(p.totalCPUNanoseconds),
                              .int(p.durationNanoseconds)])
            for s in p.sites {
                let w = s.weight
                try site.add([.int(id), .int(profileID), .text(s.file), .integer(s.line), .text(s.symbol),
                               .optional(s.functionID), .bool(s.inlined), .text(s.status.rawValue),
                               .int(w.allocObjects), .int(w.allocBytes), .int(w.inuseObjects), .int(w.inuseBytes),
                               .int(w.cpuNanoseconds), .optional(s.callFile), s.callLine.map { SQLValue.integer($0) } ?? .null])
            }
        }
    }

    /// Sets `profiled_bytes` and `profiled_objects` of the run's function and package metrics:
    /// allocated bytes and objects of the profile positions that exist in the source (`site` and
    /// `unknown`), by the function containing them and by the package of their file.
    static func materialize(run id: Int64, on db: any StoreConnection) throws {
        try db.run("""
            UPDATE function_metrics SET profiled_bytes = g.b, profiled_objects = g.o
            FROM (SELECT function_id, sum(alloc_bytes) AS b, sum(alloc_objects) AS o FROM profile_sites
                  WHERE run_id = ?1 AND status != 'stale' AND function_id IS NOT NULL GROUP BY function_id) AS g
            WHERE function_metrics.run_id = ?1 AND function_metrics.function_id = g.function_id
            """, [.int(id)])
        try db.run("""
            UPDATE package_metrics SET profiled_bytes = g.b, profiled_objects = g.o
            FROM (SELECT f.package AS package, sum(s.alloc_bytes) AS b, sum(s.alloc_objects) AS o
                  FROM profile_sites s JOIN files f ON f.run_id = s.run_id AND f.path = s.file
                  WHERE s.run_id = ?1 AND s.status != 'stale' GROUP BY f.package) AS g
            WHERE package_metrics.run_id = ?1 AND package_metrics.package = g.package
            """, [.int(id)])
    }
}

/// A profile as stored: its record without sites, and its row id.
public struct StoredProfile: Sendable, Equatable {
    /// Row id in `profiles`.
    public var id: Int64
    /// The profile (with `sites` empty; see `FactStore.profileSites(run:)`).
    public var record: ProfileRecord

    /// Creates a stored profile.
    public init(id: Int64, record: ProfileRecord) {
        self.id = id
        self.record = record
    }
}

extension FactStore {
    /// The profiles recorded with a run, in the order they were given.
    public func profiles(run: Int64) throws -> [StoredProfile] {
        try locked {
            try db.rows("""
                SELECT id, path, sha256, kind, sample_types, samples, attributed, total_objects, total_bytes,
                  total_cpu_ns, duration_ns
                FROM profiles WHERE run_id = ?1 ORDER BY id
                """, [.int(run)]) { s in
                StoredProfile(id: s.int64(0), record: ProfileRecord(
                    path: s.text(1), sha256: s.text(2), kind: ProfileKind(rawValue: s.text(3)) ?? .heap,
                    sampleTypes: JSONText.decode(s.text(4)), sampleCount: s.int(5), attributedCount: s.int(6),
                    totalObjects: s.int64(7), totalBytes: s.int64(8), totalCPUNanoseconds: s.int64(9),
                    durationNanoseconds: s.int64(10), sites: []))
            }
        }
    }

    /// The run's profiled positions with the weights of all its profiles added up, one per
    /// (file, line, symbol, call site), ordered by file, line, symbol and call site.
    public func profileSites(run: Int64) throws -> [ProfileSite] {
        try locked {
            try db.rows("""
                SELECT file, line, symbol, max(function_id), max(inlined), max(status),
                  sum(alloc_objects), sum(alloc_bytes), sum(inuse_objects), sum(inuse_bytes), sum(cpu_ns), call_file, call_line
                FROM profile_sites WHERE run_id = ?1
                GROUP BY file, line, symbol, call_file, call_line
                ORDER BY file, line, symbol, call_file IS NOT NULL, call_file, call_line
                """, [.int(run)]) { s in
                ProfileSite(row: s)
            }
        }
    }
}

extension ProfileSite {
    /// A site from a row of `profile_sites` whose columns are, in order: file, line, symbol,
    /// function_id, inlined, status, alloc_objects, alloc_bytes, inuse_objects, inuse_bytes,
    /// cpu_ns, call_file, call_line.
    init(row s: any StoreRow) {
        self.init(file: s.text(0), line: s.int(1), symbol: s.text(2), functionID: s.optionalText(3),
                  inlined: s.int(4) != 0, status: ProfileSiteStatus(rawValue: s.text(5)) ?? .stale,
                  weight: ProfileWeight(allocObjects: s.int64(6), allocBytes: s.int64(7),
                                        inuseObjects: s.int64(8), inuseBytes: s.int64(9),
                                        cpuNanoseconds: s.int64(10)),
                  callFile: s.optionalText(11), callLine: s.isNull(12) ? nil : s.int(12))
    }
}
