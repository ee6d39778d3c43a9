import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a child's output pipes together until each is at end of file, writing its standard
/// input meanwhile.
///
/// One thread waits on all of them (`poll`), so a child never blocks on a full pipe because
/// its reader is busy with the other one (or with writing its input, which it may not read
/// until it has written its output), and reading takes no worker thread of a shared pool that
/// might be exhausted by other blocked readers.
public enum PipeDrain {
    /// Bytes asked for per read or write: the capacity of a Linux pipe.
    static let chunkSize = 1 << 16

    /// Bytes for a child's standard input, and the write end of its pipe, which the drain owns:
    /// it closes it once every byte is written (the child reads end of file), or the child
    /// stopped reading, or the drain ends.
    public struct Input: Sendable {
        let descriptor: Int32
        let data: Data

        public init(descriptor: Int32, data: Data) {
            self.descriptor = descriptor
            self.data = data
        }
    }

    /// Ends a drain from another thread before its pipes are at end of file (when a process
    /// that left its child's process group still holds one open).
    public final class Stop: @unchecked Sendable {
        /// Becomes readable when `stop()` is called; close-on-exec, as every descriptor made
        /// for a child is.
        fileprivate let descriptor: Int32
        private let writer: Int32
        private let lock = NSLock()
        private var stopped = false

        public init() throws {
            (descriptor, writer) = try ChildProcess.makePipe("stop")
        }

        /// Makes the drain return after what it is reading now; later calls do nothing.
        public func stop() {
            lock.lock()
            defer { lock.unlock() }
            guard !stopped else { return }
            stopped = true
            var byte: UInt8 = 1
            _ = write(writer, &byte, 1)
        }

        deinit {
            close(descriptor)
            close(writer)
        }
    }

    /// Calls `sink` with the index in `descriptors` of the pipe and each chunk read from it,
    /// until every pipe is at end of file (or fails to read) and `input` is written, or until
    /// `stop` is stopped. Does not close the descriptors; closes `input`'s.
    ///
    /// With an input, SIGPIPE is ignored by this process from then on: a child that exits
    /// without reading its input makes the write fail (`EPIPE`) instead of ending heapsight.
    /// Children start with it at its default action (`ChildProcess`).
    public static func drain(_ descriptors: [Int32], input: Input? = nil, stop: Stop? = nil,
                             _ sink: (Int, UnsafeRawBufferPointer) -> Void) {
        var reading = Array(descriptors.indices)
        let writer = input.map(InputWriter.init)
        defer { writer?.finish() }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        while !reading.isEmpty || writer?.isDone == false {
            var polled = reading.map { pollfd(fd: descriptors[$0], events: Int16(POLLIN), revents: 0) }
            let writing = writer.map { !$0.isDone } ?? false
            if let writer, writing { polled.append(pollfd(fd: writer.descriptor, events: Int16(POLLOUT), revents: 0)) }
            if let stop { polled.append(pollfd(fd: stop.descriptor, events: Int16(POLLIN), revents: 0)) }
            if poll(&polled, nfds_t(polled.count), -1) == -1 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            if stop != nil, polled[polled.count - 1].revents != 0 { return }
            if writing, polled[reading.count].revents != 0 { writer?.writeWhatFits() }
            var ended: Set<Int> = []
            for (k, index) in reading.enumerated() where polled[k].revents != 0 {
                let count = read(polled[k].fd, buffer, chunkSize)
                if count > 0 {
                    sink(index, UnsafeRawBufferPointer(start: buffer, count: count))
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    ended.insert(index)
                }
            }
            reading.removeAll { ended.contains($0) }
        }
    }

    /// Writes an `Input` as its pipe accepts it, without blocking.
    private final class InputWriter {
        let descriptor: Int32
        private let data: Data
        private var offset = 0
        private(set) var isDone = false

        /// SIGPIPE ignored, once for the process.
        private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

        init(_ input: Input) {
            Self.ignoreBrokenPipes
            descriptor = input.descriptor
            data = input.data
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            if data.isEmpty { finish() }
        }

        /// Writes what the pipe takes now; finishes when all is written or the child stopped
        /// reading.
        func writeWhatFits() {
            while !isDone {
                let count = data.withUnsafeBytes { raw in
                    write(descriptor, raw.baseAddress! + offset, min(raw.count - offset, PipeDrain.chunkSize))
                }
                if count > 0 {
                    offset += count
                    if offset == data.count { finish() }
                } else if count == -1 && errno == EINTR {
                    continue
                } else {
                    if count == -1 && errno == EAGAIN { return }
                    finish()
                }
            }
        }

        /// Closes the pipe (once).
        func finish() {
            guard !isDone else { return }
            isDone = true
            close(descriptor)
        }
    }
}
