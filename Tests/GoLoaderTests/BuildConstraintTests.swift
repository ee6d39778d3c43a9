import XCTest
@testable import GoLoader

final class BuildConstraintTests: XCTestCase {
    let linux = BuildContext(goos: "linux", goarch: "amd64", cgoEnabled: false, tags: ["integration"], releaseMinor: 27)

    func eval(_ text: String, _ ctx: BuildContext? = nil) throws -> Bool {
        try BuildConstraint.parse(text).evaluate(in: ctx ?? linux)
    }

    func testOperatorsAndPrecedence() throws {
        XCTAssertTrue(try eval("linux && amd64"))
        XCTAssertFalse(try eval("linux && arm64"))
        XCTAssertTrue(try eval("windows || linux"))
        XCTAssertTrue(try eval("!windows"))
        XCTAssertFalse(try eval("!(linux || windows)"))
        // && binds tighter than ||.
        XCTAssertTrue(try eval("windows && arm64 || linux"))
        XCTAssertFalse(try eval("windows && (arm64 || linux)"))
    }

    func testSpecialTags() throws {
        XCTAssertTrue(try eval("unix"))
        XCTAssertFalse(try eval("unix", BuildContext(goos: "windows", goarch: "amd64")))
        XCTAssertFalse(try eval("cgo"))
        XCTAssertTrue(try eval("cgo", BuildContext(cgoEnabled: true)))
        XCTAssertTrue(try eval("go1.21 && go1.27"))
        XCTAssertFalse(try eval("go1.28"))
        XCTAssertTrue(try eval("integration"))
        XCTAssertFalse(try eval("ignore"))
        XCTAssertTrue(try eval("linux", BuildContext(goos: "android", goarch: "arm64")))
        XCTAssertTrue(try eval("darwin", BuildContext(goos: "ios", goarch: "arm64")))
        XCTAssertTrue(try eval("gc"))
    }

    func testSyntaxErrors() {
        for bad in ["", "linux &&", "(linux", "linux || || windows", "linux & amd64", ")"] {
            XCTAssertThrowsError(try BuildConstraint.parse(bad), bad)
        }
    }

    func testFileNameSuffixes() {
        let ctx = linux
        XCTAssertTrue(FileNameRules.matchesPlatform("x_linux.go", ctx))
        XCTAssertFalse(FileNameRules.matchesPlatform("x_windows.go", ctx))
        XCTAssertTrue(FileNameRules.matchesPlatform("x_linux_amd64.go", ctx))
        XCTAssertFalse(FileNameRules.matchesPlatform("x_linux_arm64.go", ctx))
        XCTAssertFalse(FileNameRules.matchesPlatform("x_arm64.go", ctx))
        XCTAssertFalse(FileNameRules.matchesPlatform("x_windows_test.go", ctx))
        // A bare OS name without an underscore is not a constraint; unknown suffixes are not either.
        XCTAssertTrue(FileNameRules.matchesPlatform("linux.go", ctx))
        XCTAssertTrue(FileNameRules.matchesPlatform("windows.go", ctx))
        XCTAssertTrue(FileNameRules.matchesPlatform("x_other.go", ctx))
        XCTAssertFalse(FileNameRules.isGoSource("_x.go"))
        XCTAssertFalse(FileNameRules.isGoSource(".x.go"))
    }
}
