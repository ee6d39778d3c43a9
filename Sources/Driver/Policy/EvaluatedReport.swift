import FactStore
import Foundation
import enum GoSyntax.SHA256
import Reports

/// Reads a stored run, evaluates the policy on it and returns the model the renderers take.
/// This is the edge where source files are read again, for the annotated source only (directives
/// come from the store).
public enum EvaluatedReport {
    /// The model of `run` with its policy evaluation; `baseline` is a run reference
    /// (id, label, branch, `latest`) resolved by the store.
    public static func build(store: FactStore, run: Int64, baseline: String?, settings: CheckSettings) throws -> ReportModel {
        var baseID: Int64?
        if let baseline {
            let id = try store.resolveRun(baseline)
            guard id != run else {
                throw PolicyConfigurationError(path: "--baseline", message: "`\(baseline)` resolves to run \(id), the run being checked; give an earlier run, label or branch")
            }
            baseID = id
        }
        let roots = try store.run(id: run)?.record.roots ?? []
        var model = try ReportModel.load(store: store, run: run, baseline: baseID, readSource: { file in
            guard let bytes = EvaluatedReport.read(file.path, roots: roots), bytes.count == file.bytes,
                  SHA256.hex(of: bytes) == file.sha256.lowercased() else { return nil }
            return bytes
        })
        model.inlineBudget = settings.policy.inlineBudget
        model.evaluation = PolicyEvaluator(policy: settings.policy).evaluate(model)
        return model
    }

    /// A source file by its recorded path, looked up under each scanned root.
    static func read(_ path: String, roots: [String]) -> [UInt8]? {
        if path.hasPrefix("/") { return FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else { continue }
            let base = isDir.boolValue ? root : (root as NSString).deletingLastPathComponent
            if let d = FileManager.default.contents(atPath: (base as NSString).appendingPathComponent(path)) { return [UInt8](d) }
        }
        return nil
    }

    /// Writes the report files into a folder (created when missing); returns the paths written.
    public static func write(_ model: ReportModel, formats: [ReportFormat], to folder: String,
                             settings: CheckSettings) throws -> [String] {
        try OutputFile.makeFolder(folder)
        var written: [String] = []
        let flavour = JUnitRenderer.Flavour(rawValue: settings.report.junit) ?? .extended
        for format in formats {
            let path = (folder as NSString).appendingPathComponent(format.fileName)
            let text = format.render(model, junit: flavour, almostInlinableMargin: settings.report.almostInlinableMargin)
            try OutputFile.write(Data(text.utf8), to: path)
            written.append(path)
        }
        return written
    }
}
