import Foundation
import GoLoader
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of an external pass's executable, in a process group of its own so that everything
/// it starts can be ended with it.
///
/// Model. The plugin is started by `ChildProcess` (the leader of a new process group, in its
/// working directory, with the signals the scan ignores back at their defaults). One thread
/// writes its standard input and reads its standard output and error as they come
/// (`PipeDrain`), so that what a plugin wrote is kept even if a process it left behind still
/// holds the pipe. When the plugin exits, or its timeout passes, the whole group is killed: a
/// wrapper script's children never outlive it, a timed-out plugin stops at once, and a plugin
/// that answered and left a background process keeps its answer.
///
/// Not handled: a child that leaves the group on purpose (`setsid`); its pipe ends are given up
/// on after `drainSeconds`, with whatever was read by then.
enum PluginProcess {
    /// How long to wait, after the plugin's group is gone, for its pipes to close.
    static let drainSeconds = 2.0

    /// What the process did.
    struct Result {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: Data
        var stderr: Data
    }

    /// Why the executable could not be started.
    struct StartError: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Runs `command` in `directory` with `input` on standard input.
    static func run(_ command: [String], directory: String, input: Data, timeout: Double) throws -> Result {
        let child: ChildProcess
        let stop: PipeDrain.Stop
        do {
            stop = try PipeDrain.Stop()
            child = try ChildProcess(command[0], Array(command.dropFirst()), cwd: directory, inputPipe: true)
        } catch {
            throw StartError(reason: "\(error)")
        }
        let output = Output()
        let feed = child.takeStandardInput().map { PipeDrain.Input(descriptor: $0, data: input) }
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            PipeDrain.drain([child.standardOutput, child.standardError], input: feed, stop: stop) { index, bytes in
                output.append(bytes, to: index)
            }
            drained.signal()
        }
        // The wait kills what the plugin left in its group before reaping it, so that
        // background processes end and its pipes close.
        let exited = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            child.exit.wait(endingGroup: true)
            exited.signal()
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            child.exit.signalGroup(SIGKILL)
            exited.wait()
        }
        if drained.wait(timeout: .now() + drainSeconds) == .timedOut {
            // A process that left the group still holds a pipe: stop reading it.
            stop.stop()
            drained.wait()
        }
        let status = child.wait()
        return Result(status: status, signaled: child.exit.signaled, timedOut: timedOut,
                      stdout: output.bytes[0], stderr: output.bytes[1])
    }

    /// Standard output and error as read, appended by the draining thread.
    private final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = [Data(), Data()]

        func append(_ chunk: UnsafeRawBufferPointer, to index: Int) {
            lock.lock()
            stored[index].append(contentsOf: chunk)
            lock.unlock()
        }

        var bytes: [Data] {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }
}
