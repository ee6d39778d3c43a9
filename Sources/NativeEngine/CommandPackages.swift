import Foundation

extension NativeProgram {
    /// The import paths of the packages under GOROOT/src/cmd (the Go commands and their
    /// internal packages; cmd's vendor/ and test data left out), sorted.
    public static func commandPackages(goroot: String) -> [String] {
        let root = goroot + "/src"
        var out: [String] = []
        let fm = FileManager.default
        func visit(_ rel: String) {
            let dir = root + "/" + rel
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return }
            if names.contains(where: { $0.hasSuffix(".go") && !$0.hasSuffix("_test.go") }) { out.append(rel) }
            for name in names.sorted() where name != "testdata" && name != "vendor" && !name.hasPrefix(".") && !name.hasPrefix("_") {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), isDir.boolValue { visit(rel + "/" + name) }
            }
        }
        visit("cmd")
        return out.sorted()
    }
}
