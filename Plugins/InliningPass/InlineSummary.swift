import PassKit

/// The inlining decisions of one package's functions, exported for the packages that import it
/// (`InliningPass.summaryKind`): what an importer's pass needs to know about a callee it did not
/// analyse itself, without reading the callee's facts or asking an engine.
public struct InlineSummary: Sendable, Codable, Equatable {
    /// The package's name, which qualifies its functions in an importer's `inlining call to`
    /// lines (`errors.New`).
    public var packageName: String
    /// Decision per function, named as the compiler names it inside its package (`New`,
    /// `(*Buffer).Len`, `F.func1`).
    public var decisions: [String: InlineDecision]

    /// Creates a summary.
    public init(packageName: String, decisions: [String: InlineDecision]) {
        self.packageName = packageName
        self.decisions = decisions
    }

    /// The summary of a package's result: its function ids without the import path.
    public init(package: PackageInput, result: InliningResult) {
        let prefix = package.importPath + "."
        var local: [String: InlineDecision] = [:]
        local.reserveCapacity(result.decisions.count)
        for (id, decision) in result.decisions where id.hasPrefix(prefix) {
            local[String(id.dropFirst(prefix.count))] = decision
        }
        self.init(packageName: package.name, decisions: local)
    }
}

extension InliningResult {
    /// Fills `calleeDecisions`: each inlined call's callee looked up in this package's own
    /// decisions (unqualified callee) or in the summary of the direct import whose package name
    /// qualifies it (the first such import, in import-path order, that declares the function).
    mutating func resolveCallees(package: PackageInput, imports: [InlineSummary]) {
        let prefix = package.importPath + "."
        for call in inlinedCalls where calleeDecisions[call.subject] == nil {
            let callee = call.subject
            if let own = decisions[prefix + callee] {
                calleeDecisions[callee] = own
                continue
            }
            guard let dot = callee.firstIndex(of: "."), !callee.hasPrefix("(") else { continue }
            let qualifier = callee[..<dot], name = String(callee[callee.index(after: dot)...])
            if let decision = imports.lazy.filter({ $0.packageName == qualifier }).compactMap({ $0.decisions[name] }).first {
                calleeDecisions[callee] = decision
            }
        }
    }
}
