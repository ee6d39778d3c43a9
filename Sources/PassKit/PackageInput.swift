import GoLoader
import GoSyntax

/// One Go package as a pass sees it: identity, files, and their parsed syntax.
public struct PackageInput: Sendable {
    /// Import path (`example.com/m/internal/x`, or `fmt` for the standard library).
    public var importPath: String
    /// Package name from the package clause.
    public var name: String
    /// Directory, relative to the scanned root.
    public var directory: String
    /// The package's files after build constraints.
    public var files: [SourceFileInput]
    /// True for standard library packages.
    public var isStandard: Bool
    /// The module's `go` version line (`1.22`), which changes loop-variable semantics.
    public var goVersion: String?
    /// The module the package belongs to (its `go.mod`), nil outside any module.
    public var module: ModuleFile? = nil
    /// The absolute directory of that `go.mod` (where `vendor/` would be).
    public var moduleRoot: String? = nil
    /// Import paths of the packages this package imports directly (sorted), as the loader
    /// resolved them; empty when the caller did not load them.
    public var imports: [String] = []
    /// The parsed files, parallel to `files`, when the driver has parsed them (it does, once
    /// per scan); empty otherwise, and passes parse for themselves.
    public var syntax: [ParsedFile] = []

    /// Creates a package input.
    public init(importPath: String, name: String, directory: String, files: [SourceFileInput],
                isStandard: Bool = false, goVersion: String? = nil) {
        self.importPath = importPath
        self.name = name
        self.directory = directory
        self.files = files
        self.isStandard = isStandard
        self.goVersion = goVersion
    }

    /// The tree of `files[index]`: the driver's when it parsed the package, else parsed here.
    public func parsedFile(at index: Int) -> ParsedFile {
        index < syntax.count ? syntax[index] : parseFile(path: files[index].path, bytes: files[index].bytes)
    }
}

/// One source file of a package.
public struct SourceFileInput: Sendable {
    /// Path relative to the scanned root (the path facts carry).
    public var path: String
    /// Absolute path on disk.
    public var absolutePath: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a file input.
    public init(path: String, absolutePath: String, bytes: [UInt8]) {
        self.path = path
        self.absolutePath = absolutePath
        self.bytes = bytes
    }
}
