import PostgresNIO

/// libpq's sslmode as postgres-nio's TLS setting: `disable` none; `prefer` TLS when offered,
/// unchecked; `require` TLS, unchecked; `verify-ca` a certificate chained to `sslrootcert` (or
/// the system's authorities), any host name; `verify-full` that and the host name.
enum PostgresTLS {
    /// The TLS configuration for a location.
    static func configuration(for location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch location.tls {
        case .disable: return .disable
        case .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = location.rootCertificate, location.tls == .verifyCA || location.tls == .verifyFull {
            tls.trustRoots = .file(root)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw FactStoreError.badLocation(location: location.display, reason: "TLS setup failed: \(error)")
        }
        return location.tls == .prefer ? .prefer(context) : .require(context)
    }
}
