import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a child's output pipes together until each is at end of file.
///
/// One thread waits on all of them (`poll`), so a child never blocks on a full pipe because
/// its reader is busy with the other one, and reading takes no worker thread of a shared pool
/// that might be exhausted by other blocked readers.
public enum PipeDrain {
    /// Bytes asked for per read: the capacity of a Linux pipe.
    static let chunkSize = 1 << 16

    /// Calls `sink` with the index in `descriptors` of the pipe and each chunk read from it,
    /// until every pipe is at end of file (or fails to read). Does not close the descriptors.
    public static func drain(_ descriptors: [Int32], _ sink: (Int, UnsafeRawBufferPointer) -> Void) {
        var open = descriptors.indices.map { pollfd(fd: descriptors[$0], events: Int16(POLLIN), revents: 0) }
        var indices = Array(descriptors.indices)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        while !open.isEmpty {
            let ready = poll(&open, nfds_t(open.count), -1)
            if ready == -1 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            var k = 0
            while k < open.count {
                guard open[k].revents != 0 else { k += 1; continue }
                let count = read(open[k].fd, buffer, chunkSize)
                if count > 0 {
                    sink(indices[k], UnsafeRawBufferPointer(start: buffer, count: count))
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.remove(at: k)
                    indices.remove(at: k)
                    continue
                }
                open[k].revents = 0
                k += 1
            }
        }
    }
}
