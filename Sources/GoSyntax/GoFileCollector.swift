import Foundation

/// Finds the `.go` files under a set of paths, the way `heapsight parse` does.
public enum GoFileCollector {
    /// Every `.go` file under `paths` (files are taken as given), skipping `testdata` and
    /// hidden (`.`-prefixed) directories, sorted for determinism.
    /// Paths that do not exist are returned in `missing`.
    public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let fm = FileManager.default
        for root in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDir) else { missing.append(root); continue }
            if !isDir.boolValue {
                files.append(root)
                continue
            }
            var stack = [root]
            while let dir = stack.popLast() {
                guard let entries = try? fm.contentsOfDirectory(atPath: dir) else { continue }
                for name in entries.sorted() {
                    let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                    var sub: ObjCBool = false
                    guard fm.fileExists(atPath: full, isDirectory: &sub) else { continue }
                    if sub.boolValue {
                        if name == "testdata" || name.hasPrefix(".") { continue }
                        stack.append(full)
                    } else if name.hasSuffix(".go") {
                        files.append(full)
                    }
                }
            }
        }
        files.sort()
        return (files, missing)
    }

    /// Reads a file's bytes; nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
