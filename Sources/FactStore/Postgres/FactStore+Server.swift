extension FactStore {
    /// True when `location` names a PostgreSQL store (`postgres://…` or `postgresql://…`)
    /// rather than a SQLite file.
    public static func isServerLocation(_ location: String) -> Bool {
        PostgresLocation.isServerLocation(location)
    }

    /// Opens a PostgreSQL store under the same rules as a file: read-write creates and migrates
    /// (under the writers' lock, so concurrent openers migrate once); read-only never changes
    /// the database and refuses a missing, older or newer schema.
    static func openServer(url: String, readOnly: Bool) throws -> FactStore {
        let location = try PostgresLocation(url: url)
        let name = location.display
        let db = try PostgresStoreConnection(location: location, readOnly: readOnly)
        try StoreFile.checkIsStore(db, path: name)
        let found = try StoreFile.schemaVersion(db, path: name)
        if found > Schema.current {
            throw FactStoreError.newerSchema(path: name, found: found, supported: Schema.current)
        }
        if readOnly {
            if found == 0 { throw FactStoreError.missingDatabase(path: name) }
            if found < Schema.current {
                throw FactStoreError.olderSchemaReadOnly(path: name, found: found, supported: Schema.current)
            }
        } else {
            try StoreFile.wrap(name) { try Migrator(db: db, path: name).migrate(from: found) }
        }
        return FactStore(path: name, db: db, readOnly: readOnly)
    }
}
