import Foundation
import GoSyntax
import GoLoader

/// The parsed files of one package directory, selected by a build configuration the way
/// `go/build` selects `GoFiles`: `.go` files that are not tests, not hidden, whose name
/// suffix and `//go:build` line match, and that do not need cgo when cgo is off.
public struct PackageSource: Sendable {
    /// Import path.
    public var path: String
    /// Directory.
    public var directory: String
    /// Selected files, sorted by name, parsed.
    public var files: [ParsedFile]

    /// Creates a package from parsed files.
    public init(path: String, directory: String, files: [ParsedFile]) {
        self.path = path
        self.directory = directory
        self.files = files
    }

    /// File names only.
    public var fileNames: [String] { files.map { ($0.path as NSString).lastPathComponent } }

    /// Reads and selects the files of a directory and parses them; nil when it has no
    /// selected Go files.
    /// A file offered in `parsed` with the same bytes is taken instead of parsed again.
    public static func load(path: String, directory: String, config: BuildContext,
                            parsed: ParsedFileCache? = nil) -> PackageSource? {
        let files = selectedFiles(directory: directory, config: config).map {
            parsed?.file(at: $0.path, bytes: $0.bytes) ?? parseFile(path: $0.path, bytes: $0.bytes)
        }
        if files.isEmpty { return nil }
        return PackageSource(path: path, directory: directory, files: files)
    }

    /// The files of a directory that take part in the build, sorted by name, with their bytes:
    /// GoLoader's file rules decide from names and headers, so nothing is parsed here. A file
    /// that is not usable Go source is kept, so that checking it reports its syntax errors.
    public static func selectedFiles(directory: String, config: BuildContext) -> [(path: String, bytes: [UInt8])] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var out: [(path: String, bytes: [UInt8])] = []
        for name in names.sorted() where FileNameRules.isGoSource(name) && !FileNameRules.isTest(name)
            && FileNameRules.matchesPlatform(name, config) {
            let full = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            let bytes = [UInt8](data)
            if case .excluded = BuildInclusion.of(bytes, in: config) { continue }
            out.append((full, bytes))
        }
        return out
    }
}

/// A package of a scanned module given by its files' names and bytes: the session parses it
/// when it is first checked, taking the trees offered in its `parsedFiles` instead of parsing
/// them again.
public struct UnparsedPackage: Sendable {
    /// Import path.
    public var path: String
    /// Directory.
    public var directory: String
    /// The selected files, in the checker's order: the name each tree gets, and the bytes.
    public var files: [(path: String, bytes: [UInt8])]

    /// Creates an unparsed package.
    public init(path: String, directory: String, files: [(path: String, bytes: [UInt8])]) {
        self.path = path
        self.directory = directory
        self.files = files
    }

    /// The package parsed, each file taken from `parsed` when offered with the same bytes.
    public func parse(reusing parsed: ParsedFileCache?) -> PackageSource {
        PackageSource(path: path, directory: directory, files: files.map {
            parsed?.file(at: $0.path, bytes: $0.bytes) ?? parseFile(path: $0.path, bytes: $0.bytes)
        })
    }
}

/// Finds package directories for import paths: the standard library under `GOROOT/src`
/// (with its vendored `golang.org/x` packages).
public struct PackageLocator: Sendable {
    /// `GOROOT`.
    public var goroot: String
    /// Build configuration.
    public var config: BuildContext

    /// linux/amd64 without cgo: the configuration the oracle uses.
    public static let standardContext = BuildContext(goos: "linux", goarch: "amd64", cgoEnabled: false)

    /// Creates a locator.
    public init(goroot: String, config: BuildContext = PackageLocator.standardContext) {
        self.goroot = goroot
        self.config = config
    }

    /// The directory of an import path as seen from a package (vendor applies inside std).
    public func directory(for importPath: String) -> String? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let std = goroot + "/src/" + importPath
        if fm.fileExists(atPath: std, isDirectory: &isDir), isDir.boolValue { return std }
        let vendored = goroot + "/src/vendor/" + importPath
        if fm.fileExists(atPath: vendored, isDirectory: &isDir), isDir.boolValue { return vendored }
        return nil
    }

    /// The path go/types names a package by, as the go command names it inside GOROOT, where
    /// std and cmd are two modules that each vendor their dependencies: an import from a
    /// package of cmd (`cmd/...`, its vendored packages included) that cmd vendors is
    /// `cmd/vendor/...`; otherwise a package std vendors is `vendor/...`. A path GOROOT
    /// holds as such (std, cmd) is itself.
    public func canonicalPath(_ importPath: String, importer: String? = nil) -> String {
        if isDirectory(goroot + "/src/" + importPath) { return importPath }
        if let importer, PackageLocator.isCommand(importer),
           isDirectory(goroot + "/src/" + PackageLocator.commandVendor + importPath) {
            return PackageLocator.commandVendor + importPath
        }
        if isDirectory(goroot + "/src/vendor/" + importPath) { return "vendor/" + importPath }
        return importPath
    }

    /// The prefix of the packages cmd vendors, as `go list cmd` names them.
    public static let commandVendor = "cmd/vendor/"

    /// Whether an import path names a package of GOROOT's cmd module.
    public static func isCommand(_ importPath: String) -> Bool {
        importPath == "cmd" || importPath.hasPrefix("cmd/")
    }

    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Loads a package's files.
    public func load(_ importPath: String, parsed: ParsedFileCache? = nil) -> PackageSource? {
        guard let dir = directory(for: importPath) else { return nil }
        return PackageSource.load(path: importPath, directory: dir, config: config, parsed: parsed)
    }
}
