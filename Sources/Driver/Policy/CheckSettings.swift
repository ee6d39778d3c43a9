import Foundation

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

    /// The policy and report sections of an already loaded configuration. The configuration
    /// loader checked the file's other sections; these two are checked here, with key paths.
    public init(configuration: Configuration) throws {
        do {
            self.init(policy: try PolicyConfiguration(node: configuration.policy),
                      report: try ReportConfiguration(node: configuration.report))
        } catch var error as PolicyConfigurationError {
            error.file = configuration.path ?? error.file
            throw error
        }
    }

    /// The settings for a command working on `roots` (see `Configuration.discover`), after the
    /// same checks `scan` makes (keys, values, pass names), so that a configuration `scan`
    /// rejects is rejected here too.
    public static func discover(configPath: String?, roots: [String]) throws -> CheckSettings {
        let configuration = try Configuration.discover(configPath: configPath, roots: roots)
        try configuration.validate(passes: PassCatalog.builtIn)
        return try CheckSettings(configuration: configuration)
    }
}
