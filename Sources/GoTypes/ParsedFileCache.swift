import Foundation
import GoSyntax

/// Files another part of the run has parsed already, by the path the type checker names them
/// with, so that loading a package takes them instead of parsing again (a scan parses every
/// scanned file once, in its package's job, and the native engine's type checker reuses those
/// trees for the standard library). Safe to use from any thread.
///
/// A file is only ever taken in place of parsing the same bytes under the same name
/// (`ParsedFile.relocated(to:)`), so what a load returns does not depend on whether, or when,
/// a file was offered.
public final class ParsedFileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: ParsedFile] = [:]
    private var taken = 0

    /// An empty cache.
    public init() {}

    /// Offers `file` under `path` (absolute); kept when the tree is the one a parse under
    /// `path` would build (see `ParsedFile.relocated(to:)`), ignored otherwise.
    public func offer(_ file: ParsedFile, as path: String) {
        guard let moved = file.relocated(to: path) else { return }
        lock.lock()
        defer { lock.unlock() }
        files[path] = moved
    }

    /// The parsed file at `path` when it was offered with exactly these bytes; taken out of
    /// the cache (the checker keeps it from then on).
    func file(at path: String, bytes: [UInt8]) -> ParsedFile? {
        lock.lock()
        defer { lock.unlock() }
        guard let f = files[path], f.source.bytes == bytes else { return nil }
        files[path] = nil
        taken += 1
        return f
    }

    /// How many files loads took from here instead of parsing them.
    public var reused: Int {
        lock.lock()
        defer { lock.unlock() }
        return taken
    }
}
