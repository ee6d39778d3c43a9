import Foundation

/// Brings a database to `Schema.current`: keeps a copy of an older database (SQLite:
/// `PATH.bak-vN`), then applies each missing migration in one write transaction, re-reading the
/// version inside it so that two processes opening the same store at once migrate it once.
struct Migrator {
    let db: any StoreConnection
    let path: String

    /// Migrates from `found` (as read before locking) to the current version.
    func migrate(from found: Int) throws {
        if found == Schema.current { return }
        if found > 0 { try db.keepCopy(beforeMigratingFrom: found) }
        try db.writeTransaction {
            let version = try StoreFile.schemaVersion(db, path: path)
            if version > Schema.current {
                throw FactStoreError.newerSchema(path: path, found: version, supported: Schema.current)
            }
            if version < Schema.current { try db.prepareSchema() }
            for migration in Schema.migrations where migration.version > version {
                try migration.apply(db)
                try db.run("INSERT INTO schema_version(version, applied_at, description) VALUES(?1, ?2, ?3)",
                           [.integer(migration.version), .text(Timestamp.format(Date())), .text(migration.summary)])
            }
        }
    }
}
