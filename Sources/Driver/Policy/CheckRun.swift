import FactStore
import Foundation
import Reports

/// What `heapsight check` needs: a scan request plus the baseline and where reports go.
public struct CheckRequest: Sendable {
    /// The scan to run first.
    public var scan: ScanRequest
    /// Baseline run reference (id, label, branch, `latest`), when regressions are checked.
    public var baseline: String?
    /// Output folder; nil means `report.output` from the configuration (default `reports`).
    public var output: String?

    /// Creates a request.
    public init(scan: ScanRequest, baseline: String? = nil, output: String? = nil) {
        self.scan = scan
        self.baseline = baseline
        self.output = output
    }
}

/// What a check found and wrote.
public struct CheckOutcome: Sendable {
    /// The scan's outcome.
    public var scan: ScanOutcome
    /// The evaluated model (its `evaluation` is set).
    public var model: ReportModel
    /// Report files written.
    public var written: [String]

    /// True when a rule is violated (exit code 1).
    public var failed: Bool { model.evaluation?.failed ?? false }
}

/// Scans, evaluates the policy, and writes the configured reports.
public func runCheck(_ request: CheckRequest) throws -> CheckOutcome {
    let settings = try CheckSettings.discover(configPath: request.scan.configPath, roots: request.scan.paths)
    // A report folder that cannot be one is refused before the scan records anything.
    let folder = request.output ?? settings.report.output
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
        throw OutputFile.WriteError(path: folder, reason: "it is a file, not a folder; pass -o with a folder for the reports")
    }
    let outcome = try runScan(request.scan)
    let store = try FactStore.openReadOnly(path: request.scan.dbPath)
    var model = try EvaluatedReport.build(store: store, run: outcome.runID, baseline: request.baseline, settings: settings)
    // A package the scan could not analyse fails the check even when the store did not mark it.
    let failed = Set(outcome.failedPackages)
    if !failed.subtracting(model.packages.filter(\.failed).map(\.importPath)).isEmpty {
        for i in model.packages.indices where failed.contains(model.packages[i].importPath) { model.packages[i].failed = true }
        model.evaluation = PolicyEvaluator(policy: settings.policy).evaluate(model)
    }
    let formats = settings.report.formats.compactMap(ReportFormat.init(rawValue:))
    let written = try EvaluatedReport.write(model, formats: formats, to: folder, settings: settings)
    return CheckOutcome(scan: outcome, model: model, written: written)
}
