import Foundation
import GoLoader
import XCTest
@testable import GCEngine

/// A started build's output is read from the moment it starts, whatever its caller waits on
/// first, as a scan does: it starts `go build`, then runs `go env`, and only then reads the
/// build. Every wait has a generous time limit, so a regression fails instead of hanging.
final class StreamingProcessTests: XCTestCase {
    /// The child writes 3 MB to the streamed stream, then marks that it got past the writes.
    /// The mark appears while the caller runs another tool and has not read anything (a pipe
    /// alone holds 64 kB); reading afterwards gives every byte and the status.
    func testOutputIsDrainedWhileTheCallerWaitsForAnotherTool() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mark = folder.appendingPathComponent("written").path
        let script = "head -c 3000000 /dev/zero >&2; echo side; touch '\(mark)'; exit 7"

        let outcome = Box()
        let finished = expectation(description: "finished")
        Thread.detachNewThread {
            guard let build = try? StreamingProcess("/bin/sh", ["-c", script], cwd: folder.path,
                                                    environment: ProcessInfo.processInfo.environment,
                                                    streaming: .standardError) else { finished.fulfill(); return }
            let query = try? ProcessRunner.run("/bin/sh", ["-c", "echo answer; exit 5"])
            var written = false
            for _ in 0..<6000 where !written {
                written = FileManager.default.fileExists(atPath: mark)
                if !written { usleep(10_000) }
            }
            var streamed = 0
            let result = build.read { streamed += $0.count }
            outcome.set(query: query, written: written, streamed: streamed, result: result)
            finished.fulfill()
        }
        wait(for: [finished], timeout: 120)
        let value = outcome.get()
        XCTAssertEqual(value.query?.status, 5)
        XCTAssertEqual(value.query?.out, "answer\n")
        XCTAssertTrue(value.written, "the child was not drained while the caller waited elsewhere")
        XCTAssertEqual(value.streamed, 3_000_000)
        XCTAssertEqual(value.result?.status, 7)
        XCTAssertEqual(value.result?.collected, "side\n")
    }

    /// A cancelled child is ended and waited for, its unread output dropped.
    func testCancelEndsTheChild() throws {
        let done = expectation(description: "cancelled")
        Thread.detachNewThread {
            if let p = try? StreamingProcess("/bin/sh", ["-c", "exec sleep 600"], cwd: "/",
                                             environment: ProcessInfo.processInfo.environment, streaming: .standardOutput) {
                p.cancel()
            }
            done.fulfill()
        }
        wait(for: [done], timeout: 60)
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (query: ProcessRunner.Result?, written: Bool, streamed: Int, result: StreamingProcess.Result?)
            = (nil, false, 0, nil)
        func set(query: ProcessRunner.Result?, written: Bool, streamed: Int, result: StreamingProcess.Result) {
            lock.lock(); value = (query, written, streamed, result); lock.unlock()
        }
        func get() -> (query: ProcessRunner.Result?, written: Bool, streamed: Int, result: StreamingProcess.Result?) {
            lock.lock(); defer { lock.unlock() }; return value
        }
    }
}
