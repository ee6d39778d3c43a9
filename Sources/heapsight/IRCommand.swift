import ArgumentParser
import Foundation
import GoLoader
import GoSyntax
import GoTypes
import NativeEngine

/// `heapsight ir`: prints a package's functions lowered to GoIR, the shape the native
/// engine's inliner and escape analysis read.
struct IRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ir",
        abstract: "Print a package's function bodies lowered to GoIR (the compiler's shape).",
        discussion: """
        PACKAGE is an import path of the standard library or a directory holding a package of a \
        module (with --escape or --inlining, `std` analyses every package of the standard library, `cmd` every package of GOROOT/src/cmd). With --func NAME only that function and its literals are printed (NAME as the \
        compiler names it: F, (*T).M, T.M, F.func1). With --inlined, calls the inliner inlines are \
        replaced by the callee's body (INLCALL blocks), as escape analysis sees them. Each statement is one line with its position; \
        expressions print as the compiler prints them in -m messages.
        """)

    @Argument(help: ArgumentHelp("Import path or package directory.", valueName: "PACKAGE"))
    var package: String

    @Option(name: .customLong("func"), help: ArgumentHelp("Only this function (and its literals).", valueName: "NAME"))
    var function: String?

    @Flag(help: "Print the bodies after inline expansion (what escape analysis reads).")
    var inlined = false

    @Flag(help: "Print the native escape analysis' verdicts instead, as `go build -gcflags=-m` prints them.")
    var escape = false

    @Flag(help: "Print the native inliner's verdicts and inlined calls instead, as `go build -gcflags=-m=2` prints them (without the `as:` bodies).")
    var inlining = false

    @Flag(help: "With --escape, also print the flow explanations and capture lines, as `-gcflags=-m=2` prints them.")
    var explain = false

    func run() throws {
        try runReportingErrors {
            guard let goroot = GoRootLocator.locate() else {
                throw fail("no Go standard library found: set GOROOT or put `go` on PATH")
            }
            var importPath = package
            var modulePackages: [PackageSource] = []
            var dependencies: [DependencyResolver] = []
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: package, isDirectory: &isDirectory), isDirectory.boolValue {
                let root = URL(fileURLWithPath: package).standardizedFileURL.path
                let loader = PackageLoader(context: PackageLocator.standardContext,
                                           workingDirectory: FileManager.default.currentDirectoryPath)
                let loaded: LoadResult
                do { loaded = try loader.load(roots: [root]) } catch { throw fail("\(error)") }
                guard let target = loaded.packages.first(where: { $0.absoluteDirectory == root && !$0.isStandard }) else {
                    throw fail("no Go package in \(package)")
                }
                importPath = target.importPath
                for p in loaded.packages where !p.isStandard {
                    let files = p.files.filter { !$0.isTest }.map { parseFile(path: $0.absolutePath, bytes: $0.bytes) }
                    if !files.isEmpty {
                        modulePackages.append(PackageSource(path: p.importPath, directory: p.absoluteDirectory, files: files))
                    }
                }
                let modules = loaded.packages.compactMap { p in p.moduleRoot.flatMap { r in p.module.map { (root: r, module: $0) } } }
                dependencies = DependencyResolver.forModules(modules)
            }
            let program = NativeProgram(goroot: goroot.path, modulePackages: modulePackages, dependencies: dependencies)
            let path = importPath
            let native = NativeIR(program: program)
            let expand = inlined
            let showEscape = escape
            let showInlining = inlining
            let explains = explain
            let text: String? = TypecheckRun.onLargeStack {
                let paths = path == "std" ? program.session.standardPackages()
                    : path == "cmd" ? NativeProgram.commandPackages(goroot: goroot.path) : [path]
                if showInlining {
                    return paths.map { InliningLines.text(native, package: $0) }.joined()
                }
                if showEscape {
                    let analysis = NativeEscape(ir: native, explains: explains)
                    var out = ""
                    for p in paths {
                        guard let r = analysis.analyze(p) else { continue }
                        out += r.captures.map { $0.line + "\n" }.joined()
                        out += r.explanations.flatMap(\.lines).map { $0 + "\n" }.joined()
                        out += r.verdicts.map { "\($0.position): \($0.text)\n" }.joined()
                    }
                    return out
                }
                guard let ir = expand ? native.expanded(path) : native.lowered(path) else { return nil }
                return native.printer(for: ir).dump(matching: function)
            }
            guard let text else { throw fail("no Go files for package \(package)") }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
