import DifferentialSupport
import GoTypes
import NativeEngine
import TestSupport
import XCTest

/// The packages the native engine takes for `cmd` are exactly those `go list cmd` names
/// (linux/amd64, cgo off): cmd's own packages and the packages it vendors, as
/// `cmd/vendor/...`, without the vendored commands.
final class CommandPackagesTests: XCTestCase {
    func testCommandPackagesAreGoListCmd() throws {
        let go = TestSupport.goToolchain
        let want = try Corpora.list("cmd", in: go.goroot + "/src/cmd")
        let got = NativeProgram.commandPackages(goroot: go.goroot)
        XCTAssertEqual(Set(got).symmetricDifference(want).sorted(), [])
        XCTAssertEqual(got, want.sorted())
        XCTAssertGreaterThan(got.filter { $0.hasPrefix(PackageLocator.commandVendor) }.count, 100)
    }
}
