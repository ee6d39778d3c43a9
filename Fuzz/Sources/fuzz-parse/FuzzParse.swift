import FuzzSupport
import GoSyntax

/// libFuzzer's entry: any bytes as one Go source file. The parser must answer every input with a
/// tree and its errors, never crash, hang or touch memory it does not own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let parsed = parseFile(path: "fuzz.go", bytes: bytes)
    _ = parsed.tree
    return 0
}

