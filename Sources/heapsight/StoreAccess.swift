import FactStore
import Foundation

/// Opening the store for the commands that use an existing one: never created, errors turned
/// into `heapsight: error:` and exit 2, one wording for a missing database
/// (`FactStoreError.missingDatabase`) whichever command meets it.
enum StoreAccess {
    /// Opens the store read-only (never migrated) for the commands that only read it.
    static func openForReading(_ options: StoreOptions) throws -> FactStore {
        try reportingStoreErrors { try FactStore.openReadOnly(path: options.db) }
    }

    /// Opens an existing store read-write (an older schema is migrated, with a backup) for the
    /// commands that change recorded runs but never create a store (`prune`).
    static func openExistingForWriting(_ options: StoreOptions) throws -> FactStore {
        try reportingStoreErrors {
            guard FactStore.isServerLocation(options.db) || FileManager.default.fileExists(atPath: options.db) else {
                throw FactStoreError.missingDatabase(path: options.db)
            }
            return try FactStore.open(path: options.db)
        }
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
