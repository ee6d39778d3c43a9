// swift-tools-version:6.0
// Builds a synthetic store (1,000 runs × 10,000 functions) and times trend and diff on it.
import PackageDescription

let package = Package(
    name: "history-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "heapsight", path: "../..")],
    targets: [
        .executableTarget(name: "HistoryBench", dependencies: [
            .product(name: "FactStore", package: "heapsight"),
            .product(name: "PassKit", package: "heapsight"),
        ]),
    ]
)
