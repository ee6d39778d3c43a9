import Foundation

extension FactStore {
    /// Refuses, before any work and without connecting or writing, a store location that can
    /// never be opened: a malformed `postgres://` URL or one that holds a password, a URL of a
    /// kind heapsight does not store history in (`mysql://…`), an empty location, or an existing,
    /// non-empty file that is not a SQLite database. `scan` checks its store with it before
    /// any work.
    public static func checkLocation(_ location: String) throws {
        try checkLocationForm(location)
        if !isServerLocation(location) { try StoreFile.checkHeader(path: location) }
    }

    /// The part of `checkLocation` that looks only at the text, never at a file or a server:
    /// every `--db`, `HEAPSIGHT_DB` and `store:` value passes through it.
    public static func checkLocationForm(_ location: String) throws {
        if isServerLocation(location) {
            _ = try PostgresLocation(url: location)
            return
        }
        if location.trimmingCharacters(in: .whitespaces).isEmpty {
            throw FactStoreError.badLocation(location: "''", reason: "the location is empty; give a SQLite file or a postgres:// URL")
        }
        if let scheme = urlScheme(location) {
            throw FactStoreError.badLocation(location: location,
                reason: "a \(scheme):// URL is not a store heapsight can use; give a SQLite file, or a PostgreSQL database")
        }
    }

    /// The scheme of a `SCHEME://…` location, nil for a file path.
    static func urlScheme(_ location: String) -> String? {
        guard let colon = location.range(of: "://") else { return nil }
        let scheme = location[..<colon.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return String(scheme)
    }
}
