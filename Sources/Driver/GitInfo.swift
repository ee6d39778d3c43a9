import Foundation
import GoLoader

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

    private static func findGit() -> String? { ProcessRunner.findExecutable("git") }

    private static func run(_ git: String, _ arguments: [String], allowEmpty: Bool = false) -> String? {
        var env = ProcessInfo.processInfo.environment
        env["GIT_OPTIONAL_LOCKS"] = "0"   // never write the index while looking
        return ProcessRunner.output(git, arguments, environment: env, allowEmpty: allowEmpty)
    }
}
