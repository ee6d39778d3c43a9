import Foundation

/// Runs the external tools heapsight relies on (`go`, `git`): one child process per call, its
/// output collected while it runs so that large outputs never block it. Calls may run on many
/// threads at once. (External passes, which need a time limit, are run by the driver's
/// `PluginProcess` on the same `ChildProcess` and `PipeDrain`.)
public enum ProcessRunner {
    /// What a finished process left behind.
    public struct Result: Sendable {
        /// Exit status, or the number of the signal that ended the tool.
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

    /// Runs `executable` with `arguments`, and `input` (if any) on its standard input (else
    /// /dev/null); throws only when it cannot be started. Both output streams are read, and the
    /// input written, on the calling thread while the tool runs (`PipeDrain`); the tool is
    /// started and waited for by `ChildProcess`, which no other child started at the same time
    /// can delay.
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                           environment: [String: String]? = nil, input: Data? = nil) throws -> Result {
        let child = try ChildProcess(executable, arguments, cwd: cwd, environment: environment,
                                     inputPipe: input != nil)
        var feed: PipeDrain.Input? = nil
        if let input, let descriptor = child.takeStandardInput() { feed = PipeDrain.Input(descriptor: descriptor, data: input) }
        var out = Data(), err = Data()
        PipeDrain.drain([child.standardOutput, child.standardError], input: feed) { index, bytes in
            if index == 0 { out.append(contentsOf: bytes) } else { err.append(contentsOf: bytes) }
        }
        return Result(status: child.wait(), stdout: out, stderr: err)
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
