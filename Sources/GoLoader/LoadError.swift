/// Why the loader cannot start at all. Problems inside a tree (a bad file, an unreadable
/// subdirectory) are not errors: they become `LoadNote`s and the rest is still loaded.
public enum LoadError: Error, Equatable, CustomStringConvertible {
    /// A root does not exist.
    case missingPath(String)
    /// A root cannot be read (permissions).
    case unreadable(String, reason: String)
    /// A root is a symbolic link that loops.
    case symlinkLoop(String)
    /// A root is a file that is not a `.go` source file.
    case notGoSource(String)

    public var description: String {
        switch self {
        case .missingPath(let p): return "\(p): no such file or directory; pass a Go module or package directory"
        case .unreadable(let p, let reason): return "\(p): cannot read (\(reason)); check its permissions"
        case .symlinkLoop(let p): return "\(p): symbolic link loop; point heapsight at the real directory"
        case .notGoSource(let p): return "\(p): not a Go source file (.go) or directory"
        }
    }
}

/// A problem with part of a tree that the loader worked around.
public struct LoadNote: Sendable, Hashable {
    /// How serious: `warning` for skipped input the user probably wants, `note` otherwise.
    public enum Level: String, Sendable, Hashable { case note, warning, error }
    /// Severity.
    public var level: Level
    /// The file or directory concerned, relative to the base directory.
    public var path: String
    /// 1-based line when the note is about a line of a file, else 0.
    public var line: Int
    /// What happened and what was done about it.
    public var message: String
}
