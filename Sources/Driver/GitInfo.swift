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

    /// The state of the one checkout that holds every root; all nil when a root is outside any
    /// checkout or the roots lie in different ones (never the current directory's repository
    /// for roots that are not in it).
    static func read(roots: [String]) -> GitInfo {
        guard let git = findGit(), !roots.isEmpty else { return GitInfo() }
        var top: String?
        for root in roots {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory)
            let folder = exists && !isDirectory.boolValue ? (root as NSString).deletingLastPathComponent : root
            guard let t = run(git, ["-C", folder.isEmpty ? "." : folder, "rev-parse", "--show-toplevel"]) else { return GitInfo() }
            if let top, top != t { return GitInfo() }
            top = t
        }
        return top.map { read(directory: $0) } ?? GitInfo()
    }

    private static func findGit() -> String? { ProcessRunner.findExecutable("git") }

    private static func run(_ git: String, _ arguments: [String], allowEmpty: Bool = false) -> String? {
        var env = ProcessInfo.processInfo.environment
        env["GIT_OPTIONAL_LOCKS"] = "0"   // never write the index while looking
        return ProcessRunner.output(git, arguments, environment: env, allowEmpty: allowEmpty)
    }
}
