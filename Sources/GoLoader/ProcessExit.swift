import Dispatch
import Foundation

/// Waits for a child process to end without polling.
///
/// Foundation's `Process.waitUntilExit()` on Linux looks at the child every 50 ms, so every tool
/// heapsight runs (`go env`, `go build`, each `git` query) cost up to 50 ms more than the tool
/// itself: on a warm gc scan, a third of a second of waiting. The termination handler is called
/// as soon as the child is reaped; this signals a semaphore from it.
///
/// Create it before `Process.run()` (the handler must be installed first), and call `wait()`
/// once the child has been started. `wait()` may be called more than once.
public final class ProcessExit: @unchecked Sendable {
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var waited = false

    /// Installs the termination handler on `process`, which must not have been started yet.
    public init(_ process: Process) {
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
    }

    /// Returns once the child has ended and its status is available.
    public func wait() {
        lock.lock()
        defer { lock.unlock() }
        if waited { return }
        exited.wait()
        waited = true
    }
}
