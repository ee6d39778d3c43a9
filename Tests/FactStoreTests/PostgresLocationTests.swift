@testable import FactStore
import Foundation
import XCTest

/// Reading a `postgres://` location and its password as libpq does. No server needed.
final class PostgresLocationTests: XCTestCase {
    func testURLPartsAndDefaults() throws {
        let full = try PostgresLocation(url: "postgres://ci@db.example:6543/history?sslmode=verify-full&sslrootcert=/etc/ca.pem", environment: [:])
        XCTAssertEqual(full.user, "ci")
        XCTAssertEqual(full.host, "db.example")
        XCTAssertEqual(full.port, 6543)
        XCTAssertEqual(full.database, "history")
        XCTAssertEqual(full.tls, .verifyFull)
        XCTAssertEqual(full.rootCertificate, "/etc/ca.pem")
        XCTAssertEqual(full.display, "postgres://ci@db.example:6543/history?sslmode=verify-full")
        let bare = try PostgresLocation(url: "postgresql://", environment: ["PGUSER": "alice"])
        XCTAssertEqual([bare.user, bare.host, String(bare.port), bare.database], ["alice", "localhost", "5432", "alice"])
        XCTAssertEqual(bare.tls, .prefer)
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@h/d?sslmode=allow", environment: [:]).tls, .prefer)
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@h/d?sslmode=disable", environment: [:]).tls, .disable)
        XCTAssertTrue(FactStore.isServerLocation("POSTGRES://u@h/d"))
        XCTAssertFalse(FactStore.isServerLocation("reports/postgres.db"))
    }

    func testPasswordInTheURLIsRefusedAndNeverShown() {
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://ci:hunter2@db/h", environment: [:])) { error in
            guard case FactStoreError.badLocation(let location, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(location.contains("hunter2"), location)
            XCTAssertTrue(reason.contains("PGPASSWORD"), reason)
            XCTAssertFalse("\(error)".contains("hunter2"))
        }
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://u@h/d?sslmode=sometimes", environment: [:]))
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://u@h/d?password=x", environment: [:]))
    }

    func testPasswordFromEnvironmentThenPasswordFile() throws {
        let dir = try StoreFixtures.tempDir(self)
        let file = dir.appendingPathComponent("pgpass").path
        try """
            # comment
            otherhost:5432:*:ci:wrong
            db.example:5432:hist\\:ory:ci:first
            *:*:*:ci:fallback
            db.example:5432:*:ci:too-late
            """.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let location = try PostgresLocation(url: "postgres://ci@db.example/hist%3Aory", environment: [:])
        XCTAssertEqual(location.database, "hist:ory")
        XCTAssertEqual(location.password(environment: ["PGPASSFILE": file]), "first")
        XCTAssertEqual(location.password(environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]), "env")
        let other = try PostgresLocation(url: "postgres://ci@elsewhere/x", environment: [:])
        XCTAssertEqual(other.password(environment: ["PGPASSFILE": file]), "fallback")
        let nobody = try PostgresLocation(url: "postgres://nobody@db.example/x", environment: [:])
        XCTAssertNil(nobody.password(environment: ["PGPASSFILE": file]))
        // A password file others can read is ignored, as libpq ignores it.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        XCTAssertNil(location.password(environment: ["PGPASSFILE": file]))
    }

    func testUnreachableServerFailsWithAdvice() throws {
        // Port 1 on loopback: nothing listens there.
        XCTAssertThrowsError(try FactStore.open(path: "postgres://ci@127.0.0.1:1/h?sslmode=disable")) { error in
            guard case FactStoreError.cannotConnect(let location, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(location, "postgres://ci@127.0.0.1:1/h?sslmode=disable")
            XCTAssertTrue("\(error)".contains("PGPASSWORD or ~/.pgpass"))
        }
    }
}
