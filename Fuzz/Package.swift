// swift-tools-version:5.4
// heapsight's coverage-guided fuzz targets (libFuzzer), one executable per untrusted input.
// Built apart from the main package, with the fuzzer's instrumentation and AddressSanitizer in
// every Swift module, one product at a time (`scripts/fuzz` does this and runs them):
//   swift build -c release -Xswiftc -sanitize=fuzzer,address --product fuzz-parse
//
// Each target defines `LLVMFuzzerTestOneInput` and is compiled with `-parse-as-library`, so
// that libFuzzer's own `main` (linked whole by `-sanitize=fuzzer`) is the program's entry
// point. The tools version is 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's
// entry point and defines `main` itself, which collides with libFuzzer's.
import PackageDescription

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name,
                      dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "heapsight") },
                      path: "Sources/\(name)",
                      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "heapsight-fuzz",
    dependencies: [.package(name: "heapsight", path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        fuzzTarget("fuzz-parse", ["GoSyntax"]),
        fuzzTarget("fuzz-typecheck", ["GoSyntax", "GoTypes"]),
        fuzzTarget("fuzz-compiler-output", ["GCEngine"]),
        fuzzTarget("fuzz-config", ["Driver"]),
        fuzzTarget("fuzz-pprof", ["PprofFormat"]),
        fuzzTarget("fuzz-store", ["FactStore"]),
    ]
)
