import Foundation
import GoLoader
import GoSyntax
import GoTypes

/// The native engine's view of a run: a type-checking session and the packages checked in it,
/// loaded on demand (the scanned packages and whatever they import from GOROOT).
///
/// A package's job type-checks it (`problems`) before its analysis, beside other packages'
/// jobs, which may be checking theirs: the session checks each package once and lets checkers
/// of different packages run at once (see `TypecheckSession`). That is safe because a checker
/// writes, unlocked, only the records of the package it checks, which no analysis reads before
/// the package is checked (jobs run bottom-up), and adds to the shared tables through
/// `Program`'s lock. Checked packages are read from any thread.
public final class NativeProgram: @unchecked Sendable {
    /// The type-checking session (shared tables of types and objects).
    public let session: TypecheckSession
    /// Checked packages and their problems, by the path asked for and the canonical path
    /// (guarded by `checkedLock`).
    private var packages: [String: TypedPackage] = [:]
    private var checkedProblems: [String: [String]] = [:]
    /// Checked packages by their index in the program's tables (`package(index:)`, asked for
    /// every callee the inliner resolves), guarded by `checkedLock`.
    private var byIndex: [Int32: TypedPackage] = [:]
    private let checkedLock = NSLock()
    /// Where the analysis of this program spends its time, stage by stage.
    public let stages = AnalysisStages()

    /// Creates a program over a GOROOT; `modulePackages` are the scanned module's packages,
    /// `dependencies` find what they import from other modules (vendor/ or the module cache).
    /// The cost model's intrinsics and sizes are amd64's whatever `config` says.
    public init(goroot: String, modulePackages: [PackageSource] = [], dependencies: [DependencyResolver] = [],
                config: BuildContext = PackageLocator.standardContext) {
        session = TypecheckSession(locator: PackageLocator(goroot: goroot, config: config))
        for p in modulePackages { session.modulePackages[p.path] = p }
        session.dependencies = dependencies
    }


    /// The Program tables.
    public var types: Program { session.program }

    /// The checked package at an import path (checked first if needed); nil when it has no
    /// Go files or is `unsafe`.
    public func package(_ path: String) -> TypedPackage? {
        if let p = checkedLock.withLock({ packages[path] }) { return p }
        return check(path).flatMap { keep($0, at: path) }
    }

    /// Keeps a checked package under the path asked for and its canonical path, so that later
    /// questions about it do not go to the session.
    private func keep(_ result: TypecheckSession.PackageResult, at path: String) -> TypedPackage? {
        guard let checker = result.checker else { return nil }
        let canonical = checker.package.path
        return checkedLock.withLock {
            let typed = packages[canonical]
                ?? TypedPackage(path: canonical, index: checker.package.index, files: checker.files, facts: checker.facts)
            packages[path] = typed
            packages[canonical] = typed
            return typed
        }
    }

    /// Why the package at `path` cannot be trusted: its load and type errors (`file:line:col:
    /// message`), empty when it checked cleanly.
    public func problems(_ path: String) -> [String] {
        if let known = checkedLock.withLock({ checkedProblems[path] }) { return known }
        let result = check(path)
        // The job that asked goes on to analyse the package: its later questions find it here.
        if let result, checkedLock.withLock({ packages[path] }) == nil { _ = keep(result, at: path) }
        let problems = result.map { r in
            r.loadErrors + r.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
        } ?? ["no Go files for \(path)"]
        checkedLock.withLock { checkedProblems[path] = problems }
        return problems
    }

    /// The session's result for a package (checked now if it was not), charged to the
    /// type-check stage (outside the session's locks when a package's job asks for its problems
    /// first, as the native session's jobs do).
    private func check(_ path: String) -> TypecheckSession.PackageResult? {
        stages.measure(.typeCheck) { session.check(path) }
    }

    /// The checked package with a `Program.packages` index (negative for none). The index
    /// comes from a record of finished work, so it names a package already in the table, which
    /// is read without the program's lock (`StableTable`): the expansion and escape decisions
    /// ask this for every callee, and counting the table under the lock made both jobs wait
    /// for each other.
    public func package(index: Int32) -> TypedPackage? {
        if let p = checkedLock.withLock({ byIndex[index] }) { return p }
        guard index >= 0, let p = package(types.packages[Int(index)].path) else { return nil }
        checkedLock.withLock { byIndex[index] = p }
        return p
    }
}
