import TestSupport
import XCTest
@testable import Driver

/// `store:` in the configuration and the order in which a command's store is chosen: `--db`,
/// else `HEAPSIGHT_DB`, else `store:`, else reports/heapsight.db.
final class StoreLocationTests: XCTestCase {
    func parse(_ yaml: String, file: String = "ci/heapsight.yml") throws -> Configuration {
        try Configuration.parse(bytes: Array(yaml.utf8), file: file)
    }

    func testStoreKeyTakesAFileRelativeToTheConfigurationOrAURL() throws {
        XCTAssertEqual(try parse("store: history/h.db\n").store, "ci/history/h.db")
        XCTAssertEqual(try parse("store: h.db\n", file: "heapsight.yml").store, "h.db")
        XCTAssertEqual(try parse("store: /var/lib/h.db\n").store, "/var/lib/h.db")
        let url = "postgres://ci@db.example.com:5432/history?sslmode=verify-full"
        XCTAssertEqual(try parse("store: \(url)\n").store, url)
        XCTAssertNil(try parse("store: \"\"\n").store, "empty means the default")
        XCTAssertNil(try parse("engine: native\n").store)
    }

    func testBadStoreValuesNameTheKey() throws {
        let cases: [(String, String)] = [
            ("store: mysql://h/d\n", "ci/heapsight.yml: store: cannot use the database mysql://h/d: a mysql:// URL is not a store heapsight can use"),
            ("store: postgres://u:pw@h/d\n", "ci/heapsight.yml: store: cannot use the database postgres://u:***@h/d: the URL holds a password"),
            ("store: postgres://h/d?sslrootkey=x\n", "ci/heapsight.yml: store: cannot use the database postgres://h/d?sslrootkey=x: unknown parameter 'sslrootkey'"),
            ("store: {file: h.db}\n", "ci/heapsight.yml: store: must be a single value"),
        ]
        for (yaml, message) in cases {
            XCTAssertThrowsError(try parse(yaml), yaml) { error in
                XCTAssertTrue((error as? ConfigurationError)?.description.hasPrefix(message) == true, "\(yaml): \(error)")
            }
        }
    }

    func testPrecedenceFlagThenEnvironmentThenConfigurationThenDefault() throws {
        var config = Configuration()
        config.path = "ci/heapsight.yml"
        config.store = "ci/h.db"
        var reads = 0
        let load: () throws -> Configuration = { reads += 1; return config }
        let variable = ["HEAPSIGHT_DB": "postgres://ci@db/h"]
        XCTAssertEqual(try StoreLocation.resolve(flag: "f.db", environment: variable, configuration: load), StoreLocation("f.db", source: .flag))
        XCTAssertEqual(try StoreLocation.resolve(flag: nil, environment: variable, configuration: load),
                       StoreLocation("postgres://ci@db/h", source: .environment))
        XCTAssertEqual(reads, 0, "the configuration is not read when --db or HEAPSIGHT_DB names the store")
        XCTAssertEqual(try StoreLocation.resolve(flag: nil, environment: ["HEAPSIGHT_DB": ""], configuration: load),
                       StoreLocation("ci/h.db", source: .configuration(file: "ci/heapsight.yml")))
        XCTAssertEqual(try StoreLocation.resolve(flag: nil, environment: [:], configuration: { Configuration() }),
                       StoreLocation("reports/heapsight.db", source: .builtInDefault))
        XCTAssertEqual(reads, 1)
        // Who may create the missing folder of a file: not a path typed by the user.
        XCTAssertEqual([StoreLocation.Source.flag, .environment, .configuration(file: "x"), .builtInDefault]
            .map { StoreLocation("a/h.db", source: $0).mayCreateFolder }, [false, false, true, true])
    }

    func testBadFlagOrVariableNamesItsSource() throws {
        let never: () throws -> Configuration = { XCTFail("configuration read"); return Configuration() }
        XCTAssertThrowsError(try StoreLocation.resolve(flag: "redis://h", environment: [:], configuration: never)) { error in
            XCTAssertTrue("\(error)".hasPrefix("--db: cannot use the database redis://h: a redis:// URL"), "\(error)")
        }
        XCTAssertThrowsError(try StoreLocation.resolve(flag: nil, environment: ["HEAPSIGHT_DB": "postgres://u:secret@h/d"], configuration: never)) { error in
            XCTAssertTrue("\(error)".hasPrefix("HEAPSIGHT_DB: cannot use the database postgres://u:***@h/d"), "\(error)")
            XCTAssertFalse("\(error)".contains("secret"))
        }
    }
}
