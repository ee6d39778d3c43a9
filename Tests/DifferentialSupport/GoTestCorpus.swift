import Foundation
import GoLoader
import GoTypes
import TestSupport

/// Go's own compiler test programs (`test/` of the Go 1.19 sources, Debian's golang-1.19-src)
/// as one scratch module: every standalone `.go` file (not the `*.dir` trees, which are
/// multi-package programs) becomes a package of its own, in its own folder with an empty
/// assembly file (so a function declared without a body compiles, as `go run` of the test
/// harness allows). The compiler decides which of them compile with this release: those that
/// do not (error tests, programs relying on removed behaviour, other platforms) are left out
/// of both sides.
public struct GoTestCorpus {
    /// Where Debian installs the tests.
    public static let source = "/usr/share/go-1.19/test"
    /// The scratch module's root.
    public var root: String
    /// Import path per package that loads, in order.
    public var packages: [String]
    /// Files the go command cannot even load (syntax errors, bad imports): not compiled.
    public var unloadable: Int

    /// Writes the module under the temporary folder (the same folder for the same sources,
    /// so the oracle's cache key stays the same between runs).
    public static func make() throws -> GoTestCorpus {
        let fm = FileManager.default
        guard fm.fileExists(atPath: source + "/inline.go") else {
            throw OracleError.compileFailed("Go's test/ files are missing at \(source): apt-get install golang-1.19-src")
        }
        let root = NSTemporaryDirectory() + "heapsight-go-test-corpus"
        try? fm.removeItem(atPath: root)
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "module gotest\n\ngo 1.27\n".write(toFile: root + "/go.mod", atomically: true, encoding: .utf8)
        var files: [String] = []
        let walker = fm.enumerator(atPath: source)
        while let rel = walker?.nextObject() as? String {
            if rel.hasSuffix(".dir") { walker?.skipDescendants(); continue }
            if rel.hasSuffix(".go") { files.append(rel) }
        }
        var packages: [String] = []
        for rel in files.sorted() {
            let name = String(rel.dropLast(3)).map { $0.isLetter || $0.isNumber ? $0 : "_" }
            let folder = "p/" + String(name)
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            let leaf = (rel as NSString).lastPathComponent
            try fm.copyItem(atPath: source + "/" + rel, toPath: root + "/" + folder + "/" + leaf)
            try "".write(toFile: root + "/" + folder + "/empty.s", atomically: true, encoding: .utf8)
            packages.append("gotest/" + folder)
        }
        // The go command builds nothing when a package fails to load (a syntax error, a bad
        // import): such packages do not compile, so they leave the module before the build.
        let go = TestSupport.goToolchain
        let listed = try TestSupport.run(go.go, ["list", "-e", "-f", "{{.ImportPath}} {{if or .Error .DepsErrors}}bad{{end}}", "./..."],
                                         cwd: URL(fileURLWithPath: root),
                                         environment: go.environment(extra: CompilerOracle.targetEnvironment.merging(["GOPROXY": "off"]) { $1 }))
        guard listed.status == 0 else { throw OracleError.listFailed("go list ./... in \(root): \(listed.err)") }
        var unloadable: Set<String> = []
        for line in listed.out.split(separator: "\n") where line.hasSuffix(" bad") {
            let path = String(line.dropLast(4))
            unloadable.insert(path)
            try fm.removeItem(atPath: root + "/" + path.dropFirst("gotest/".count))
        }
        return GoTestCorpus(root: root, packages: packages.filter { !unloadable.contains($0) }, unloadable: unloadable.count)
    }

    /// The oracle's corpus: `go list -e -export -gcflags=-m=2 ./...` in the module (the
    /// compiles of `go build`, without linking two thousand programs; only the corpus's own
    /// packages print decisions).
    public var oracleCorpus: CompilerOracle.Corpus {
        CompilerOracle.Corpus(name: "go-test-1.19", directory: root, patterns: ["./..."], flags: ["-gcflags=-m=2"],
                              environment: ["GOPROXY": "off"], failuresExpected: true, exportOnly: true)
    }

    /// A module at `root` holding `packages` (for other scratch modules than the test corpus).
    public init(root: String, packages: [String], unloadable: Int) {
        self.root = root
        self.packages = packages
        self.unloadable = unloadable
    }

    /// The packages' sources for the native engine, selected by the same build rules;
    /// `prefix` is the module path plus `/`.
    public func sources(_ compiled: [String], prefix: String = "gotest/") -> [PackageSource] {
        compiled.compactMap { p in
            PackageSource.load(path: p, directory: root + "/" + p.dropFirst(prefix.count), config: PackageLocator.standardContext)
        }
    }

    /// The module's dependency resolver (none are required; it gives the packages their go version).
    public var dependencies: [DependencyResolver] {
        guard let text = try? String(contentsOfFile: root + "/go.mod", encoding: .utf8), let module = ModuleFile.parse(text) else { return [] }
        return [DependencyResolver(moduleRoot: root, module: module, moduleCache: nil)]
    }
}
