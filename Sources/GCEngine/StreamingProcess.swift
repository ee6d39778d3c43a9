import Foundation

/// Runs a child process and hands its standard output to the caller chunk by chunk while it
/// runs, so that a large output is read in parallel with the work that produces it and is
/// never held whole. Standard error, which is small, is collected.
enum StreamingProcess {
    /// How a finished process ended.
    struct Result {
        /// Exit status.
        var status: Int32
        /// Everything it wrote to standard error.
        var stderr: String
    }

    /// Runs `executable`, calling `stdout` with each chunk of standard output as it arrives (on
    /// the calling thread). Throws only when the process cannot be started.
    static func run(_ executable: String, _ arguments: [String], cwd: String, environment: [String: String],
                    stdout: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let collected = DispatchGroup()
        nonisolated(unsafe) var err = Data()
        collected.enter()
        DispatchQueue.global().async {
            err = errPipe.fileHandleForReading.readDataToEndOfFile()
            collected.leave()
        }
        let reader = outPipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { raw in stdout(raw.bindMemory(to: UInt8.self)) }
        }
        process.waitUntilExit()
        collected.wait()
        return Result(status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
    }
}
