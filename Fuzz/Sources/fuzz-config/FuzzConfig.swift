import FuzzSupport
import Driver

/// libFuzzer's entry: any bytes as a `heapsight.yml`. Loading must either give a configuration
/// or throw a `ConfigurationError`, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    _ = try? Configuration.parse(bytes: bytes, file: "heapsight.yml")
    return 0
}

