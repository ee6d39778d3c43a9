import Foundation

/// Creating the database a PostgreSQL store names when the server has none of that name, as a
/// writing command creates a missing SQLite file: through the server's maintenance database
/// (`postgres`), as `createdb` does, with the same role. Several writers may race to create it;
/// the losers find it made.
extension PostgresStoreConnection {
    /// SQLSTATE `invalid_catalog_name`: the database named at login does not exist.
    static let undefinedDatabase = "3D000"
    /// SQLSTATEs of a database another writer created first: `duplicate_database`, or
    /// `unique_violation` when both inserted its catalogue row at the same moment.
    static let createdByAnother: Set<String> = ["42P04", "23505"]
    /// The database every cluster has, used only to create the store's.
    static let maintenanceDatabase = "postgres"

    /// Creates `location`'s database; a refusal (a role without CREATEDB) is explained.
    static func createDatabase(_ location: PostgresLocation) throws {
        var maintenance = location
        maintenance.database = maintenanceDatabase
        let quoted = "\"" + location.database.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        do {
            try PostgresStoreConnection(location: maintenance, readOnly: false).run("CREATE DATABASE \(quoted)")
        } catch let failure as ServerFailure where failure.sqlState.map(createdByAnother.contains) == true {
            return
        } catch let failure as ServerFailure {
            throw FactStoreError.server(location: location.display, reason: """
                the server has no database \(location.database) and it could not be created (\(failure.message)); \
                create it with `createdb -h \(location.host) -p \(location.port) -U \(location.user) \(location.database)`, \
                or use a role that may create databases
                """)
        } catch let FactStoreError.cannotConnect(_, reason) {
            throw FactStoreError.server(location: location.display, reason: """
                the server has no database \(location.database), and its maintenance database \(maintenanceDatabase) \
                could not be reached to create it (\(reason)); create it with `createdb`
                """)
        }
    }
}
