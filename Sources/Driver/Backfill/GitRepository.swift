import Foundation
import GoLoader

/// The few git operations backfill needs, run through the `git` executable. Read-only on the
/// user's checkout: worktrees are added under a temporary folder and removed again.
struct GitRepository {
    /// The top-level folder of the checkout.
    let top: String
    /// The path of the requested folder relative to `top` (empty or ending in `/`).
    let prefix: String

    /// Opens the repository that contains `path`.
    init(containing path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BackfillError.notARepository(path: path, reason: "no such file or folder")
        }
        let out = try Self.git(["-C", path, "rev-parse", "--show-toplevel", "--show-prefix"], failure: {
            BackfillError.notARepository(path: path, reason: $0)
        }).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        top = out[0]
        prefix = out.count > 1 ? out[1] : ""
    }

    /// How long a thread whose git was killed by an interrupt waits for the interrupt's
    /// cleanup to end the process.
    static let interruptGrace: TimeInterval = 10

    /// Runs git and returns its standard output without the final newline.
    @discardableResult
    static func git(_ args: [String], failure: (String) -> BackfillError) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        guard let git = ProcessRunner.findExecutable("git", environment: env),
              let result = try? ProcessRunner.run(git, args, environment: env) else {
            throw BackfillError.gitMissing
        }
        if result.status == SIGKILL {
            // Only an interrupt kills git here (`ProcessRunner` registers the kill): the handler
            // is removing the worktree and ends the process with the signal's code. Waiting
            // for it keeps this thread from racing it with an error exit of its own.
            Thread.sleep(forTimeInterval: interruptGrace)
        }
        guard result.status == 0 else {
            let message = result.err.trimmingCharacters(in: .whitespacesAndNewlines)
            throw failure(message.isEmpty ? "git \(args.joined(separator: " ")) failed" : message)
        }
        var text = result.out
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Runs git in the repository.
    @discardableResult
    func git(_ args: [String]) throws -> String {
        try Self.git(["-C", top] + args) { BackfillError.git(command: args.joined(separator: " "), reason: $0) }
    }

    /// The full hash of a commit-ish, or nil when it names no commit.
    func commit(_ ref: String) -> String? {
        try? git(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"])
    }

    /// The checked-out branch, nil when HEAD is detached.
    func currentBranch() -> String? {
        guard let name = try? git(["symbolic-ref", "--short", "-q", "HEAD"]), !name.isEmpty else { return nil }
        return name
    }

    /// First-parent commits after `since` (a commit-ish, included itself, or a date) up to HEAD,
    /// oldest first.
    func commits(since: String) throws -> [String] {
        if let start = commit(since) {
            guard (try? git(["merge-base", "--is-ancestor", start, "HEAD"])) != nil else {
                throw BackfillError.notAnAncestor(ref: since)
            }
            let later = try git(["rev-list", "--first-parent", "--reverse", "\(start)..HEAD"])
            return [start] + later.split(separator: "\n").map(String.init)
        }
        if RunDateText.looksLikeDate(since) {
            // A bare date means its midnight UTC (git would otherwise take the current time of day).
            let when = since.count == 10 ? since + " 00:00:00 +0000" : since
            let list = try git(["rev-list", "--first-parent", "--reverse", "--since=\(when)", "HEAD"])
            return list.split(separator: "\n").map(String.init)
        }
        throw BackfillError.unknownRef(ref: since)
    }

    /// The committer date of a commit.
    func commitDate(_ sha: String) throws -> Date {
        let seconds = try git(["show", "-s", "--format=%ct", sha])
        return Date(timeIntervalSince1970: TimeInterval(seconds) ?? 0)
    }

    /// Adds a detached worktree of `sha` at `path`.
    func addWorktree(at path: String, commit sha: String) throws {
        try git(["worktree", "add", "--detach", "--quiet", path, sha])
    }

    /// Removes a worktree added by `addWorktree` and its administrative files. Forced twice:
    /// a `worktree add` interrupted before it finished leaves the worktree locked
    /// ("initializing"), which a single `--force` refuses to remove.
    func removeWorktree(at path: String) {
        _ = try? git(["worktree", "remove", "--force", "--force", path])
        // An add stopped before it wrote the worktree's `.git` file cannot be removed by git:
        // unlock its entry, delete the folder, and let prune drop the entry.
        _ = try? git(["worktree", "unlock", path])
        try? FileManager.default.removeItem(atPath: path)
        _ = try? git(["worktree", "prune"])
    }

    /// Whether `path` is a registered worktree of the repository.
    func hasWorktree(at path: String) -> Bool {
        let list = (try? git(["worktree", "list", "--porcelain"])) ?? ""
        return list.split(separator: "\n").contains { $0 == "worktree \(path)" }
    }
}

/// Recognises the date forms `--since` accepts besides commits.
enum RunDateText {
    /// True for `YYYY-MM-DD` with an optional time.
    static func looksLikeDate(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?Z?$"#, options: .regularExpression) != nil
    }
}
