import Foundation
import PassKit

/// Runs one scan: loads the configuration, discovers and parses the packages, runs the enabled
/// passes per package bottom-up, and records the run in the store.
public func runScan(_ request: ScanRequest) throws -> ScanOutcome {
    try ScanPipeline(request: request).run()
}
