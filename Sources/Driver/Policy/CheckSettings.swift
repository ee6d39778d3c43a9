import Foundation
import Yams

/// The `policy:` and `report:` sections of the configuration that a check or report uses.
public struct CheckSettings: Sendable {
    /// The policy.
    public var policy: PolicyConfiguration
    /// Report options.
    public var report: ReportConfiguration

    /// Creates settings.
    public init(policy: PolicyConfiguration = PolicyConfiguration(), report: ReportConfiguration = ReportConfiguration()) {
        self.policy = policy
        self.report = report
    }

    /// The configuration file a scan of `roots` would use: `configPath` when given, else
    /// `heapsight.yml` in the first root when it exists.
    public static func configFile(configPath: String?, roots: [String]) -> String? {
        if let configPath { return configPath }
        guard let first = roots.first else { return nil }
        var isDir: ObjCBool = false
        let dir = FileManager.default.fileExists(atPath: first, isDirectory: &isDir) && isDir.boolValue
            ? first : (first as NSString).deletingLastPathComponent
        let candidate = (dir as NSString).appendingPathComponent("heapsight.yml")
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Reads the two sections from a configuration file (nil path gives the defaults). Other
    /// sections are the scan's business and are not checked here.
    public static func load(path: String?) throws -> CheckSettings {
        guard let path else { return CheckSettings() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyConfigurationError(path: path, message: "cannot read the configuration file; check --config")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw PolicyConfigurationError(path: path, message: "not valid YAML: \(error)")
        }
        var policyNode: Node?, reportNode: Node?
        if let map = root?.mapping {
            for (k, v) in map {
                if k.scalar?.string == "policy" { policyNode = v }
                if k.scalar?.string == "report" { reportNode = v }
            }
        }
        return CheckSettings(policy: try PolicyConfiguration(node: policyNode), report: try ReportConfiguration(node: reportNode))
    }
}
