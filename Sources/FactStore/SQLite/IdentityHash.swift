import CSQLite

/// The SQL function `heapsight_identity(kind, subject, detail)`: a 32-bit hash of a fact's
/// identity within its function (FNV-1a over the UTF-8 bytes with a separator after each
/// argument, then a final avalanche). `function_metrics.fingerprint` is the sum of it over a
/// function's facts, so two runs' functions with equal fingerprints and fact counts have the same
/// facts up to a 2^-32 chance, and `diff` only needs to read the facts of the others.
/// `RunMetrics` computes the same hash in Swift when a run is recorded.
enum IdentityHash {
    /// FNV-1a's offset basis and prime.
    private static let basis: UInt32 = 2_166_136_261, prime: UInt32 = 16_777_619
    /// The byte mixed in after each argument.
    private static let separator: UInt32 = 0x1F

    /// The hash of a fact's kind, subject and detail, as the SQL function computes it.
    static func of(kind: String, subject: String, detail: String) -> Int64 {
        var h = basis
        for part in [kind, subject, detail] {
            for byte in part.utf8 { h = (h ^ UInt32(byte)) &* prime }
            h = (h ^ separator) &* prime
        }
        return finish(h)
    }

    /// The final avalanche.
    private static func finish(_ hash: UInt32) -> Int64 {
        var h = hash
        h ^= h >> 16; h = h &* 0x85EB_CA6B
        h ^= h >> 13; h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return Int64(h)
    }

    /// Registers the function on a connection.
    static func register(on db: OpaquePointer) {
        sqlite3_create_function_v2(db, "heapsight_identity", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                   { context, count, values in
            var h = IdentityHash.basis
            for i in 0..<Int(count) {
                let value = values![i]
                if let text = sqlite3_value_text(value) {
                    let n = Int(sqlite3_value_bytes(value))
                    for j in 0..<n { h = (h ^ UInt32(text[j])) &* IdentityHash.prime }
                }
                h = (h ^ IdentityHash.separator) &* IdentityHash.prime
            }
            sqlite3_result_int64(context, IdentityHash.finish(h))
        }, nil, nil, nil)
    }
}
