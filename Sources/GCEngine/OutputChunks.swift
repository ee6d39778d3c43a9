import Foundation

/// Chunks of a child's output handed from the thread that reads the pipe to the thread that
/// parses them, in order, with no bound: the reader never waits for the parser, so the child
/// never waits for either. What is held is the output the parser has not caught up with.
final class OutputChunks: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Data] = []
    private var next = 0
    private var finished = false

    /// Adds a chunk (reading thread).
    func append(_ chunk: Data) {
        condition.lock()
        pending.append(chunk)
        condition.signal()
        condition.unlock()
    }

    /// Marks the end of the output (reading thread); nothing is appended after.
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil once the output has ended and every chunk was taken.
    func take() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while next == pending.count && !finished { condition.wait() }
        guard next < pending.count else { return nil }
        let chunk = pending[next]
        next += 1
        if next == pending.count {
            pending.removeAll(keepingCapacity: true)
            next = 0
        }
        return chunk
    }
}
