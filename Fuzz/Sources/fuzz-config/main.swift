import FuzzSupport
import Driver

/// One input: any bytes as a `heapsight.yml`. Loading must either give a configuration
/// or throw a `ConfigurationError`, never crash.
func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    _ = try? Configuration.parse(bytes: bytes, file: "heapsight.yml")
    return 0
}

runFuzzer(fuzzConfig)
