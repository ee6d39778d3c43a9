import FactStore
import PassKit
import PprofFormat

/// The scanned tree as a profile sees it: which frames belong to it, and to which file.
///
/// A frame is inside the tree when its file is a scanned file (its recorded path ends with
/// `/` + the file's path relative to the scan root, which holds for absolute build paths and for
/// `-trimpath` module paths alike; the longest such match wins), or when its symbol's package is
/// a scanned package although the file is not one of the scanned files (a stale position).
struct ProfileTree: Sendable {
    /// Scanned import paths (standard library excluded).
    let packages: Set<String>
    /// Scanned files relative to the root, by base name.
    let filesByBaseName: [String: [String]]

    /// Where a frame lands in the tree.
    enum Placement: Equatable {
        /// A scanned file.
        case file(String)
        /// A scanned package, but no scanned file.
        case unmatched
        /// Not the scanned code.
        case outside
    }

    /// Creates the index from the scanned (non-standard) packages and their files.
    init(packages: [String], files: [String]) {
        self.packages = Set(packages)
        var byName: [String: [String]] = [:]
        for f in files { byName[Self.baseName(f), default: []].append(f) }
        self.filesByBaseName = byName
    }

    /// The placement of one frame.
    func place(_ frame: PprofProfile.Frame) -> Placement {
        if let candidates = filesByBaseName[Self.baseName(frame.file)] {
            let matching = candidates.filter { frame.file == $0 || frame.file.hasSuffix("/" + $0) }
            if let best = matching.max(by: { ($0.count, $1) < ($1.count, $0) }) { return .file(best) }
        }
        return packages.contains(Self.package(ofSymbol: frame.function)) ? .unmatched : .outside
    }

    /// The import path in a Go symbol: everything up to the first `.` after the last `/`
    /// (`example.com/m/sub.(*T).M` → `example.com/m/sub`).
    static func package(ofSymbol symbol: String) -> String {
        let name = symbol.prefix { $0 != "[" }
        let lastSlash = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        let dot = name[lastSlash...].firstIndex(of: ".") ?? name.endIndex
        return String(name[..<dot])
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}
