import Foundation

/// How a scan gives back the memory of its large values once it is done with them.
///
/// The native engine's session holds the typed program, every package's lowered bodies and
/// escape graphs; the run's rows and parsed packages come on top. Freeing them walks every
/// object once more after the analysis is over: about half a second of a std scan, and a cost
/// that grows faster than the input, since by then the objects have left the caches (the 4 MB
/// generated package of `bench/native-inline` spent a larger share of its scan freeing than the
/// 1 MB one did). So a value is either freed on a thread of its own, beside the recording (a
/// `heapsight scan` that ends first does not wait for it), or, when the process exits right
/// after the scan, kept until the exit, which returns the whole address space at once.
struct MemoryRelease: Sendable {
    /// True to keep the values until the process exits instead of freeing them.
    let keepUntilExit: Bool

    /// Holds a value until the release thread, or the process's exit, drops it.
    private final class Box: @unchecked Sendable {
        var value: Any?
        init(_ value: Any?) { self.value = value }
    }

    /// Values kept until the process exits.
    private nonisolated(unsafe) static var kept: [Box] = []
    private static let keptLock = NSLock()

    /// Moves `value` out (leaving `empty` in its place) and drops it on a new thread, or keeps
    /// it until the exit. Moved, not copied: no reference stays on the caller's side that could
    /// outlive the thread's and free the value there after all. The caller must hold no other
    /// copy of it.
    func release<T>(_ value: inout T, leaving empty: T) {
        let box = Box(nil)
        withUnsafeMutablePointer(to: &value) { slot in
            box.value = slot.move()
            slot.initialize(to: empty)
        }
        if keepUntilExit {
            Self.keptLock.withLock { Self.kept.append(box) }
        } else {
            Thread.detachNewThread { box.value = nil }
        }
    }
}
