import Foundation

/// A value computed on a thread of its own while the scan goes on (the git state, the go
/// command's answer about itself, the opened store); `value` waits for it. A dedicated thread,
/// not a dispatch queue: the work blocks on child processes and disk, and must not take a
/// worker the pipe readers need.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    private let body: @Sendable () -> Value

    /// Starts computing `body` now, or, with `startNow: false`, when `start()` is called (so
    /// that a waiter can be registered before the work begins).
    init(startNow: Bool = true, _ body: @escaping @Sendable () -> Value) {
        self.body = body
        done.enter()
        if startNow { start() }
    }

    /// Starts the work of a value made with `startNow: false` (once).
    func start() {
        Thread.detachNewThread { [self] in
            result = body()
            done.leave()
        }
    }

    /// Waits at most `seconds` for the value; false when it was not computed by then.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    /// The value, handed over (waits for it): this keeps no reference to it afterwards, so
    /// that its owner decides when it goes (a store closes, and checkpoints its log, when its
    /// last reference does). Call once, and use neither `value` nor `take` after.
    func take() -> Value {
        done.wait()
        defer { result = nil }
        return result!
    }

    /// The value, once computed (waits for it the first time).
    var value: Value {
        done.wait()
        return result!
    }
}
