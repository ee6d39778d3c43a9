import Foundation

/// A child process whose standard output is handed to the caller chunk by chunk while it runs,
/// so that a large output is read in parallel with the work that produces it and is never held
/// whole. Standard error, which is small, is collected on another thread.
final class StreamingProcess {
    /// How a finished process ended.
    struct Result {
        /// Exit status.
        var status: Int32
        /// Everything it wrote to standard error.
        var stderr: String
    }

    private let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private let stderrRead = DispatchGroup()
    private let stderrText = CollectedBytes()

    /// Bytes written by the stderr thread and read after `stderrRead` has been waited for.
    private final class CollectedBytes: @unchecked Sendable {
        var data = Data()
    }

    /// Starts `executable`; throws only when it cannot be started.
    init(_ executable: String, _ arguments: [String], cwd: String, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.environment = environment
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stderrRead.enter()
        let handle = errPipe.fileHandleForReading
        let collected = stderrText, done = stderrRead
        DispatchQueue.global().async {
            collected.data = handle.readDataToEndOfFile()
            done.leave()
        }
    }

    /// Calls `body` with each chunk of standard output as it arrives, on the calling thread,
    /// until the process closes it; then waits for the process to end.
    func read(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result {
        let reader = outPipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { raw in body(raw.bindMemory(to: UInt8.self)) }
        }
        process.waitUntilExit()
        stderrRead.wait()
        return Result(status: process.terminationStatus, stderr: String(decoding: stderrText.data, as: UTF8.self))
    }

    /// Stops a process whose output is no longer wanted, and waits for it.
    func cancel() {
        if process.isRunning { process.terminate() }
        _ = read { _ in }
    }
}
