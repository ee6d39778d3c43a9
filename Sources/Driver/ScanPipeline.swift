import Foundation
import PassKit

/// The steps of one scan, in order. Kept as one value so each step is a small method.
struct ScanPipeline {
    let request: ScanRequest

    func run() throws -> ScanOutcome {
        throw ScanError.notReady("scanning is being built")
    }
}

/// Operational failures of a scan: each message says what to do.
public enum ScanError: Error, CustomStringConvertible {
    case notReady(String)

    public var description: String {
        switch self {
        case .notReady(let what): return what
        }
    }
}
