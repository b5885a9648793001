// swift-tools-version:6.1
// The benchmarks, a package of their own (as swift-collections keeps its benchmarks) so that `swift build` of
// naravard does not compile them. Run by hand:
//   swift run -c release --package-path Benchmarks trend-engine-benchmark [FILE]   (a file Generator/synth.py bench wrote)
import PackageDescription

let package = Package(
    name: "naravard-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "naravard", path: "..")],
    targets: [
        .executableTarget(
            name: "trend-engine-benchmark",
            dependencies: [.product(name: "NaraVardKit", package: "naravard")],
            path: "TrendEngineBenchmark"
        ),
    ]
)
