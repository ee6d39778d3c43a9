import Foundation
import PassKit

/// The scanned packages grouped by the Go module that holds them: the compiler is run once per
/// module, from the module's root, because `go build` resolves packages against one `go.mod`.
struct ModuleGrouping {
    /// One module and the packages of the scan inside it.
    struct Module {
        /// Absolute path of the folder holding `go.mod`.
        var root: String
        /// Package folders relative to `root`, as `go build` arguments (`.`, `./sub`).
        var packageDirectories: [String]
        /// Import paths of those packages, in the same order.
        var importPaths: [String]

        /// The absolute folder of each package, by import path.
        var absoluteDirectoriesByImportPath: [String: String] {
            var folders: [String: String] = [:]
            for (importPath, relative) in zip(importPaths, packageDirectories) {
                folders[importPath] = relative == "." ? root : root + "/" + relative.dropFirst(2)
            }
            return folders
        }
    }

    /// A package that lies in no module.
    struct Unplaced {
        var importPath: String
        var directory: String
    }

    var modules: [Module] = []
    var unplaced: [Unplaced] = []

    /// Groups packages (directories relative to `root`) by their nearest enclosing `go.mod`.
    static func group(root: String, packages: [PackageInput]) -> ModuleGrouping {
        var result = ModuleGrouping()
        var byRoot: [String: Int] = [:]
        let fm = FileManager.default
        for package in packages {
            let dir = package.directory.isEmpty || package.directory == "."
                ? root : (package.directory.hasPrefix("/") ? package.directory : root + "/" + package.directory)
            let absolute = URL(fileURLWithPath: dir).standardizedFileURL.path
            var probe = absolute
            var moduleRoot: String?
            while true {
                if fm.fileExists(atPath: probe + "/go.mod") { moduleRoot = probe; break }
                let parent = (probe as NSString).deletingLastPathComponent
                if parent == probe || parent.isEmpty { break }
                probe = parent
            }
            guard let moduleRoot else {
                result.unplaced.append(Unplaced(importPath: package.importPath, directory: package.directory))
                continue
            }
            let relative = absolute == moduleRoot ? "." : "./" + String(absolute.dropFirst(moduleRoot.count + 1))
            if let index = byRoot[moduleRoot] {
                result.modules[index].packageDirectories.append(relative)
                result.modules[index].importPaths.append(package.importPath)
            } else {
                byRoot[moduleRoot] = result.modules.count
                result.modules.append(Module(root: moduleRoot, packageDirectories: [relative],
                                             importPaths: [package.importPath]))
            }
        }
        result.modules.sort { $0.root < $1.root }
        return result
    }
}
