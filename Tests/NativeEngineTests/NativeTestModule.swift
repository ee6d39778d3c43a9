import Foundation
import GoLoader
import GoSyntax
import GoTypes
import NativeEngine
import TestSupport

/// A Go module loaded as `heapsight scan` loads it, for the native engine's tests.
enum NativeTestModule {
    /// The native program over a module's packages (test files left out, dependencies from
    /// vendor/ or the module cache), and the import paths of its packages.
    static func program(moduleRoot: String) throws -> (program: NativeProgram, packages: [String]) {
        let loader = PackageLoader(context: PackageLocator.standardContext, workingDirectory: moduleRoot)
        let loaded = try loader.load(roots: [moduleRoot])
        var sources: [PackageSource] = []
        for pkg in loaded.packages where !pkg.isStandard {
            let files = pkg.files.filter { !$0.isTest }.map { parseFile(path: $0.absolutePath, bytes: $0.bytes) }
            if !files.isEmpty {
                sources.append(PackageSource(path: pkg.importPath, directory: pkg.absoluteDirectory, files: files))
            }
        }
        let modules = loaded.packages.compactMap { p in p.moduleRoot.flatMap { root in p.module.map { (root: root, module: $0) } } }
        let program = NativeProgram(goroot: TestSupport.goToolchain.goroot, modulePackages: sources,
                                    dependencies: DependencyResolver.forModules(modules))
        return (program, sources.map(\.path))
    }
}
