import Foundation

/// Runs the external tools heapsight relies on (`go`, `git`): one child process at a time, its
/// output collected while it runs so that large outputs never block it. (External passes, which
/// need standard input and a time limit, have their own runner in the driver.)
public enum ProcessRunner {
    /// What a finished process left behind.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: Data
        /// Standard error.
        public var stderr: Data
        /// Standard output as text.
        public var out: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as text.
        public var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`; throws only when it cannot be started.
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                           environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { process.environment = environment }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        let exit = ProcessExit(process)
        try process.run()
        // An interrupted heapsight does not leave the tool running (a SIGTERM reaches only us).
        let child = process.processIdentifier
        let cleanup = InterruptCleanup.register { kill(child, SIGKILL) }
        defer { InterruptCleanup.unregister(cleanup) }
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        exit.wait()
        group.wait()
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// The trimmed standard output of a successful run; nil when the tool cannot be started,
    /// fails, or (unless `allowEmpty`) prints nothing.
    public static func output(_ executable: String, _ arguments: [String], cwd: String? = nil,
                              environment: [String: String]? = nil, allowEmpty: Bool = false) -> String? {
        guard let result = try? run(executable, arguments, cwd: cwd, environment: environment),
              result.status == 0 else { return nil }
        let text = result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty && !allowEmpty ? nil : text
    }

    /// Looks an executable up on the PATH of `environment`.
    public static func findExecutable(_ name: String,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
