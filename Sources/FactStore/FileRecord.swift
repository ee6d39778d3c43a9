/// One source file of a run, with the hash of its content.
public struct FileRecord: Sendable, Hashable, Codable {
    /// Path relative to the scanned root (the path facts carry).
    public var path: String
    /// Import path of the package the file belongs to.
    public var package: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int
    /// Number of lines.
    public var lines: Int

    /// Creates a file record.
    public init(path: String, package: String, sha256: String, bytes: Int, lines: Int) {
        self.path = path
        self.package = package
        self.sha256 = sha256
        self.bytes = bytes
        self.lines = lines
    }
}
