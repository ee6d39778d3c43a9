import Foundation
import GoLoader
import GoTypes

extension NativeProgram {
    /// The import paths of `go list cmd` for the build configuration, sorted: every directory
    /// under GOROOT/src/cmd with Go files for it, tests included (test data and hidden
    /// directories left out),
    /// cmd's vendored packages included under the names the go command gives them
    /// (`cmd/vendor/golang.org/x/...`), except the vendored commands (`package main`), which
    /// the `cmd` pattern leaves out.
    public static func commandPackages(goroot: String,
                                       config: BuildContext = PackageLocator.standardContext) -> [String] {
        let root = goroot + "/src"
        var out: [String] = []
        let fm = FileManager.default
        func visit(_ rel: String) {
            let dir = root + "/" + rel
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return }
            let files = PackageSource.selectedFiles(directory: dir, config: config)
            if let first = files.first {
                let vendoredCommand = rel.hasPrefix(PackageLocator.commandVendor)
                    && FileHeader.read(first.bytes).packageName == "main"
                if !vendoredCommand { out.append(rel) }
            } else if names.contains(where: { FileNameRules.isGoSource($0) && FileNameRules.isTest($0) && FileNameRules.matchesPlatform($0, config) }) {
                out.append(rel)  // tests only: the go command lists it, there is nothing to analyse
            }
            for name in names.sorted() where name != "testdata" && !name.hasPrefix(".") && !name.hasPrefix("_") {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), isDir.boolValue { visit(rel + "/" + name) }
            }
        }
        visit("cmd")
        return out.sorted()
    }
}
