import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn`: standard input /dev/null or a pipe whose write
/// end this holds, standard output and standard error each a pipe whose read end this holds
/// (`PipeDrain` writes and reads them). It is the one way heapsight starts a program: tools,
/// builds, and external passes.
///
/// Every descriptor made here is close-on-exec from the moment it exists, so no other child,
/// started by any thread through any API, inherits one; and the child keeps only its three
/// standard streams (every other descriptor is closed on the way in), so it holds nobody
/// else's. Its pipes reach end of file when it (and whatever it started with those streams)
/// has ended, and `ProcessExit` sees it end, whatever else runs at the same time: see there for
/// what Foundation's `Process` does instead, and why that hung a scan.
///
/// As with Foundation's `Process`, the child gets a process group of its own, whose id is its
/// process id (a terminal's ^C reaches heapsight, whose interrupt handling kills its children),
/// so that what it starts can be ended with it (`ProcessExit.signalGroup`). It starts with no
/// signal blocked and with SIGINT, SIGTERM, SIGQUIT, SIGHUP and SIGPIPE at their default
/// actions, whatever this process ignores (a scan that writes plugins' input ignores SIGPIPE).
/// Until it is reaped, an interrupt of heapsight kills its process group (`InterruptCleanup`).
public final class ChildProcess: @unchecked Sendable {
    /// Waits for the child and signals it.
    public let exit: ProcessExit
    /// Read end of the child's standard output.
    public let standardOutput: Int32
    /// Read end of the child's standard error.
    public let standardError: Int32
    /// Write end of the child's standard input pipe until `takeStandardInput()`; -1 if none.
    private var standardInput: Int32
    private let lock = NSLock()
    private let cleanup: InterruptCleanup.Token

    /// Why a child could not be started.
    public struct LaunchError: Error, LocalizedError, CustomStringConvertible {
        /// The program that was to run.
        public let executable: String
        /// The working directory it was to start in, if not this process's.
        public var directory: String? = nil
        /// The `errno` value of the failure.
        public let code: Int32
        public var description: String {
            String(cString: strerror(code)) + (directory.map { " (working directory \($0))" } ?? "")
        }
        public var errorDescription: String? { description }
    }

    /// Starts `executable` (a path; a relative one names a file in `cwd`) with `arguments`, in
    /// `cwd` (else this process's directory), with `environment` (else this process's), its
    /// standard input a pipe when `inputPipe` (see `takeStandardInput`), else /dev/null; throws
    /// `LaunchError` when it cannot be started.
    public convenience init(_ executable: String, _ arguments: [String], cwd: String? = nil,
                            environment: [String: String]? = nil, inputPipe: Bool = false) throws {
        try self.init(executable, arguments, cwd: cwd, environment: environment, inputPipe: inputPipe,
                      beforeSpawn: {})
    }

    /// Starts the child, calling `beforeSpawn` once its pipes exist: the moment at which a child
    /// started by another thread could inherit them (tests start one there).
    init(_ executable: String, _ arguments: [String], cwd: String?, environment: [String: String]?,
         inputPipe: Bool = false, beforeSpawn: () -> Void) throws {
        var pipes: [(read: Int32, write: Int32)] = []
        do {
            for _ in 0..<(inputPipe ? 3 : 2) { pipes.append(try Self.makePipe(executable)) }
        } catch {
            for p in pipes { close(p.read); close(p.write) }
            throw error
        }
        let out = pipes[0], err = pipes[1], input = inputPipe ? pipes[2] : nil
        beforeSpawn()
        var pid = pid_t()
        let code = Self.spawn(&pid, executable, arguments, cwd: cwd,
                              environment: environment ?? ProcessInfo.processInfo.environment,
                              standardInput: input?.read, standardOutput: out.write, standardError: err.write)
        close(out.write)
        close(err.write)
        if let input { close(input.read) }
        guard code == 0 else {
            close(out.read); close(err.read)
            if let input { close(input.write) }
            throw LaunchError(executable: executable, directory: cwd, code: code)
        }
        let exit = ProcessExit(pid: pid)
        self.exit = exit
        standardOutput = out.read
        standardError = err.read
        standardInput = input?.write ?? -1
        cleanup = InterruptCleanup.register { exit.signalGroup(SIGKILL) }
    }

    /// The write end of the child's standard input pipe, which the caller now owns and closes
    /// (`PipeDrain.Input` does): the child reads end of file once it is closed. Nil without an
    /// input pipe, or once taken.
    public func takeStandardInput() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        let fd = standardInput
        standardInput = -1
        return fd == -1 ? nil : fd
    }

    /// Waits for the child to end and returns its status (`ProcessExit.wait`, which with
    /// `endingGroup` kills what it left in its process group). Its output must be read
    /// meanwhile, or a child that fills a pipe never ends.
    @discardableResult
    public func wait(endingGroup: Bool = false) -> Int32 {
        let status = exit.wait(endingGroup: endingGroup)
        InterruptCleanup.unregister(cleanup)
        return status
    }

    deinit {
        InterruptCleanup.unregister(cleanup)
        close(standardOutput)
        close(standardError)
        if standardInput != -1 { close(standardInput) }
    }

    /// A pipe whose two ends are close-on-exec.
    static func makePipe(_ executable: String) throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        #if !canImport(Darwin)
        if let pipe2 = SpawnExtensions.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { throw LaunchError(executable: executable, code: errno) }
            return (fds[0], fds[1])
        }
        #endif
        guard pipe(&fds) == 0 else { throw LaunchError(executable: executable, code: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Spawns the child; returns 0 or the error number.
    private static func spawn(_ pid: inout pid_t, _ executable: String, _ arguments: [String], cwd: String?,
                              environment: [String: String], standardInput: Int32?, standardOutput: Int32,
                              standardError: Int32) -> Int32 {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        var program = executable, argumentList = arguments
        var code = standardInput.map { posix_spawn_file_actions_adddup2(&actions, $0, 0) }
            ?? posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if code == 0 { code = posix_spawn_file_actions_adddup2(&actions, standardOutput, 1) }
        if code == 0 { code = posix_spawn_file_actions_adddup2(&actions, standardError, 2) }
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        if code == 0, let cwd { code = posix_spawn_file_actions_addchdir_np(&actions, cwd) }
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        if code == 0, let cwd {
            if let addChdir = SpawnExtensions.addChdir {
                code = addChdir(&actions, cwd)
            } else {
                // A C library without the chdir action (glibc before 2.29): a shell changes
                // directory, then becomes the program.
                argumentList = ["-c", "cd -- \"$0\" && exec \"$@\"", cwd, executable] + arguments
                program = "/bin/sh"
            }
        }
        // Without the close-from action (glibc before 2.34), descriptors that others left
        // inheritable reach the child; ours never do, being close-on-exec.
        if code == 0, let closeFrom = SpawnExtensions.addCloseFrom { code = closeFrom(&actions, 3) }
        #endif
        guard code == 0 else { return code }

        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        code = posix_spawnattr_setsigmask(&attributes, &noSignals)
        if code == 0 { code = posix_spawnattr_setsigdefault(&attributes, &defaults) }
        if code == 0 { code = posix_spawnattr_setpgroup(&attributes, 0) }
        if code == 0 { code = posix_spawnattr_setflags(&attributes, Int16(flags)) }
        guard code == 0 else { return code }

        let argv = ([program] + argumentList).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        return posix_spawn(&pid, program, &actions, &attributes, argv, envp)
    }
}

#if !canImport(Darwin)
/// Extensions that the C library has but Swift's Glibc module does not declare (it is imported
/// without `_GNU_SOURCE`): looked up once, nil where the C library lacks them.
///
/// Looked up at run time rather than declared with `@_silgen_name`: such a declaration calls
/// with Swift's convention, not C's, and is bound by the linker, so a C library without the
/// symbol (addchdir before glibc 2.29, closefrom before 2.34) ends the process, at load or at
/// the first call, instead of taking the fallback.
private enum SpawnExtensions {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    static let pipe2: Pipe2? = symbol("pipe2")
    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<F>(_ name: String) -> F? {
        dlsym(nil, name).map { unsafeBitCast($0, to: F.self) }
    }
}
#endif
