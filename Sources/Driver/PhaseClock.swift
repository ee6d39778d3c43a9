import Foundation

/// Wall-clock time of each step of a scan, for `heapsight scan --timings`.
struct PhaseClock {
    private var last = DispatchTime.now()
    /// Steps in order with their seconds.
    private(set) var phases: [ScanOutcome.Phase] = []

    /// Ends the current step under `name` and starts the next one.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        phases.append(ScanOutcome.Phase(name: name, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// Records the part of the step just ended that `name` took, without starting a step.
    mutating func note(_ name: String, seconds: Double) {
        phases.append(ScanOutcome.Phase(name: name, seconds: seconds))
    }
}
