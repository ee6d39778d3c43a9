import FuzzSupport
import PprofFormat

/// libFuzzer's entry: any bytes as a `--profile` file (gzip-compressed or bare `profile.proto`).
/// Decoding must either give a profile or throw, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPprof(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    if let profile = try? PprofProfile.decode(bytes) {
        _ = profile.index(of: "alloc_space")
    }
    return 0
}

