import Foundation
import GoLoader

/// A child process one of whose output streams is handed to the caller chunk by chunk, so that
/// a large output is parsed in parallel with the work that produces it. The other stream, which
/// is small, is collected whole.
///
/// Both streams are read from the moment the child starts, on a thread of its own
/// (`PipeDrain`), whatever the caller does meanwhile: a scan starts `go build` and then waits
/// for `go env` before it reads the build, and a build blocked on a full pipe for that long is
/// time lost, or, if that wait ever depended on the build, a deadlock. Chunks the caller has not
/// read yet wait in memory (`OutputChunks`); in a scan that is what the build printed while
/// the toolchain query ran.
final class StreamingProcess {
    /// How a finished process ended.
    struct Result {
        /// Exit status, or the number of the signal that ended it.
        var status: Int32
        /// Everything it wrote to the stream that was not streamed.
        var collected: String
    }

    /// Which output stream is handed to the caller.
    enum Streamed { case standardOutput, standardError }

    private let child: ChildProcess
    private let chunks = OutputChunks()
    private let collected = CollectedBytes()

    /// Bytes written by the reading thread before it finishes `chunks`, read after.
    private final class CollectedBytes: @unchecked Sendable {
        var data = Data()
    }

    /// Starts `executable`, streaming `streamed`; throws only when it cannot be started.
    init(_ executable: String, _ arguments: [String], cwd: String, environment: [String: String],
         streaming streamed: Streamed) throws {
        let child = try ChildProcess(executable, arguments, cwd: cwd, environment: environment)
        self.child = child
        let pipes = streamed == .standardOutput
            ? [child.standardOutput, child.standardError] : [child.standardError, child.standardOutput]
        let chunks = self.chunks, collected = self.collected
        Thread.detachNewThread {
            PipeDrain.drain(pipes) { index, bytes in
                if index == 0 { chunks.append(Data(bytes)) } else { collected.data.append(contentsOf: bytes) }
            }
            chunks.finish()
            withExtendedLifetime(child) {}
        }
    }

    /// Calls `body` with each chunk of the streamed output, on the calling thread, until the
    /// process has closed it; then waits for the process to end.
    func read(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Result {
        while let chunk = chunks.take() {
            chunk.withUnsafeBytes { raw in body(raw.bindMemory(to: UInt8.self)) }
        }
        let status = child.wait()
        return Result(status: status, collected: String(decoding: collected.data, as: UTF8.self))
    }

    /// Stops a process whose output is no longer wanted, and waits for it.
    func cancel() {
        child.exit.signal(SIGTERM)
        _ = read { _ in }
    }
}
