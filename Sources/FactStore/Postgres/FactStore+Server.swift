extension FactStore {
    /// True when `location` names a PostgreSQL store (`postgres://…` or `postgresql://…`)
    /// rather than a SQLite file.
    public static func isServerLocation(_ location: String) -> Bool {
        PostgresLocation.isServerLocation(location)
    }

    /// Opens a PostgreSQL store under the same rules as a file. With `create`, read-write creates
    /// and migrates (under the writers' lock, so concurrent openers migrate once), first creating
    /// the database itself when the server has none of that name, as opening a missing file
    /// creates it. Without `create`, a database that does not exist or holds no heapsight tables
    /// is `missingDatabase` and stays as it was. Read-only never changes the database and also
    /// refuses an older or newer schema.
    static func openServer(url: String, readOnly: Bool, create: Bool) throws -> FactStore {
        let location = try PostgresLocation(url: url)
        let name = location.display
        let db: PostgresStoreConnection
        do {
            db = try PostgresStoreConnection(location: location, readOnly: readOnly)
        } catch FactStoreError.missingDatabase where create {
            try PostgresStoreConnection.createDatabase(location)
            db = try PostgresStoreConnection(location: location, readOnly: readOnly)
        }
        let found = try StoreFile.storeVersion(db, path: name)
        if found > Schema.current {
            throw FactStoreError.newerSchema(path: name, found: found, supported: Schema.current)
        }
        if found == 0 && !create { throw FactStoreError.missingDatabase(path: name) }
        if readOnly {
            if found < Schema.current {
                throw FactStoreError.olderSchemaReadOnly(path: name, found: found, supported: Schema.current)
            }
        } else {
            try StoreFile.wrap(name) { try Migrator(db: db, path: name).migrate(from: found) }
        }
        return FactStore(path: name, db: db, readOnly: readOnly)
    }
}
