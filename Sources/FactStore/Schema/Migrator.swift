import Foundation

/// Brings a database to `Schema.current`: keeps a copy of an older database as
/// `PATH.bak-vN`, then applies each missing migration in one `BEGIN IMMEDIATE` transaction,
/// re-reading the version inside it so that two processes opening the same file at once
/// migrate it once.
struct Migrator {
    let db: SQLiteConnection
    let path: String

    /// Migrates from `found` (as read before locking) to the current version.
    func migrate(from found: Int) throws {
        if found == Schema.current { return }
        if found > 0 { try keepCopy(version: found) }
        try WriteTransaction.run(db, path: path) {
            let version = try StoreFile.schemaVersion(db, path: path)
            if version > Schema.current {
                throw FactStoreError.newerSchema(path: path, found: version, supported: Schema.current)
            }
            for migration in Schema.migrations where migration.version > version {
                try migration.apply(db)
                try db.run("INSERT INTO schema_version(version, applied_at, description) VALUES(?1, ?2, ?3)",
                           [.integer(migration.version), .text(Timestamp.format(Date())), .text(migration.summary)])
            }
        }
    }

    /// Writes a consistent copy of the database as `PATH.bak-vN` (an existing copy is kept).
    private func keepCopy(version: Int) throws {
        let backup = "\(path).bak-v\(version)"
        if FileManager.default.fileExists(atPath: backup) { return }
        try StoreFile.wrap(path) {
            try db.run("VACUUM INTO ?1", [.text(backup)])
        }
    }
}
