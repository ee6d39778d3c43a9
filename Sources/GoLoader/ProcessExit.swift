import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of a child that `ChildProcess` started: waits for it with the kernel's own wait,
/// reaps it, and sends it signals only while its process id is still its own.
///
/// Why not Foundation's `Process` and its termination handler: on Linux, Foundation learns that
/// a child ended from end-of-file on a socket that only the child holds, and only then reaps
/// it and calls the handler. Its pipes and that socket are created without close-on-exec, and
/// a child closes only the descriptors that were open when its `run()` listed them; a second
/// child started at the same moment on another thread keeps the first child's socket and pipe
/// ends. The first child then stays a zombie, unreaped, with its output never at end of file,
/// for as long as the second child runs. Measured with a thread starting `sleep 2` through
/// `Process` every 0.5 ms: of 600 runs of `sh -c 'echo x; exit 3'` through `Process`, 72 took
/// over a second (in a shorter run, both late children were zombies with their standard output
/// still open); through `ChildProcess`, none of 600. In a scan, the second child is the early
/// `go build`, blocked writing output that the waiting thread would read after `go env`
/// answers: a deadlock. A timeout and a `waitid` check would return the status, but not the
/// output, whose pipe stays open in the other child; so children are started here with every
/// descriptor close-on-exec and waited for by process id. Foundation reaps only the process ids
/// it started (`waitpid` on each), so it never takes these.
///
/// `wait()` blocks in `waitid` without reaping (the child stays a zombie, so its process id
/// cannot be given to another process), then reaps it under the lock that `signal` takes: a
/// signal is never sent to a process id that has been reused. The same holds for the child's
/// process group, whose id is the child's: while the child is unreaped, no other process or
/// group can take that id. `wait()` may be called more than once and from several threads.
public final class ProcessExit: @unchecked Sendable {
    /// The child's process id.
    public let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?
    private var bySignal = false

    /// Waits for `pid`, a child of this process that nothing else reaps.
    init(pid: pid_t) {
        self.pid = pid
    }

    /// The exit status once the child has ended, or the number of the signal that ended it (as
    /// Foundation's `terminationStatus` reports it); -1 if the child was reaped elsewhere (a
    /// process that ignores SIGCHLD has its children reaped by the kernel).
    ///
    /// With `endingGroup`, the waiter that reaps the child first kills (SIGKILL) whatever the
    /// child left running in its process group: an external pass's background process or a
    /// wrapper script's child, which would otherwise hold its output pipes open.
    @discardableResult
    public func wait(endingGroup: Bool = false) -> Int32 {
        if let status = ended { return status }
        var info = siginfo_t()
        var result: Int32
        repeat {
            result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT)
        } while result == -1 && errno == EINTR
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        #if canImport(Glibc)
        let ended: Int32 = result == 0 ? info._sifields._sigchld.si_status : -1
        #else
        let ended: Int32 = result == 0 ? info.si_status : -1
        #endif
        if endingGroup && result == 0 { kill(-pid, SIGKILL) }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        status = ended
        bySignal = result == 0 && info.si_code != Int32(CLD_EXITED)
        return ended
    }

    /// Whether the child was ended by a signal (its status is the signal's number); false until
    /// it has been reaped.
    public var signaled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return bySignal
    }

    /// The status if the child has been reaped, else nil (never blocks).
    public var ended: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return status
    }

    /// Sends `signal` to the child unless it has been reaped already.
    public func signal(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if status == nil { kill(pid, number) }
    }

    /// Sends `signal` to every process in the child's process group unless the child has been
    /// reaped already (after which its group id may name another group).
    public func signalGroup(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if status == nil { kill(-pid, number) }
    }
}
