import PassKit

/// The validated registry narrowed to the passes that run in this scan.
struct EnabledPasses {
    /// Passes that run, requirements first.
    let ordered: [AnyPass]
    /// Disabled passes, as `name: disabled in heapsight.yml`.
    let skipped: [String]
    /// The disabled passes themselves (recorded per package as skipped, with their fact kinds).
    let disabled: [AnyPass]

    init(registry: PassRegistry, enabled: (String) -> Bool, configFile: String) throws {
        var ordered: [AnyPass] = []
        var skipped: [String] = []
        var disabled: [AnyPass] = []
        let on = Set(registry.ordered.map(\.name).filter(enabled))
        for pass in registry.ordered {
            guard on.contains(pass.name) else {
                skipped.append("\(pass.name): disabled in heapsight.yml")
                disabled.append(pass)
                continue
            }
            if let missing = pass.requires.first(where: { !on.contains($0) }) {
                throw ScanError.configuration("\(configFile): passes.\(missing).enabled: pass \(pass.name) requires \(missing); enable it or disable \(pass.name)")
            }
            ordered.append(pass)
        }
        self.ordered = ordered
        self.skipped = skipped
        self.disabled = disabled
    }
}
