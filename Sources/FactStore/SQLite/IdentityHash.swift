import CSQLite

/// The SQL function `heapsight_identity(kind, subject, detail)`: a 32-bit hash of a fact's
/// identity within its function (FNV-1a over the UTF-8 bytes with a separator after each
/// argument, then a final avalanche). `function_metrics.fingerprint` is the sum of it over a
/// function's facts, so two runs' functions with equal fingerprints and fact counts have the same
/// facts up to a 2^-32 chance, and `diff` only needs to read the facts of the others.
enum IdentityHash {
    /// Registers the function on a connection.
    static func register(on db: OpaquePointer) {
        sqlite3_create_function_v2(db, "heapsight_identity", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                   { context, count, values in
            var h: UInt32 = 2_166_136_261
            for i in 0..<Int(count) {
                let value = values![i]
                if let text = sqlite3_value_text(value) {
                    let n = Int(sqlite3_value_bytes(value))
                    for j in 0..<n { h = (h ^ UInt32(text[j])) &* 16_777_619 }
                }
                h = (h ^ 0x1F) &* 16_777_619
            }
            h ^= h >> 16; h = h &* 0x85EB_CA6B
            h ^= h >> 13; h = h &* 0xC2B2_AE35
            h ^= h >> 16
            sqlite3_result_int64(context, Int64(h))
        }, nil, nil, nil)
    }
}
