import Foundation

/// Frees a large value on a thread of its own. The native engine's session holds the typed
/// program, every package's lowered bodies and escape graphs: freeing it took about half a
/// second of a std scan, on the scan's own thread, after the store was written. Handed here
/// once the passes are done, it is freed on the other core while the run is recorded, and a
/// `heapsight scan` that ends first does not wait for it.
enum BackgroundRelease {
    /// Holds the value until the release thread drops it.
    private final class Box: @unchecked Sendable {
        var value: Any?
        init(_ value: Any?) { self.value = value }
    }

    /// Moves `value` out (leaving `empty` in its place) and drops it on a new thread. Moved, not
    /// copied: no reference stays on the caller's side that could outlive the thread's and
    /// free the value there after all. The caller must hold no other copy of it.
    static func release<T>(_ value: inout T, leaving empty: T) {
        let box = Box(nil)
        withUnsafeMutablePointer(to: &value) { slot in
            box.value = slot.move()
            slot.initialize(to: empty)
        }
        Thread.detachNewThread { box.value = nil }
    }
}
