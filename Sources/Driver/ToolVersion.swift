/// heapsight's own version, recorded with every run and printed by `heapsight --version`.
public enum ToolVersion {
    /// The version string (semantic versioning).
    public static let current = "0.1.0"
}
