import Foundation

/// The compiler's whole-corpus output, compiled once per test run and shared by every
/// differential test that compares against it.
///
/// `go build -a -gcflags=all=-m=2 std` (and `cmd`) cost minutes of CPU each on two cores, and
/// the escape, allocation and inlining differentials all read the same text. `.ci/run`
/// compiles each corpus once with the real toolchain, before the tests, and names the files in
/// `HEAPSIGHT_STD_M2` and `HEAPSIGHT_CMD_M2` (the go command's text form: a `# IMPORTPATH`
/// block per package, stderr and stdout together, linux/amd64, cgo off). A test whose
/// variable is not set compiles the corpus itself, so `swift test` alone still measures
/// against the compiler.
///
/// The allocations differential against the assembly reads one more recording,
/// `go build -a -gcflags=all='-m=2 -S' std`, named in `HEAPSIGHT_STD_M2S` (`assembly: true`):
/// the same verdicts with the compiler's assembly listing of every function.
public enum RecordedCompilerOutput {
    /// The environment variable naming the recorded `-m=2` output of `pattern` (`std`, `cmd`),
    /// or its `-m=2 -S` output when `assembly`.
    public static func variable(_ pattern: String, assembly: Bool = false) -> String {
        "HEAPSIGHT_\(pattern.uppercased())_M2" + (assembly ? "S" : "")
    }

    /// The recorded output's file for `pattern`, when the variable names one.
    public static func file(_ pattern: String, assembly: Bool = false) -> String? {
        guard let path = ProcessInfo.processInfo.environment[variable(pattern, assembly: assembly)], !path.isEmpty else { return nil }
        return path
    }

    /// The recorded output of `pattern`, when the variable names a file (a named file that
    /// cannot be read is an error, not a reason to compile).
    public static func text(_ pattern: String, assembly: Bool = false) throws -> Data? {
        guard let path = file(pattern, assembly: assembly) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
