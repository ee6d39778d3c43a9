import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes report files with errors a person can act on (the path, the system's reason and what
/// to do), never a raw Foundation error. A regular file is replaced atomically (written next to
/// it, then renamed), so a failed write leaves the old report; a device or pipe (`/dev/stdout`)
/// is written in place.
public enum OutputFile {
    /// Why a report could not be written.
    public struct WriteError: Error, CustomStringConvertible, Equatable {
        /// What was being written.
        public let path: String
        /// What went wrong and what to do.
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Creates `folder` (and its parents) for report files; refuses a path that is a file.
    /// `file` names the report to be written in it, when the folder is a file's parent.
    public static func makeFolder(_ folder: String, for file: String? = nil) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            guard isDir.boolValue else {
                if let file {
                    throw WriteError(path: file, reason: "\(folder) is a file, not a folder; pass -o with another path")
                }
                throw WriteError(path: folder, reason: "it is a file, not a folder; pass -o with a folder for the reports")
            }
            return
        }
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            prefix += part
            if !FileManager.default.fileExists(atPath: prefix, isDirectory: &isDir) {
                if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                    throw WriteError(path: folder, reason: "cannot create the folder \(prefix): \(systemReason(errno))")
                }
            } else if !isDir.boolValue {
                throw WriteError(path: file ?? folder, reason: "\(prefix) is a file, not a folder; pass -o with another path")
            }
            prefix += "/"
        }
    }

    /// Writes `bytes` to `path`.
    public static func write(_ bytes: Data, to path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw WriteError(path: path, reason: "it is a folder; pass -o with a file name")
            }
            if (st.st_mode & S_IFMT) != S_IFREG {
                try writeAll(bytes, to: path, flags: O_WRONLY | O_TRUNC, final: path)
                return
            }
        }
        let parent = (path as NSString).deletingLastPathComponent
        let temporary = (parent.isEmpty ? "" : parent + "/") + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
        do {
            try writeAll(bytes, to: temporary, flags: O_WRONLY | O_CREAT | O_EXCL, final: path)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = systemReason(errno)
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    private static func writeAll(_ bytes: Data, to file: String, flags: Int32, final: String) throws {
        let fd = open(file, flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: final, reason: systemReason(errno)) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0 && close(fd) != 0 { failure = errno } else if failure != 0 { close(fd) }
        if failure != 0 { throw WriteError(path: final, reason: systemReason(failure)) }
    }

    /// The system's words for `code`, with advice for the usual cases.
    static func systemReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT: return "\(text); free some space or pass -o with another location"
        case EACCES, EPERM, EROFS: return "\(text); pass -o with a location you can write"
        case ENOENT: return "\(text); the folder does not exist"
        case ENOTDIR: return "\(text); a part of the path is a file, not a folder"
        default: return text
        }
    }
}
