import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What to undo when the process is interrupted (SIGINT, SIGTERM): temporary folders, git
/// worktrees, child processes. Code that makes something temporary registers its removal for as
/// long as the thing exists; `install()` (called once by the command line) turns an interrupt
/// into running every registered action and exiting with the shell's code for the signal
/// (130 for SIGINT, 143 for SIGTERM), so an interrupted scan or backfill leaves no debris.
///
/// Actions run on a signal-handling queue while other threads may still be working; each must
/// be safe to run at any time (removing a folder that is half written, killing a process that
/// already exited).
public enum InterruptCleanup {
    /// A registered action, for `unregister`.
    public struct Token: Hashable, Sendable { let id: UInt64 }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var actions: [UInt64: @Sendable () -> Void] = [:]
    nonisolated(unsafe) private static var nextID: UInt64 = 0
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    /// The signals that clean up and exit.
    public static let signals: [Int32] = [SIGINT, SIGTERM]

    /// Installs the handlers (once; later calls do nothing).
    public static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                runAll()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Registers an action until `unregister` (run at most once, on an interrupt).
    public static func register(_ action: @escaping @Sendable () -> Void) -> Token {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        actions[nextID] = action
        return Token(id: nextID)
    }

    /// Forgets an action (its thing was removed normally).
    public static func unregister(_ token: Token) {
        lock.lock()
        actions[token.id] = nil
        lock.unlock()
    }

    /// Runs and forgets every registered action, newest first.
    public static func runAll() {
        lock.lock()
        let pending = actions.sorted { $0.key > $1.key }.map(\.value)
        actions = [:]
        lock.unlock()
        for action in pending { action() }
    }
}
