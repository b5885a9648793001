// swift-tools-version:6.1
import Foundation
import PackageDescription

let package = Package(
    name: "naravard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "naravard", targets: ["naravard"]),
        .library(name: "NaraVardKit", targets: ["NaraVardKit"]),
        .library(name: "XLSXWriter", targets: ["XLSXWriter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
    ],
    targets: [
        // libxlsxwriter (Debian: libxlsxwriter-dev), reached only through XLSXWriter.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),

        // The system's OpenSSL libcrypto (Debian: libssl-dev), for the SHA-256 of imported files.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // Turns Indicators/ into Swift source so the catalogue is built into the binary.
        .executableTarget(name: "EmbedCatalog"),
        .plugin(
            name: "EmbedCatalogPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedCatalog"]
        ),

        .target(
            name: "NaraVardKit",
            dependencies: [
                "XLSXWriter",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                "CLibCrypto",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedCatalogPlugin"]
        ),
        .executableTarget(
            name: "naravard",
            dependencies: [
                "NaraVardKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(
            name: "TestSupport",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "XLSXWriterTests",
            dependencies: ["XLSXWriter", "TestSupport"],
            exclude: ["openpyxl_check.py"]
        ),
        .testTarget(
            name: "NaraVardKitTests",
            dependencies: [
                "NaraVardKit", "TestSupport",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "naravardTests",
            dependencies: ["naravard", "TestSupport"]
        ),
    ]
)

// The libFuzzer target over the input parsers (scripts/fuzz, which sets NARAVARD_FUZZ to libFuzzer's library
// without `main`): NaraVardKit is built with coverage instrumentation; SwiftPM's entry point in Fuzz/main.swift
// calls libFuzzer's driver. The target exists only when scripts/fuzz asks for it.
if let libFuzzer = ProcessInfo.processInfo.environment["NARAVARD_FUZZ"] {
    let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]
    for target in package.targets where target.name == "NaraVardKit" { target.swiftSettings = fuzzer }
    package.targets.append(.executableTarget(
        name: "naravard-fuzz", dependencies: ["NaraVardKit"], path: "Fuzz",
        swiftSettings: fuzzer, linkerSettings: [.unsafeFlags([libFuzzer, "-lstdc++"])]))
}
