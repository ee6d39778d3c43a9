import Foundation

/// The git state of a scanned tree, read with read-only git commands.
struct GitInfo: Equatable {
    var commit: String?
    var branch: String?
    var dirty: Bool?
    var committedAt: Date?

    /// Reads the state of the checkout containing `directory`; all nil when it is not one or git
    /// is missing.
    static func read(directory: String) -> GitInfo {
        guard let git = findGit() else { return GitInfo() }
        guard let commit = run(git, ["-C", directory, "rev-parse", "HEAD"]) else { return GitInfo() }
        var branch = run(git, ["-C", directory, "rev-parse", "--abbrev-ref", "HEAD"])
        if branch == "HEAD" { branch = nil }
        let status = run(git, ["-C", directory, "status", "--porcelain", "--untracked-files=no"], allowEmpty: true)
        let committedAt = run(git, ["-C", directory, "show", "-s", "--format=%ct", "HEAD"])
            .flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
        return GitInfo(commit: commit, branch: branch, dirty: status.map { !$0.isEmpty },
                       committedAt: committedAt)
    }

    private static func findGit() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func run(_ git: String, _ arguments: [String], allowEmpty: Bool = false) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_OPTIONAL_LOCKS"] = "0"   // never write the index while looking
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty && !allowEmpty ? nil : text
    }
}
