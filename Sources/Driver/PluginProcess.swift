import Foundation
import GoLoader
#if canImport(Glibc)
import Glibc

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+; not exported by the Glibc module).
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32

/// `pipe2` (a GNU extension the Glibc module does not export): pipes that other plugins started
/// at the same time do not inherit.
@_silgen_name("pipe2")
private func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
#endif

/// One run of an external pass's executable, in a process group of its own so that everything
/// it starts can be ended with it.
///
/// Model. The plugin is spawned (`posix_spawn`) as the leader of a new process group, in its
/// working directory (`posix_spawn_file_actions_addchdir_np`), with the signal dispositions the scan changed (SIGPIPE) back to their
/// defaults. Its standard input is written and closed by one thread; standard output and error
/// are read by two more, chunk by chunk, so that what a plugin wrote is kept even if a process it
/// left behind still holds the pipe. When the plugin exits, or its timeout passes, the whole
/// group is killed: a wrapper script's children never outlive it, a timed-out plugin stops
/// at once, and a plugin that answered and left a background process keeps its answer.
///
/// Not handled: a child that leaves the group on purpose (`setsid`); its pipe ends are given up
/// on after `drainSeconds`, with whatever was read by then.
enum PluginProcess {
    /// How long to wait, after the plugin's group is gone, for its pipes to close.
    static let drainSeconds = 2.0

    /// What the process did.
    struct Result {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: Data
        var stderr: Data
    }

    /// Why the executable could not be started.
    struct StartError: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Runs `command` in `directory` with `input` on standard input.
    static func run(_ command: [String], directory: String, input: Data, timeout: Double) throws -> Result {
        signal(SIGPIPE, SIG_IGN)
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0], errChild: [Int32] = [0, 0]
        guard pipe2(&toChild, O_CLOEXEC) == 0, pipe2(&fromChild, O_CLOEXEC) == 0, pipe2(&errChild, O_CLOEXEC) == 0 else {
            throw StartError(reason: "cannot create pipes: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errChild[1], 2)
        _ = directory.withCString { spawnAddChdir(&actions, $0) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)

        var cArgs: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, command[0], &actions, &attributes, &cArgs, environ)
        close(toChild[0]); close(fromChild[1]); close(errChild[1])
        guard rc == 0 else {
            close(toChild[1]); close(fromChild[0]); close(errChild[0])
            throw StartError(reason: String(cString: strerror(rc)))
        }
        // An interrupted scan ends the plugin's whole group too.
        let group = pid
        let cleanup = InterruptCleanup.register { kill(-group, SIGKILL) }
        defer { InterruptCleanup.unregister(cleanup) }

        let io = DispatchGroup()
        let out = ChunkedOutput(), err = ChunkedOutput()
        let inFD = toChild[1], outFD = fromChild[0], errFD = errChild[0]
        DispatchQueue.global().async(group: io) {
            input.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(inFD, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 { if errno == EINTR { continue }; break }
                    offset += n
                }
            }
            close(inFD)
        }
        DispatchQueue.global().async(group: io) { out.readAll(from: outFD) }
        DispatchQueue.global().async(group: io) { err.readAll(from: errFD) }

        let exited = DispatchSemaphore(value: 0)
        let status = ExitStatus()
        let child = pid
        Thread.detachNewThread {
            var raw: Int32 = 0
            while waitpid(child, &raw, 0) < 0 && errno == EINTR {}
            status.set(raw)
            exited.signal()
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(-child, SIGKILL)
            exited.wait()
        }
        // Whatever the plugin left running ends with it, so its pipes close.
        kill(-child, SIGKILL)
        if io.wait(timeout: .now() + drainSeconds) == .timedOut {
            // A process that left the group still holds a pipe: stop reading it.
            out.stop(); err.stop()
        }
        let raw = status.get()
        let signaled = (raw & 0x7f) != 0 && (raw & 0x7f) != 0x7f
        return Result(status: signaled ? raw & 0x7f : (raw >> 8) & 0xff, signaled: signaled, timedOut: timedOut,
                      stdout: out.get(), stderr: err.get())
    }
}

/// The raw wait status, set by the waiting thread.
private final class ExitStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32 = 0
    func set(_ v: Int32) { lock.lock(); value = v; lock.unlock() }
    func get() -> Int32 { lock.lock(); defer { lock.unlock() }; return value }
}

/// Bytes read from a pipe as they arrive, so that a reader given up on still has them.
final class ChunkedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var stopped = false

    /// Reads `fd` to its end (or until `stop`), then closes it.
    func readAll(from fd: Int32) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            lock.lock()
            let done = stopped
            if !done { data.append(contentsOf: chunk[0..<n]) }
            lock.unlock()
            if done { break }
        }
        close(fd)
    }

    /// Freezes what was read so far.
    func stop() { lock.lock(); stopped = true; lock.unlock() }

    /// What was read.
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
