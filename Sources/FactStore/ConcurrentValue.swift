import Foundation

/// A value computed on another thread from the moment it is created, and waited for where it
/// is read: lets the store compute what a write needs besides the rows (a run's metrics) while
/// the rows are written.
final class ConcurrentValue<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    /// Starts computing `compute` on a global queue.
    init(_ compute: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = compute()
            self.done.signal()
        }
    }

    /// The value, once computed (waits until then).
    var value: T {
        done.wait()
        done.signal()
        return result!
    }
}
