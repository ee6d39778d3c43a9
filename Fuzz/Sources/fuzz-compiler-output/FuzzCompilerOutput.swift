import FuzzSupport
import GCEngine

/// libFuzzer's entry: any bytes as one package's `go build -gcflags=-m=2` text, read line by line
/// as the gc engine reads the compiler's output (positions, verdicts, `-m=2` explanations).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCompilerOutput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let paths = FactPathMapper(root: "/fuzz/m", goroot: "/fuzz/goroot")
    let parser = CompilerTextParser(paths: paths, base: "/fuzz/m", packageDirectories: ["example.com/m": "/fuzz/m"])
    var session = parser.session(importPath: "example.com/m")
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        session.consume(Substring(String(decoding: line, as: UTF8.self)))
    }
    _ = session.finish().facts.count
    return 0
}

