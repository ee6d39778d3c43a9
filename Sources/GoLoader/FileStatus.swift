import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is on disk, with the errno-level reason when it cannot be examined.
enum FileStatus: Equatable {
    case directory
    case regularFile
    case symlinkToDirectory
    case other
    case missing
    case loop
    case denied(String)

    /// Examines a path without following a final symlink, then (for symlinks) following it.
    static func of(_ path: String, followLinks: Bool) -> FileStatus {
        var st = stat()
        let rc = followLinks ? stat(path, &st) : lstat(path, &st)
        if rc != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .missing }
            if code == ELOOP { return .loop }
            return .denied(String(cString: strerror(code)))
        }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { return .directory }
        if type == S_IFREG { return .regularFile }
        if type == S_IFLNK {
            switch FileStatus.of(path, followLinks: true) {
            case .directory: return .symlinkToDirectory
            case .regularFile: return .regularFile
            case .loop: return .loop
            default: return .other
            }
        }
        return .other
    }

    /// The entries of a directory, sorted by byte order, or the reason it cannot be listed.
    static func entries(of directory: String) -> Result<[String], LoadFailure> {
        guard let dir = opendir(directory) else {
            return .failure(LoadFailure(reason: String(cString: strerror(errno))))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    /// Reads a whole file.
    static func read(_ path: String) -> Result<[UInt8], LoadFailure> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var st = stat()
            if stat(path, &st) == 0, access(path, R_OK) != 0 {
                return .failure(LoadFailure(reason: "permission denied"))
            }
            return .failure(LoadFailure(reason: "cannot open"))
        }
        defer { try? handle.close() }
        do {
            return .success([UInt8](try handle.readToEnd() ?? Data()))
        } catch {
            return .failure(LoadFailure(reason: "\(error.localizedDescription)"))
        }
    }
}

/// The reason an I/O step failed.
struct LoadFailure: Error { let reason: String }
