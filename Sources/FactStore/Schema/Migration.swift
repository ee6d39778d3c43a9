/// One step of the schema's history: the SQL (and any code) that takes a database from
/// `version - 1` to `version`. Migrations are never edited once released; a change is a new one.
struct Migration: Sendable {
    /// The version this migration produces.
    let version: Int
    /// What the migration changes, in one line (stored in `schema_version.description`).
    let summary: String
    /// Applies the migration inside the migrator's transaction.
    let apply: @Sendable (any StoreConnection) throws -> Void
}

/// All migrations in order. `Schema.current` is the last one's version.
enum Schema {
    /// Every migration, oldest first.
    static let migrations: [Migration] = [SchemaV1.migration, SchemaV2.migration, SchemaV3.migration,
                                               SchemaV4.migration, SchemaV5.migration, SchemaV6.migration,
                                               SchemaV7.migration]
    /// The schema version this build writes.
    static var current: Int { migrations.last!.version }
}
