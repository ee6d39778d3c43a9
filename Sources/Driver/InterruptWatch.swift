import Dispatch
import Foundation
import GoLoader

/// Tells the driver's threads that an interrupt (SIGINT, SIGTERM) is being handled, so that
/// they start nothing new while `InterruptCleanup` removes what they made and ends the process.
///
/// The cleanup kills the child processes it knows of; a thread whose child was killed goes on
/// at once (the waits no longer poll), and could otherwise record a run that lacks the killed
/// tool's answer, or let a backfill add the next worktree after the cleanup has listed what to
/// remove. Before such a step the driver calls `holdIfInterrupted()`, which parks the thread
/// until the cleanup ends the process.
enum InterruptWatch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var interrupted = false

    /// Starts watching (once). Signals are already ignored by default action when
    /// `InterruptCleanup.install()` ran; a source of our own sees them too.
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in InterruptCleanup.signals {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                interrupted = true
                lock.unlock()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Parks the calling thread while an interrupt is being handled (the cleanup ends the
    /// process); returns at once otherwise, or after `holdSeconds` if the process was not ended.
    static func holdIfInterrupted() {
        lock.lock()
        let stop = interrupted
        lock.unlock()
        if stop { Thread.sleep(forTimeInterval: holdSeconds) }
    }

    /// How long a parked thread waits for the process to end.
    static let holdSeconds: TimeInterval = 30
}
