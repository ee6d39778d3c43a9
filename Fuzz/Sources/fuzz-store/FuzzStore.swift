import FuzzSupport
import FactStore
import Foundation

/// The file each input is written to (one per process: libFuzzer runs inputs one at a time).
func storePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-fuzz-store-\(getpid()).db").path
}

/// libFuzzer's entry: any bytes as a store file given to `--store` (a CI artifact, a shared
/// mount). Opening it read-only and reading every run must either work or throw a typed error,
/// never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    let path = storePath()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    // A plain write: `createFile` writes atomically (a rename and an fsync per input).
    guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    guard let store = try? FactStore.openReadOnly(path: path), let runs = try? store.runs() else { return 0 }
    for run in runs.prefix(4) {
        _ = try? store.facts(run: run.id, includeExternal: true)
        _ = try? store.functions(run: run.id)
        _ = try? store.diagnostics(run: run.id)
        _ = try? store.packages(run: run.id)
        _ = try? store.files(run: run.id)
        _ = try? store.passExecutions(run: run.id)
    }
    return 0
}

