/// The go tool's rules for which file names take part in a build: `.go` files not starting with
/// `_` or `.`, `_test.go` only with tests, and `_GOOS`, `_GOARCH`, `_GOOS_GOARCH` suffixes.
public enum FileNameRules {
    /// Whether the go tool would consider this file name at all (before constraints).
    public static func isGoSource(_ name: String) -> Bool {
        name.hasSuffix(".go") && !name.hasPrefix("_") && !name.hasPrefix(".")
    }

    /// Whether the file is a test file.
    public static func isTest(_ name: String) -> Bool { name.hasSuffix("_test.go") }

    /// Whether the name's `_GOOS` / `_GOARCH` suffixes match the context.
    public static func matchesPlatform(_ name: String, _ context: BuildContext) -> Bool {
        var stem = Substring(name)
        if stem.hasSuffix(".go") { stem = stem.dropLast(3) }
        if stem.hasSuffix("_test") { stem = stem.dropLast(5) }
        guard let underscore = stem.firstIndex(of: "_") else { return true }
        let parts = stem[underscore...].split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        let n = parts.count
        if n >= 2, KnownPlatforms.os.contains(parts[n - 2]), KnownPlatforms.arch.contains(parts[n - 1]) {
            return context.satisfies(tag: parts[n - 2]) && parts[n - 1] == context.goarch
        }
        if n >= 1, KnownPlatforms.os.contains(parts[n - 1]) { return context.satisfies(tag: parts[n - 1]) }
        if n >= 1, KnownPlatforms.arch.contains(parts[n - 1]) { return parts[n - 1] == context.goarch }
        return true
    }

    /// Whether a directory is skipped by the go tool's `./...`: `vendor`, `testdata`, and names
    /// starting with `.` or `_`.
    public static func isSkippedDirectory(_ name: String) -> Bool {
        name == "vendor" || name == "testdata" || name.hasPrefix(".") || name.hasPrefix("_")
    }
}
