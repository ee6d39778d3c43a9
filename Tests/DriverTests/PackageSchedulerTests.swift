@testable import Driver
import Foundation
import XCTest

/// The scheduler's order: every package after its imports, results in input order, and among
/// ready packages the head of the costliest chain of importers first.
final class PackageSchedulerTests: XCTestCase {
    // 0 ← 1 ← 2 ← 3 (a chain of four) and 4, 5 (leaves nothing imports), 5 importing 0.
    private let dependencies: [[Int]] = [[], [0], [1], [2], [], [0]]

    func testChainCostsAddTheCostliestChainOfImporters() {
        let costs = [1, 10, 100, 1000, 5000, 7]
        XCTAssertEqual(PackageScheduler.chainCosts(dependencies: dependencies, costs: costs),
                       [1111, 1110, 1100, 1000, 5000, 7])
        XCTAssertEqual(PackageScheduler.chainCosts(dependencies: dependencies, costs: []), [0, 0, 0, 0, 0, 0])
    }

    func testReadyPackagesGoCostliestChainFirstThenInInputOrder() {
        let state = SchedulerState(count: 6, dependencies: dependencies,
                                   priorities: PackageScheduler.chainCosts(dependencies: dependencies,
                                                                           costs: [1, 10, 100, 1000, 5000, 7]))
        XCTAssertEqual(state.ready, [4, 0])
        state.makeReady(5)
        state.makeReady(1)
        XCTAssertEqual(state.ready, [4, 0, 1, 5])
        let plain = SchedulerState(count: 6, dependencies: dependencies, priorities: Array(repeating: 0, count: 6))
        plain.makeReady(3)
        plain.makeReady(1)
        XCTAssertEqual(plain.ready, [0, 1, 3, 4])
    }

    func testEveryPackageStartsAfterItsImportsAndResultsKeepInputOrder() {
        let started = Started()
        let results = PackageScheduler(jobs: 3).run(count: 6, dependencies: dependencies, costs: [1, 10, 100, 1000, 5000, 7]) { i in
            started.note(i)
            usleep(2_000)
            return i * i
        }
        XCTAssertEqual(results, [0, 1, 4, 9, 16, 25])
        let order = started.order
        XCTAssertEqual(order.sorted(), Array(0..<6))
        for (i, deps) in dependencies.enumerated() {
            for d in deps { XCTAssertLessThan(order.firstIndex(of: d)!, order.firstIndex(of: i)!, "\(d) before \(i)") }
        }
    }

    func testOneJobTakesThePlannedOrderAndResultsKeepInputOrder() {
        let costs = [1, 10, 100, 1000, 5000, 7]
        XCTAssertEqual(PackageScheduler.plan(dependencies: dependencies, costs: costs), [4, 0, 1, 2, 3, 5])
        XCTAssertEqual(PackageScheduler.plan(dependencies: dependencies, costs: []), [0, 1, 2, 3, 4, 5])
        let started = Started()
        let results = PackageScheduler(jobs: 1).run(count: 6, dependencies: dependencies, costs: costs) { i in
            started.note(i)
            return i * i
        }
        XCTAssertEqual(started.order, [4, 0, 1, 2, 3, 5])
        XCTAssertEqual(results, [0, 1, 4, 9, 16, 25])
    }

    private final class Started: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int] = []
        func note(_ i: Int) { lock.lock(); list.append(i); lock.unlock() }
        var order: [Int] { lock.lock(); defer { lock.unlock() }; return list }
    }
}
