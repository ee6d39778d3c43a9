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
        of(bytes: Array(path.utf8), followLinks: followLinks)
    }

    /// `of(_:followLinks:)` for a path given as raw bytes (a name that is not UTF-8).
    static func of(bytes path: [UInt8], followLinks: Bool) -> FileStatus {
        var st = stat()
        let c = path.map { CChar(bitPattern: $0) } + [0]
        let rc = followLinks ? stat(c, &st) : lstat(c, &st)
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
            switch FileStatus.of(bytes: path, followLinks: true) {
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
        rawEntries(of: directory).map { $0.map(\.name) }
    }

    /// The entries of a directory with their names' bytes, sorted by byte order. `name` is the
    /// bytes decoded as UTF-8 (an invalid sequence becomes U+FFFD, as the go tool prints it);
    /// `bytes` open the file even when the name is not UTF-8.
    static func rawEntries(of directory: String) -> Result<[(name: String, bytes: [UInt8])], LoadFailure> {
        guard let dir = opendir(directory) else {
            return .failure(LoadFailure(reason: String(cString: strerror(errno))))
        }
        defer { closedir(dir) }
        var entries: [(name: String, bytes: [UInt8])] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { p in
                    Array(UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))))
                }
            }
            if bytes != [0x2E] && bytes != [0x2E, 0x2E] { entries.append((String(decoding: bytes, as: UTF8.self), bytes)) }
        }
        return .success(entries.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) })
    }

    /// Reads a whole file.
    static func read(_ path: String) -> Result<[UInt8], LoadFailure> {
        read(bytes: Array(path.utf8))
    }

    /// Reads a whole file named by raw bytes.
    static func read(bytes path: [UInt8]) -> Result<[UInt8], LoadFailure> {
        let c = path.map { CChar(bitPattern: $0) } + [0]
        let fd = open(c, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES { return .failure(LoadFailure(reason: "permission denied")) }
            return .failure(LoadFailure(reason: String(cString: strerror(code))))
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(LoadFailure(reason: String(cString: strerror(errno))))
            }
            if n == 0 { return .success(out) }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}

/// The reason an I/O step failed.
struct LoadFailure: Error { let reason: String }
