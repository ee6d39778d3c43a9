import CLibFuzzer
import Foundation

/// One libFuzzer input: the bytes and their count. Returns 0 (libFuzzer's convention for an
/// input that was run).
public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer's driver on the process's arguments with `target` as the function under test,
/// and exits with its status. libFuzzer's options (`-max_total_time=N`, a corpus folder, ...)
/// are the command-line arguments.
public func runFuzzer(_ target: FuzzInput) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}

/// The input as an array (empty for a null pointer).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}
