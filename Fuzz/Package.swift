// swift-tools-version:6.0
// heapsight's coverage-guided fuzz targets (libFuzzer), one executable per untrusted input.
// Built apart from the main package, with the fuzzer's instrumentation and AddressSanitizer in
// every Swift module, one product at a time (`scripts/fuzz` does this and runs them):
//   swift build -c release -Xswiftc -sanitize=fuzzer,address --product fuzz-parse
// Each target's main hands its input function to libFuzzer's driver (`LLVMFuzzerRunDriver`),
// so SwiftPM's own executable entry point is kept and no `-parse-as-library` is needed.
import PackageDescription

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name,
                      dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "heapsight") },
                      path: "Sources/\(name)")
}

let package = Package(
    name: "heapsight-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "heapsight", path: "..")],
    targets: [
        .target(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Sources/FuzzSupport"),
        fuzzTarget("fuzz-parse", ["GoSyntax"]),
        fuzzTarget("fuzz-typecheck", ["GoSyntax", "GoTypes"]),
        fuzzTarget("fuzz-compiler-output", ["GCEngine"]),
        fuzzTarget("fuzz-config", ["Driver"]),
        fuzzTarget("fuzz-pprof", ["PprofFormat"]),
        fuzzTarget("fuzz-store", ["FactStore"]),
    ]
)
