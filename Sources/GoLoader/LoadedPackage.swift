/// One Go source file the loader accepted for a package.
public struct LoadedFile: Sendable, Hashable {
    /// Path relative to the scan's base directory (what facts carry).
    public var path: String
    /// Absolute path on disk.
    public var absolutePath: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The header the loader read.
    public var header: FileHeader
    /// True for `_test.go` files.
    public var isTest: Bool
}

/// One package found under the scanned roots, after build constraints.
public struct LoadedPackage: Sendable, Hashable {
    /// Import path (module path + directory, `std` packages by directory alone).
    public var importPath: String
    /// Package name from the package clauses.
    public var name: String
    /// Directory relative to the scan's base directory (`.` for the base itself).
    public var directory: String
    /// Absolute directory.
    public var absoluteDirectory: String
    /// Accepted files, sorted by name.
    public var files: [LoadedFile]
    /// Import paths imported by the files, sorted and unique.
    public var imports: [String]
    /// The module this package belongs to, nil outside any module.
    public var module: ModuleFile?
    /// The absolute directory of that module's `go.mod`.
    public var moduleRoot: String? = nil
    /// True for the standard library (`std` and `cmd` modules).
    public var isStandard: Bool
}
