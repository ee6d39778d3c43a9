import Foundation
import GoLoader

/// A child process one of whose output streams is handed to the caller chunk by chunk while it
/// runs, so that a large output is read in parallel with the work that produces it and is never
/// held whole. The other stream, which is small, is collected on another thread.
final class StreamingProcess {
    /// How a finished process ended.
    struct Result {
        /// Exit status.
        var status: Int32
        /// Everything it wrote to the stream that was not streamed.
        var collected: String
    }

    /// Which output stream is handed to the caller.
    enum Streamed { case standardOutput, standardError }

    private let process: Process
    private let streamedPipe = Pipe()
    private let collectedPipe = Pipe()
    private let collectedRead = DispatchGroup()
    private let collectedText = CollectedBytes()
    private let exit: ProcessExit

    /// Bytes written by the collecting thread and read after `collectedRead` has been waited for.
    private final class CollectedBytes: @unchecked Sendable {
        var data = Data()
    }

    /// Starts `executable`, streaming `streamed`; throws only when it cannot be started.
    init(_ executable: String, _ arguments: [String], cwd: String, environment: [String: String],
         streaming streamed: Streamed) throws {
        let process = Process()
        self.process = process
        exit = ProcessExit(process)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.environment = environment
        process.standardOutput = streamed == .standardOutput ? streamedPipe : collectedPipe
        process.standardError = streamed == .standardError ? streamedPipe : collectedPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        collectedRead.enter()
        let handle = collectedPipe.fileHandleForReading
        let collected = collectedText, done = collectedRead
        DispatchQueue.global().async {
            collected.data = handle.readDataToEndOfFile()
            done.leave()
        }
    }

    /// Calls `body` with each chunk of the streamed output as it arrives, on the calling thread,
    /// until the process closes it; then waits for the process to end.
    func read(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result {
        let reader = streamedPipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { raw in body(raw.bindMemory(to: UInt8.self)) }
        }
        exit.wait()
        collectedRead.wait()
        return Result(status: process.terminationStatus, collected: String(decoding: collectedText.data, as: UTF8.self))
    }

    /// Stops a process whose output is no longer wanted, and waits for it.
    func cancel() {
        if process.isRunning { process.terminate() }
        _ = read { _ in }
    }
}
