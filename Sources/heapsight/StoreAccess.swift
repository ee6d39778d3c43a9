import FactStore
import Foundation

/// Opening the store for the commands that only read it: read-only, never created, never
/// migrated, errors turned into `heapsight: error:` and exit 2.
enum StoreAccess {
    static func openForReading(_ options: StoreOptions) throws -> FactStore {
        do {
            return try FactStore.openReadOnly(path: options.db)
        } catch let error as FactStoreError {
            throw fail(error.description)
        }
    }
}
