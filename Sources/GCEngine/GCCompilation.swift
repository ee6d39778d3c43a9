import Foundation
import PassKit

/// What one gc-engine run produced: the compiler's facts per package, the packages that did not
/// compile, the toolchain used, and why the engine was skipped if it was.
public struct GCCompilation: Sendable {
    /// `go version` of the toolchain used; nil when skipped.
    public var goVersion: String?
    /// GOROOT of the toolchain used.
    public var goroot: String?
    /// Why nothing was compiled (no toolchain); nil when the engine ran.
    public var skippedReason: String?
    /// Facts per import path of the package whose compilation printed them, in the compiler's
    /// order (duplicates kept). External facts (standard library, other modules, wrappers)
    /// are included and marked.
    public var factsByPackage: [String: [Fact]] = [:]
    /// Run-time allocator calls from the assembly listing (only with `GCConfiguration.assembly`),
    /// per import path.
    public var allocatorCallsByPackage: [String: [AllocatorCall]] = [:]
    /// Method names of the method value wrappers (`T.M-fm`) each package's assembly listing
    /// compiles (only with `GCConfiguration.assembly`), per import path: a selector `x.M` whose
    /// package compiles no `M-fm` wrapper is no method value.
    public var methodValueWrappersByPackage: [String: Set<String>] = [:]
    /// Import paths that failed to compile.
    public var failedPackages: [String] = []
    /// Compiler errors (as written by the compiler), go command errors and engine notes.
    public var diagnostics: [Diagnostic] = []
    /// Compiler lines outside the fact vocabulary that were not turned into facts.
    public var ignoredLineCount = 0
    /// Wall-clock seconds the engine took.
    public var seconds: Double = 0

    /// Creates an empty compilation for a toolchain.
    public init(goVersion: String?, goroot: String?) {
        self.goVersion = goVersion
        self.goroot = goroot
    }

    /// A compilation that did not happen, with the reason.
    public static func skipped(reason: String) -> GCCompilation {
        var c = GCCompilation(goVersion: nil, goroot: nil)
        c.skippedReason = reason
        return c
    }

    /// Every fact of the run, package by package in import-path order.
    public var allFacts: [Fact] {
        factsByPackage.keys.sorted().flatMap { factsByPackage[$0]! }
    }

    /// The facts printed while compiling one package.
    public func facts(forPackage importPath: String) -> [Fact] {
        factsByPackage[importPath] ?? []
    }

    /// Folds one go command's outcome into the compilation.
    mutating func absorb(_ outcome: BuildInvocation.Outcome, module: ModuleGrouping.Module, paths: FactPathMapper) {
        if let launchError = outcome.launchError {
            diagnostics.append(Diagnostic(severity: .error, source: "compiler", message: launchError))
            failedPackages += module.importPaths
            return
        }
        var reported = Set<String>()
        for output in outcome.packages {
            let importPath = output.importPath
            reported.insert(importPath)
            let parsed = output.parsed
            ignoredLineCount += parsed.unpositionedOtherCount
            if let calls = output.allocatorCalls {
                allocatorCallsByPackage[importPath, default: []] += calls
            }
            if let wrappers = output.methodValueWrappers {
                methodValueWrappersByPackage[importPath, default: []].formUnion(wrappers)
            }
            factsByPackage[importPath, default: []] += parsed.facts
            let failed = outcome.failed.contains(importPath)
            for line in parsed.otherLines {
                if failed {
                    let mapped = paths.map(line.path, base: module.root)
                    diagnostics.append(Diagnostic(severity: .error, source: "compiler", file: mapped.file,
                                                  line: line.line, column: line.column,
                                                  message: line.message, package: importPath))
                } else {
                    ignoredLineCount += 1
                }
            }
        }
        // A failed package is one the go command names in a build-fail event; when the failure
        // is in something a scanned package imports (a missing module), the scanned packages
        // that were never compiled failed with it.
        let requested = Set(module.importPaths)
        var failed = outcome.failed.intersection(requested)
        if outcome.status != 0 {
            failed.formUnion(requested.subtracting(reported))
        }
        for importPath in failed.sorted() {
            failedPackages.append(importPath)
            if !diagnostics.contains(where: { $0.package == importPath && $0.severity == .error }) {
                let causes = outcome.failed.subtracting(requested).sorted()
                let because = causes.isEmpty ? "" : " (it depends on \(causes.joined(separator: ", ")), which failed)"
                diagnostics.append(Diagnostic(severity: .error, source: "compiler",
                                              message: "package \(importPath) failed to build\(because)" + stderrSuffix(outcome.stderr),
                                              package: importPath))
            }
        }
        if outcome.status != 0 && outcome.failed.isEmpty && failed.isEmpty {
            let text = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            diagnostics.append(Diagnostic(severity: .error, source: "compiler", file: "",
                                          message: "go build failed in module \(module.root) (exit \(outcome.status))" + (text.isEmpty ? "" : ": " + text)))
            failedPackages += module.importPaths
        }
    }

    private func stderrSuffix(_ stderr: String) -> String {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ": " + text
    }
}
