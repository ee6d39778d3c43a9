/// Why a backfill cannot run; each message says what to do.
public enum BackfillError: Error, CustomStringConvertible, Equatable {
    /// `git` is not installed.
    case gitMissing
    /// PATH is not inside a git checkout.
    case notARepository(path: String, reason: String)
    /// `--since` names neither a commit nor a date.
    case unknownRef(ref: String)
    /// `--since` names a commit that is not in HEAD's history.
    case notAnAncestor(ref: String)
    /// A git command failed.
    case git(command: String, reason: String)
    /// `--every` is below 1.
    case invalidEvery(Int)

    /// The message.
    public var description: String {
        switch self {
        case .gitMissing: return "backfill needs git on PATH; install git and retry"
        case .notARepository(let path, let reason): return "\(path) is not inside a git checkout (\(reason)); pass the path of a git repository"
        case .unknownRef(let ref): return "--since '\(ref)' names no commit, branch or tag, and is not a date (YYYY-MM-DD)"
        case .notAnAncestor(let ref): return "--since '\(ref)' is not in the history of HEAD; give an older commit of the current branch"
        case .git(let command, let reason): return "git \(command) failed: \(reason)"
        case .invalidEvery(let n): return "--every must be at least 1 (got \(n))"
        }
    }
}
