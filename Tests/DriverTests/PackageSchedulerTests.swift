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

    func testEveryPackageIsPreparedOnceAfterItsImportsArePreparedAndBeforeItsJob() {
        let log = Events()
        let results = PackageScheduler(jobs: 3).run(
            count: 6, dependencies: dependencies, costs: [1, 10, 100, 1000, 5000, 7],
            prepare: { i in
                log.add("prepare \(i) start")
                usleep(1_000)
                log.add("prepare \(i) end")
            }
        ) { i in
            log.add("job \(i) start")
            usleep(3_000)
            log.add("job \(i) end")
            return i * i
        }
        XCTAssertEqual(results, [0, 1, 4, 9, 16, 25])
        let events = log.list
        for i in 0..<6 {
            XCTAssertEqual(events.filter { $0 == "prepare \(i) start" }.count, 1, "package \(i) prepared once")
            let prepared = events.firstIndex(of: "prepare \(i) end")!
            XCTAssertLessThan(prepared, events.firstIndex(of: "job \(i) start")!, "package \(i) prepared before its job")
            for d in dependencies[i] {
                XCTAssertLessThan(events.firstIndex(of: "prepare \(d) end")!, events.firstIndex(of: "prepare \(i) start")!,
                                  "\(d) prepared before \(i)")
                XCTAssertLessThan(events.firstIndex(of: "job \(d) end")!, events.firstIndex(of: "job \(i) start")!,
                                  "\(d) analysed before \(i)")
            }
        }
    }

    /// While package 0's job runs, the other job prepares packages 1 and 2, which import only 0:
    /// the job holds until one of them is prepared (and gives up after ten seconds, failing).
    func testAJobWithNothingReadyPreparesAnImporterOfARunningPackage() {
        let importerPrepared = DispatchSemaphore(value: 0)
        let sawPreparation = Flag()
        let results = PackageScheduler(jobs: 2).run(
            count: 3, dependencies: [[], [0], [0]], costs: [10, 1, 1],
            prepare: { i in if i > 0 { importerPrepared.signal() } }
        ) { i in
            if i == 0 { sawPreparation.set(importerPrepared.wait(timeout: .now() + 10) == .success) }
            return i
        }
        XCTAssertEqual(results, [0, 1, 2])
        XCTAssertTrue(sawPreparation.value, "no importer of the running package was prepared while it ran")
    }

    /// One job prepares each package at the start of its own job, in the planned order.
    func testOneJobPreparesEachPackageRightBeforeItsJob() {
        let log = Events()
        _ = PackageScheduler(jobs: 1).run(count: 6, dependencies: dependencies, costs: [1, 10, 100, 1000, 5000, 7],
                                          prepare: { log.add("prepare \($0)") }) { i in log.add("job \(i)") }
        XCTAssertEqual(log.list, [4, 0, 1, 2, 3, 5].flatMap { ["prepare \($0)", "job \($0)"] })
    }

    private final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func add(_ event: String) { lock.lock(); events.append(event); lock.unlock() }
        var list: [String] { lock.lock(); defer { lock.unlock() }; return events }
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set(_ value: Bool) { lock.lock(); flag = value; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    }

    private final class Started: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int] = []
        func note(_ i: Int) { lock.lock(); list.append(i); lock.unlock() }
        var order: [Int] { lock.lock(); defer { lock.unlock() }; return list }
    }
}
