// swift-tools-version:6.0
// Builds a large synthetic run in memory and times policy evaluation and each renderer on it.
import PackageDescription

let package = Package(
    name: "report-render-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "heapsight", path: "../..")],
    targets: [
        .executableTarget(name: "ReportRenderBench", dependencies: [
            .product(name: "Reports", package: "heapsight"),
            .product(name: "Driver", package: "heapsight"),
            .product(name: "PassKit", package: "heapsight"),
        ]),
    ]
)
