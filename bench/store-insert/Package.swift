// swift-tools-version:6.0
// Measures fact-shaped bulk inserts: raw SQLite C API vs GRDB 7.10.0 (the store's choice rests on it).
import PackageDescription

let package = Package(
    name: "store-insert",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLiteBench", path: "Sources/CSQLiteBench", pkgConfig: "sqlite3"),
        .executableTarget(name: "StoreInsertBench", dependencies: [
            "CSQLiteBench", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
