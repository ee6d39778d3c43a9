import Foundation
import XCTest
import GoLoader
import GoTypes
import TestSupport

/// Inside GOROOT, std and cmd are two modules that each vendor what they import from
/// `golang.org/x` and elsewhere: the locator resolves every import of every package of
/// `go list std cmd` to the package the go command resolves it to (`go list`'s `Imports`:
/// `vendor/...` from std, `cmd/vendor/...` from cmd and from the packages cmd vendors), with
/// no go.mod given.
final class GorootModuleResolutionTests: XCTestCase {
    func testEveryImportOfStdAndCmdResolvesAsTheGoCommandResolvesIt() throws {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["list", "-f", "{{.ImportPath}}{{range .Imports}}\t{{.}}{{end}}", "std", "cmd"],
                                    cwd: URL(fileURLWithPath: go.goroot + "/src"),
                                    environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64",
                                                                        "CGO_ENABLED": "0", "GOFLAGS": ""]))
        XCTAssertEqual(r.status, 0, r.err)
        let locator = PackageLocator(goroot: go.goroot)
        var packages = 0, imports = 0, vendoredByCmd = 0
        var wrong: [String] = []
        for line in r.out.split(separator: "\n") {
            // An import of a package built again with cmd/compile's profile reads `P [cmd/compile]`.
            let words = line.split(separator: "\t").map { String($0.split(separator: " ").first ?? $0) }
            guard let path = words.first else { continue }
            let files = PackageSource.selectedFiles(directory: go.goroot + "/src/" + path, config: locator.config)
            let raw = Set(files.flatMap { FileHeader.read($0.bytes).imports.map(\.path) }).subtracting(["C"])
            let got = Set(raw.map { locator.canonicalPath($0, importer: path) })
            let want = Set(words.dropFirst())
            if got != want { wrong.append("\(path): got \(got.subtracting(want).sorted()), want \(want.subtracting(got).sorted())") }
            packages += 1
            imports += want.count
            vendoredByCmd += want.filter { $0.hasPrefix(PackageLocator.commandVendor) }.count
        }
        XCTAssertEqual(wrong, [])
        XCTAssertGreaterThan(packages, 600)
        XCTAssertGreaterThan(imports, 5000)
        XCTAssertGreaterThan(vendoredByCmd, 100, "cmd's imports of the modules it vendors were not exercised")
    }
}
