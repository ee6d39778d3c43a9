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

    /// Drops `value` on a new thread. The caller must not keep another reference to it (the
    /// last reference decides where it is freed).
    static func release(_ value: consuming Any?) {
        let box = Box(value)
        Thread.detachNewThread { box.value = nil }
    }
}
