// swift-tools-version:6.1
// Benchmarks for Jigsaw, kept in a nested package so that `make test` never builds the benchmark
// framework. Run with `make bench` (or `swift package benchmark` in this folder).
import PackageDescription

let package = Package(
    name: "JigsawBenchmarks",
    dependencies: [
        .package(name: "jigsaw", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "TokeniseKernels",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "JigsawCrypto", package: "jigsaw"),
                .product(name: "JigsawCSV", package: "jigsaw"),
                .product(name: "JigsawIdentifiers", package: "jigsaw"),
                .product(name: "JigsawTokens", package: "jigsaw"),
            ],
            path: "Benchmarks/TokeniseKernels",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
