import Foundation
import XCTest
@testable import Driver

final class MemoryReleaseTests: XCTestCase {
    /// Signals when it is freed.
    private final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        init(_ freed: DispatchSemaphore) { self.freed = freed }
        deinit { freed.signal() }
    }

    func testAReleasedValueIsMovedOutAndFreedOnAThreadOfItsOwn() {
        let freed = DispatchSemaphore(value: 0)
        var value: Tracked? = Tracked(freed)
        MemoryRelease(keepUntilExit: false).release(&value, leaving: nil)
        XCTAssertNil(value, "the caller keeps no reference")
        XCTAssertEqual(freed.wait(timeout: .now() + 60), .success, "the release thread frees it")
    }

    func testAValueKeptUntilExitIsMovedOutAndNeverFreed() {
        let freed = DispatchSemaphore(value: 0)
        var value: Tracked? = Tracked(freed)
        weak var watched = value
        MemoryRelease(keepUntilExit: true).release(&value, leaving: nil)
        XCTAssertNil(value, "the caller keeps no reference")
        XCTAssertNotNil(watched, "the process keeps it")
        XCTAssertEqual(freed.wait(timeout: .now()), .timedOut)
    }

    /// The command line leaves the scan's memory to the exit; what the scan records is the same.
    func testAScanThatLeavesItsMemoryToTheExitRecordsTheSame() throws {
        let fx = try ScanFixture(ScanTests.module)
        let freeing = try runScan(fx.request())
        var request = fx.request()
        request.processExitsAfterScan = true
        let keeping = try runScan(request)
        let store = try fx.store()
        XCTAssertGreaterThan(freeing.factCount, 0)
        XCTAssertEqual(try store.exportTSV(run: freeing.runID), try store.exportTSV(run: keeping.runID))
        XCTAssertEqual(try store.packages(run: freeing.runID), try store.packages(run: keeping.runID))
    }
}
