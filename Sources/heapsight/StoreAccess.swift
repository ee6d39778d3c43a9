import Driver
import FactStore
import Foundation

/// Opening the store for the commands that use an existing one: never created, errors turned
/// into `heapsight: error:` and exit 2, one wording for a missing database
/// (`FactStoreError.missingDatabase`) whichever command meets it, and the same for an absent
/// SQLite file and an absent or empty PostgreSQL database.
enum StoreAccess {
    /// Opens the store read-only (never migrated) for the commands that only read it.
    static func openForReading(_ store: StoreLocation) throws -> FactStore {
        try reportingStoreErrors { try FactStore.openReadOnly(path: store.location) }
    }

    /// Opens the store read-only when it holds a history, nil when there is none yet (an absent
    /// file, an absent or empty PostgreSQL database): for `check`, which reads the baseline
    /// before its scan records the first run.
    static func openIfRecorded(_ location: String) throws -> FactStore? {
        do {
            return try reportingStoreErrors { try FactStore.openReadOnly(path: location) }
        } catch FactStoreError.missingDatabase {
            return nil
        }
    }

    /// Opens an existing store read-write (an older schema is migrated, with a backup) for the
    /// commands that change recorded runs but never create a store (`prune`).
    static func openExistingForWriting(_ store: StoreLocation) throws -> FactStore {
        try reportingStoreErrors { try FactStore.openExisting(path: store.location) }
    }

    /// Runs `body`, turning a `FactStoreError` into the command's operational failure.
    private static func reportingStoreErrors(_ body: () throws -> FactStore) throws -> FactStore {
        do {
            return try body()
        } catch let error as FactStoreError {
            throw fail(error.description)
        }
    }
}
