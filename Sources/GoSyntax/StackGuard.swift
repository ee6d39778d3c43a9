#if canImport(Glibc)
import Glibc

/// glibc's `pthread_getattr_np` (a GNU extension the Glibc module does not export).
@_silgen_name("pthread_getattr_np")
private func gnuPthreadGetattr(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures how deep the parser may recurse on the current thread. Debug builds use several
/// kilobytes of stack per nesting level and worker threads can have small stacks, so a fixed
/// limit is either too small for real code or too large for a small stack. The parser asks
/// once it is `probeDepth` levels deep (which ordinary code rarely reaches): from the stack
/// used so far it estimates the bytes per level and allows as many more levels as fit in the
/// remaining stack minus a safety margin.
enum StackGuard {
    /// Nesting depth at which the stack is measured.
    static let probeDepth = 32
    /// Stack kept free below the deepest allowed level.
    static let margin: UInt = 96 << 10

    /// The approximate current stack pointer.
    @inline(never)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The lowest usable address of the current thread's stack, if known.
    static func stackLowAddress() -> UInt? {
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        guard gnuPthreadGetattr(pthread_self(), &attr) == 0 else { return nil }
        defer { pthread_attr_destroy(&attr) }
        var addr: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attr, &addr, &size) == 0, let a = addr else { return nil }
        return UInt(bitPattern: a)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        return top - UInt(pthread_get_stacksize_np(pthread_self()))
        #else
        return nil
        #endif
    }

    /// The depth limit for a parse that started at stack address `start` and is now `depth`
    /// levels deep, capped at `maximum`.
    static func limit(start: UInt, depth: Int, maximum: Int) -> Int {
        let now = currentAddress()
        guard let low = stackLowAddress(), start > now, depth > 0 else { return maximum }
        if now <= low + margin { return depth }
        let perLevel = Swift.max(1, (start - now) / UInt(depth))
        let more = (now - low - margin) / perLevel
        return Swift.min(maximum, depth + Int(more))
    }
}
