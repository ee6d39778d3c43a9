/// The input libFuzzer hands to `LLVMFuzzerTestOneInput`, as an array (empty for a null
/// pointer).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}
