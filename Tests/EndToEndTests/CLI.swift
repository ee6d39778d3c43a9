import Foundation
import TestSupport
import XCTest

/// Runs the built `heapsight` binary in a scratch folder, as root or, for permission tests, as
/// an unprivileged user (root ignores file modes, so "unreadable" needs a user who cannot read).
struct CLI {
    /// The built binary next to the test bundle (`.build/<config>/heapsight`).
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("heapsight").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return TestSupport.repoRoot.appendingPathComponent(".build/debug/heapsight").path
    }()

    /// The scratch folder commands run in; removed by the test's teardown.
    let directory: URL

    init(_ test: XCTestCase) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let dir = directory
        test.addTeardownBlock {
            _ = try? TestSupport.run("/bin/chmod", ["-R", "u+rwx", dir.path])
            try? FileManager.default.removeItem(at: dir)
        }
    }

    /// Runs `heapsight ARGS` in the scratch folder.
    @discardableResult
    func run(_ args: [String], unprivileged: Bool = false, environment: [String: String]? = nil) throws -> TestSupport.ProcessResult {
        precondition(FileManager.default.isExecutableFile(atPath: CLI.binary),
                     "the heapsight binary is not built at \(CLI.binary); run `swift build` first")
        if unprivileged && geteuid() == 0 {
            return try TestSupport.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", try unprivilegedBinary()] + args,
                                       cwd: directory, environment: environment)
        }
        return try TestSupport.run(CLI.binary, args, cwd: directory, environment: environment)
    }

    /// A copy of the binary in the scratch folder, so that an unprivileged user can run it even
    /// when the checkout sits below a folder only root may enter. Skips the test when the
    /// unprivileged user still cannot run it (for example a toolchain only root can read).
    func unprivilegedBinary() throws -> String {
        let copy = directory.appendingPathComponent(".heapsight-bin").path
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: CLI.binary, toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
            let probe = try TestSupport.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", copy, "--version"],
                                            cwd: directory)
            if probe.status != 0 {
                throw XCTSkip("an unprivileged user cannot run heapsight here (\(probe.err.prefix(200))); permission tests need one")
            }
        }
        return copy
    }

    /// Writes a file under the scratch folder.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Writes bytes under the scratch folder.
    func write(_ path: String, _ data: Data) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A path under the scratch folder.
    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// The bytes of a file under the scratch folder.
    func bytes(_ relative: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(relative)) }

    /// Whether permission tests can run: either not root, or root with setpriv to drop to nobody.
    static var canDropPrivileges: Bool {
        geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// The shipped example module.
    static var examples: String { TestSupport.repoRoot.appendingPathComponent("Examples").path }
}
