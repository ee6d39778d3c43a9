import XCTest
import PassKit

/// Placeholder until the passes land: the test target must hold at least one source file.
final class PassesPlaceholderTests: XCTestCase {
    func testFactKindsOfThePassesExist() {
        XCTAssertEqual(FactKind(rawValue: "alloc"), .alloc)
    }
}
