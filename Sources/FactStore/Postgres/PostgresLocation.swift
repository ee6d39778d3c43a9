import Foundation

/// A PostgreSQL store named by a URL, `postgres://USER@HOST:PORT/DB?sslmode=MODE` (also
/// `postgresql://`). The password is never part of it: like libpq, heapsight reads it from
/// `PGPASSWORD`, else from the password file (`PGPASSFILE`, default `~/.pgpass`), so that it
/// never appears in a command line, a log or an error message. Missing parts default as in libpq:
/// user `PGUSER` or the login name, host `localhost`, port 5432, database the user's name,
/// sslmode `prefer`.
struct PostgresLocation: Sendable, Equatable {
    /// How TLS is used (libpq's `sslmode`).
    enum TLSMode: String, Sendable, CaseIterable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (`allow` and `prefer`).
        case prefer
        /// TLS or no connection; the certificate is not checked.
        case require
        /// TLS with a certificate signed by a trusted authority (`sslrootcert`), any host name.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate issued for the host connected to.
        case verifyFull = "verify-full"
    }

    /// The role to log in as.
    var user: String
    /// Host name or address.
    var host: String
    /// TCP port.
    var port: Int
    /// Database name.
    var database: String
    /// TLS mode.
    var tls: TLSMode
    /// The file of trusted certificate authorities for `verify-ca` / `verify-full` (nil: the
    /// system's trust store).
    var rootCertificate: String?

    /// The URL schemes that name a PostgreSQL store.
    static let schemes = ["postgres://", "postgresql://"]

    /// True when `location` names a PostgreSQL store rather than a SQLite file.
    static func isServerLocation(_ location: String) -> Bool {
        schemes.contains { location.lowercased().hasPrefix($0) }
    }

    /// Parses a store URL; throws with advice for a malformed one or one that carries a password.
    init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw FactStoreError.badLocation(location: text, reason: "not a postgres://USER@HOST:PORT/DB URL")
        }
        if components.password != nil {
            throw FactStoreError.badLocation(location: Self.redacted(text),
                reason: "the URL holds a password; remove it and give it through PGPASSWORD or ~/.pgpass instead")
        }
        let login = environment["PGUSER"] ?? environment["USER"] ?? NSUserName()
        user = components.user?.removingPercentEncoding ?? login
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        let name = String(components.path.drop(while: { $0 == "/" }))
        database = name.isEmpty ? user : (name.removingPercentEncoding ?? name)
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, b in b })
        for key in query.keys where !["sslmode", "sslrootcert"].contains(key) {
            throw FactStoreError.badLocation(location: text, reason: "unknown parameter '\(key)' (heapsight reads sslmode and sslrootcert)")
        }
        switch query["sslmode"] ?? "prefer" {
        case "allow", "prefer": tls = .prefer
        case let mode:
            guard let known = TLSMode(rawValue: mode) else {
                throw FactStoreError.badLocation(location: text,
                    reason: "sslmode '\(mode)' is not one of disable, allow, prefer, require, verify-ca, verify-full")
            }
            tls = known
        }
        rootCertificate = query["sslrootcert"]
    }

    /// The URL with any password replaced, for messages.
    static func redacted(_ text: String) -> String {
        guard var c = URLComponents(string: text), c.password != nil else { return text }
        c.password = "***"
        return c.string ?? "postgres://…"
    }

    /// How the store is named in messages: the URL without a password.
    var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
    }

    /// The password for this location: `PGPASSWORD`, else the first matching line of the
    /// password file, else nil (the server may not ask for one).
    func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = environment["PGPASSWORD"] { return p }
        let file = environment["PGPASSFILE"] ?? (NSHomeDirectory() as NSString).appendingPathComponent(".pgpass")
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        // libpq ignores a password file that others can read.
        if let mode = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? NSNumber,
           mode.intValue & 0o077 != 0 { return nil }
        return PasswordFile.lookup(text, host: host, port: port, database: database, user: user)
    }
}

/// The libpq password file: lines `host:port:database:user:password`, `*` matching anything in
/// the first four fields, `\:` and `\\` escaping, `#` starting a comment; the first match wins.
enum PasswordFile {
    /// The password of the first line that matches, or nil.
    static func lookup(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields[0...3], wanted).allSatisfy({ $0 == "*" || $0 == $1 }) {
                return fields[4]
            }
        }
        return nil
    }

    /// Splits a line on unescaped colons, unescaping `\:` and `\\`.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true }
            else if c == ":" { fields.append(current); current = "" } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }
}
