import Foundation
import PassKit

extension FactStore {
    /// Every cached package summary of the given kinds (name and version), for a scan's
    /// `SummaryCache`; rows of other versions are not read.
    public func cachedSummaries(kinds: [(name: String, version: Int)]) throws -> [CachedSummary] {
        try locked {
            var out: [CachedSummary] = []
            for kind in kinds {
                out += try db.rows("""
                    SELECT package, content_hash, summary FROM package_summaries WHERE kind = ?1 AND version = ?2
                    ORDER BY package, content_hash
                    """, [.text(kind.name), .integer(kind.version)]) { row in
                    CachedSummary(package: row.text(0), contentHash: row.text(1),
                                  summary: EncodedSummary(name: kind.name, version: kind.version, bytes: Array(row.text(2).utf8)))
                }
            }
            return out
        }
    }

    /// Writes summaries a scan computed, replacing a row with the same package, content hash,
    /// kind and version (one that could not be read). One transaction.
    public func recordSummaries(_ summaries: [CachedSummary]) throws {
        guard !summaries.isEmpty else { return }
        guard !isReadOnly else { throw FactStoreError.writeRefused(sql: "record summaries") }
        let now = Timestamp.format(Date())
        try locked {
            try db.writeTransaction {
                for s in summaries {
                    try db.run("""
                        INSERT INTO package_summaries(package, content_hash, kind, version, summary, written_at)
                        VALUES(?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT(package, content_hash, kind, version) DO UPDATE SET summary = excluded.summary, written_at = excluded.written_at
                        """, [.text(s.package), .text(s.contentHash), .text(s.summary.name), .integer(s.summary.version),
                              .text(String(decoding: s.summary.bytes, as: UTF8.self)), .text(now)])
                }
            }
        }
    }
}
