// swift-tools-version:6.0
// heapsight: where Go code allocates memory, and why.
import PackageDescription

let package = Package(
    name: "heapsight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "heapsight", targets: ["heapsight"]),
        .library(name: "GoSyntax", targets: ["GoSyntax"]),
        .library(name: "PassKit", targets: ["PassKit"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Driver", targets: ["Driver"]),
        .library(name: "FactStore", targets: ["FactStore"]),
        // For the fuzz targets (Fuzz/Package.swift), which read these modules' untrusted inputs.
        .library(name: "GoTypes", targets: ["GoTypes"]),
        .library(name: "GCEngine", targets: ["GCEngine"]),
        .library(name: "PprofFormat", targets: ["PprofFormat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // The PostgreSQL backend of the fact store (`--db postgres://...`).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // System libraries (Debian: libsqlite3-dev, libxml2-dev, zlib1g-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),

        // Front end.
        // The parser and the type checker are optimized even in debug builds: the test suite
        // parses and type-checks all of GOROOT/src (differential tests against go/parser and
        // go/types).
        // Release builds skip the runtime exclusivity checks in both (several percent of the
        // checker's time); debug builds, which run the tests, keep them.
        .target(name: "GoSyntax", swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)),
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        .target(name: "GoLoader", dependencies: ["GoSyntax"]),
        .target(name: "GoTypes", dependencies: ["GoSyntax", "GoLoader"], swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)),
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),

        // Lowered function bodies in the compiler's shape, shared by the native analyses.
        .target(name: "GoIR", dependencies: ["GoSyntax", "GoTypes"], swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)),
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),

        // Pass API, engines, store, reports, driver.
        .target(name: "PassKit", dependencies: ["GoSyntax", "GoLoader"]),
        .target(name: "FactStore", dependencies: [
            "PassKit", "CSQLite", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "GCEngine", dependencies: ["PassKit", "GoSyntax", "GoLoader"]),
        .target(name: "EscapeGraph", swiftSettings: [
            .unsafeFlags(["-O"], .when(configuration: .debug)),
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        .target(name: "NativeEngine", dependencies: ["GoSyntax", "GoLoader", "GoTypes", "GoIR", "EscapeGraph", "PassKit"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Reports", dependencies: ["PassKit", "FactStore", "CLibXML2"]),
        // Go pprof profiles: profile.proto's generated code (committed; see the file's header)
        // and gzip through the system zlib.
        .target(name: "PprofFormat", dependencies: [
            "CZlib", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ], exclude: ["profile.proto"]),

        // Built-in passes: each a library target exposing one descriptor.
        .target(name: "FunctionsPass", dependencies: ["PassKit", "GoSyntax"],
                path: "Plugins/FunctionsPass"),
        .target(name: "InliningPass", dependencies: ["PassKit", "FunctionsPass", "GCEngine", "NativeEngine"],
                path: "Plugins/InliningPass"),
        .target(name: "EscapePass", dependencies: ["PassKit", "FunctionsPass", "GCEngine", "NativeEngine"],
                path: "Plugins/EscapePass"),
        .target(name: "BoundsPass", dependencies: ["PassKit", "FunctionsPass", "GCEngine"], path: "Plugins/BoundsPass"),
        .target(name: "AllocationsPass", dependencies: ["PassKit", "FunctionsPass", "GCEngine", "EscapePass", "NativeEngine", "GoSyntax"],
                path: "Plugins/AllocationsPass"),

        .target(name: "Driver", dependencies: [
            "GoSyntax", "GoLoader", "GoTypes", "PassKit", "FactStore", "GCEngine", "NativeEngine", "Reports",
            "FunctionsPass", "InliningPass", "EscapePass", "AllocationsPass", "BoundsPass", "PprofFormat",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "heapsight", dependencies: [
            "Driver", "Reports", "FactStore", "GoSyntax", "GoLoader", "PassKit", "GCEngine", "GoTypes", "NativeEngine", "GoIR",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests: one target per module plus end-to-end tests that run the built binary.
        // TestSupport finds the repository, runs processes and locates (or installs) Go.
        .target(name: "TestSupport", dependencies: ["GoLoader"], path: "Tests/TestSupport"),
        // DifferentialSupport measures the native engine against the compiler over whole
        // corpora (std, cmd, Go's test/ files): the compiler's output once per run, the same
        // native code path a scan uses, per-kind scores and every disagreement with its cause.
        .target(name: "DifferentialSupport", dependencies: ["TestSupport", "PassKit", "GCEngine", "NativeEngine",
                                                             "GoTypes", "GoSyntax", "GoLoader"],
                path: "Tests/DifferentialSupport"),
        .testTarget(name: "GoSyntaxTests", dependencies: ["TestSupport", "GoSyntax"]),
        .testTarget(name: "GoLoaderTests", dependencies: ["TestSupport", "GoLoader", "GoSyntax"]),
        .testTarget(name: "GoTypesTests", dependencies: ["TestSupport", "GoTypes", "GoSyntax", "GoLoader"]),
        .testTarget(name: "EscapeGraphTests", dependencies: ["TestSupport", "EscapeGraph"], exclude: ["Golden"]),
        .testTarget(name: "PassKitTests", dependencies: ["TestSupport", "PassKit"]),
        .testTarget(name: "FactStoreTests", dependencies: ["TestSupport", "FactStore", "PassKit", "CSQLite", "StoreWriterFixture"],
                    exclude: ["Fixtures"]),
        .executableTarget(name: "StoreWriterFixture", dependencies: ["FactStore", "PassKit"],
                          path: "Tests/StoreWriterFixture"),
        .testTarget(name: "GCEngineTests", dependencies: ["TestSupport", "GCEngine", "PassKit", "GoSyntax"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "NativeEngineTests", dependencies: ["TestSupport", "DifferentialSupport", "NativeEngine", "PassKit", "GoTypes", "GoSyntax", "GoLoader"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PassesTests", dependencies: ["TestSupport", 
            "FunctionsPass", "InliningPass", "EscapePass", "AllocationsPass", "PassKit", "GCEngine", "NativeEngine",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "ReportsTests", dependencies: ["TestSupport", "Reports", "FactStore", "PassKit", "CLibXML2"],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "DriverTests", dependencies: ["TestSupport", "Driver", "FactStore", "PassKit", "Reports", "PprofFormat", "InliningPass",
                                                .product(name: "Yams", package: "Yams")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "heapsight", "FactStore", "PassKit", "Reports"],
                    exclude: ["Fixtures"]),
    ]
)
