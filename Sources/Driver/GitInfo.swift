import Foundation
import GoLoader

/// The git state of a scanned tree, read with read-only git commands.
struct GitInfo: Equatable {
    var commit: String?
    var branch: String?
    var dirty: Bool?
    var committedAt: Date?

    /// The state of the one checkout that holds every root; all nil when a root is outside any
    /// checkout, the roots lie in different ones (never the current directory's repository for
    /// roots that are not in it), the checkout has no commit yet, or git is missing.
    ///
    /// Three git processes for one root: `rev-parse` answers the top folder, the commit and
    /// the branch at once, then `status` (dirty) and `show` (commit date). Each further root
    /// adds one `rev-parse`.
    static func read(roots: [String]) -> GitInfo {
        guard let git = findGit(), !roots.isEmpty else { return GitInfo() }
        var head: (top: String, commit: String, branch: String)?
        for root in roots {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory)
            let folder = exists && !isDirectory.boolValue ? (root as NSString).deletingLastPathComponent : root
            // Fails (exit 128) outside a checkout and in one whose HEAD has no commit yet.
            guard let out = run(git, ["-C", folder.isEmpty ? "." : folder, "rev-parse", "--show-toplevel",
                                      "HEAD", "--abbrev-ref", "HEAD"]) else { return GitInfo() }
            let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count == 3 else { return GitInfo() }
            if let head, head.top != lines[0] { return GitInfo() }
            head = (lines[0], lines[1], lines[2])
        }
        guard let head else { return GitInfo() }
        let status = run(git, ["-C", head.top, "status", "--porcelain", "--untracked-files=no"], allowEmpty: true)
        let committedAt = run(git, ["-C", head.top, "show", "-s", "--format=%ct", "HEAD"])
            .flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
        return GitInfo(commit: head.commit, branch: head.branch == "HEAD" ? nil : head.branch,
                       dirty: status.map { !$0.isEmpty }, committedAt: committedAt)
    }

    private static func findGit() -> String? { ProcessRunner.findExecutable("git") }

    private static func run(_ git: String, _ arguments: [String], allowEmpty: Bool = false) -> String? {
        var env = ProcessInfo.processInfo.environment
        env["GIT_OPTIONAL_LOCKS"] = "0"   // never write the index while looking
        return ProcessRunner.output(git, arguments, environment: env, allowEmpty: allowEmpty)
    }
}
