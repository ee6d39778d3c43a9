import Foundation
import XCTest
@testable import GoLoader
#if canImport(Glibc)
import Glibc
#endif

/// Children started by `ChildProcess` and run by `ProcessRunner` end, with their own status and
/// all of their output, whatever other children run at the same time. Every wait has a generous
/// time limit, so a regression fails instead of hanging the test run.
final class ChildProcessTests: XCTestCase {
    /// The scan's hang, made deterministic: another child is started at the worst moment, once
    /// this child's pipes exist and before its spawn has closed our copies of their write ends,
    /// and inherits every descriptor left inheritable (as a child started at that moment by
    /// Foundation's `Process` on another thread did), and lives on. This child's status and
    /// output still arrive when it ends: none of its pipes reached the other child.
    func testAChildStartedDuringTheSpawnInheritsNothingOfIt() {
        let sibling = Box<pid_t>()
        let result = Box<(status: Int32, out: String)>()
        let finished = runInBackground {
            guard let child = try? ChildProcess("/bin/sh", ["-c", "echo done; exit 3"], cwd: nil, environment: nil,
                                                beforeSpawn: { sibling.value = try? Self.spawnInheritingEverything("/bin/sleep", ["600"]) })
            else { return }
            var out = Data()
            PipeDrain.drain([child.standardOutput, child.standardError]) { index, bytes in
                if index == 0 { out.append(contentsOf: bytes) }
            }
            result.value = (child.wait(), String(decoding: out, as: UTF8.self))
        }
        wait(for: [finished], timeout: 60)
        if let pid = sibling.value { kill(pid, SIGKILL); waitpid(pid, nil, 0) }
        XCTAssertNotNil(sibling.value, "the other child was not started")
        XCTAssertEqual(result.value?.status, 3)
        XCTAssertEqual(result.value?.out, "done\n")
    }

    /// The child keeps only its standard streams: a descriptor this process left inheritable
    /// does not reach it.
    func testTheChildHoldsOnlyItsStandardStreams() throws {
        var fds: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        let check = fds.map { "[ -e /proc/$$/fd/\($0) ] && echo held || echo closed" }.joined(separator: "; ")
        let r = try ProcessRunner.run("/bin/sh", ["-c", check])
        XCTAssertEqual(r.out, "closed\nclosed\n")
    }

    /// `ProcessExit` returns the exit status to every waiter, the signal number for a killed
    /// child, and sends no signal once the child is reaped.
    func testExitStatusReachesEveryWaiter() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "exit 3"])
        let statuses = Box<[Int32]>([])
        let waiters = (0..<4).map { _ in
            runInBackground { let s = child.exit.wait(); statuses.update { $0.append(s) } }
        }
        wait(for: waiters, timeout: 60)
        XCTAssertEqual(statuses.value, [3, 3, 3, 3])
        XCTAssertEqual(child.wait(), 3)
        XCTAssertEqual(child.exit.ended, 3)
        XCTAssertFalse(child.exit.signaled)
        child.exit.signal(SIGKILL)

        let killed = try ChildProcess("/bin/sh", ["-c", "kill -9 $$"])
        let status = Box<Int32>()
        wait(for: [runInBackground { status.value = killed.wait() }], timeout: 60)
        XCTAssertEqual(status.value, SIGKILL)
        XCTAssertTrue(killed.exit.signaled)
    }

    /// Standard input is written while the output is read: a child that echoes megabytes of
    /// input before it has read them all ends with all of them.
    func testInputIsWrittenWhileTheOutputIsRead() {
        let input = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let result = Box<ProcessRunner.Result>()
        wait(for: [runInBackground { result.value = try? ProcessRunner.run("/bin/cat", [], input: input) }], timeout: 60)
        XCTAssertEqual(result.value?.status, 0)
        XCTAssertEqual(result.value?.stdout.count, input.count)
        XCTAssertTrue(result.value?.stdout == input)
    }

    /// A child that exits without reading its input ends the write (EPIPE), not this process.
    func testAChildThatIgnoresItsInputEnds() {
        let result = Box<ProcessRunner.Result>()
        let input = Data(repeating: 120, count: 1_000_000)
        wait(for: [runInBackground { result.value = try? ProcessRunner.run("/bin/sh", ["-c", "echo early; exit 5"], input: input) }],
             timeout: 60)
        XCTAssertEqual(result.value?.status, 5)
        XCTAssertEqual(result.value?.out, "early\n")
    }

    /// A wait that ends the child's group kills the background process it left, which held its
    /// output open: the output reaches end of file.
    func testEndingTheGroupClosesPipesABackgroundProcessHeld() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "sleep 600 & echo started"])
        let out = Box<String>("")
        let drained = runInBackground {
            PipeDrain.drain([child.standardOutput, child.standardError]) { index, bytes in
                if index == 0 { out.update { $0 += String(decoding: bytes, as: UTF8.self) } }
            }
        }
        XCTAssertEqual(child.wait(endingGroup: true), 0)
        wait(for: [drained], timeout: 60)
        XCTAssertEqual(out.value, "started\n")
    }

    /// A drain of a pipe that nobody closes returns once it is stopped, with what it read.
    func testAStoppedDrainReturns() throws {
        var fds: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        XCTAssertEqual(write(fds[1], "kept", 4), 4)
        let stop = try PipeDrain.Stop()
        let read = Box<String>("")
        let reader = fds[0]
        let drained = runInBackground {
            PipeDrain.drain([reader], stop: stop) { _, bytes in read.update { $0 += String(decoding: bytes, as: UTF8.self) } }
        }
        let limit = Date().addingTimeInterval(60)
        while read.value != "kept" && Date() < limit { usleep(1000) }
        stop.stop()
        wait(for: [drained], timeout: 60)
        XCTAssertEqual(read.value, "kept")
    }

    /// A tool that writes megabytes to both streams completes while another run, on another
    /// thread, waits for its own tool.
    func testLargeOutputCompletesBesideAnotherRun() {
        let big = Box<ProcessRunner.Result>(), small = Box<ProcessRunner.Result>()
        let bigRun = runInBackground {
            big.value = try? ProcessRunner.run("/bin/sh", ["-c", "head -c 3000000 /dev/zero >&2; head -c 2000000 /dev/zero; exit 0"])
        }
        let smallRun = runInBackground { small.value = try? ProcessRunner.run("/bin/sh", ["-c", "sleep 0.2; exit 4"]) }
        wait(for: [bigRun, smallRun], timeout: 60)
        XCTAssertEqual(big.value?.status, 0)
        XCTAssertEqual(big.value?.stderr.count, 3_000_000)
        XCTAssertEqual(big.value?.stdout.count, 2_000_000)
        XCTAssertEqual(small.value?.status, 4)
    }

    /// Runs on many threads at once each get their own tool's status and output.
    func testConcurrentRunsGetTheirOwnStatus() {
        let results = Box<[Int: ProcessRunner.Result]>([:])
        let all = runInBackground {
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for k in 0..<8 {
                    let n = thread * 8 + k
                    let r = try? ProcessRunner.run("/bin/sh", ["-c", "echo \(n); exit \(n)"])
                    results.update { $0[n] = r }
                }
            }
        }
        wait(for: [all], timeout: 60)
        let value = results.value ?? [:]
        XCTAssertEqual(value.count, 64)
        for n in 0..<64 {
            XCTAssertEqual(value[n]?.status, Int32(n), "run \(n)")
            XCTAssertEqual(value[n]?.out, "\(n)\n", "run \(n)")
        }
    }

    /// A child runs in the folder it is given, with the environment it is given, and a program
    /// that cannot be started is an error, not a status.
    func testFolderEnvironmentAndLaunchFailure() throws {
        let folder = try temporaryFolder()
        let r = try ProcessRunner.run("/bin/sh", ["-c", "pwd; echo $ONLY"], cwd: folder.path, environment: ["ONLY": "this"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out, "\(folder.resolvingSymlinksInPath().path)\nthis\n")
        XCTAssertThrowsError(try ProcessRunner.run(folder.appendingPathComponent("missing").path, []))
        let missing = folder.appendingPathComponent("missing").path
        XCTAssertThrowsError(try ProcessRunner.run("/bin/sh", ["-c", "exit 0"], cwd: missing)) { error in
            XCTAssertEqual((error as? ChildProcess.LaunchError)?.directory, missing)
        }
    }

    // MARK: - Helpers

    /// A value set on one thread and read on another after an expectation was met.
    final class Box<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value?
        init(_ value: Value? = nil) { stored = value }
        var value: Value? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
        func update(_ change: (inout Value) -> Void) {
            lock.lock()
            if stored != nil { change(&stored!) }
            lock.unlock()
        }
    }

    /// Runs `body` on a thread of its own; the expectation is met when it returns.
    private func runInBackground(_ body: @escaping @Sendable () -> Void) -> XCTestExpectation {
        let done = expectation(description: "finished")
        Thread.detachNewThread {
            body()
            done.fulfill()
        }
        return done
    }

    /// Starts `executable` with no file actions: it inherits every descriptor of this process
    /// that is not close-on-exec.
    private static func spawnInheritingEverything(_ executable: String, _ arguments: [String]) throws -> pid_t {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, nil, nil, argv, environ)
        guard code == 0 else { throw ChildProcess.LaunchError(executable: executable, code: code) }
        return pid
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("childprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
