// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "jigsaw",
    products: [
        .library(name: "JigsawCrypto", targets: ["JigsawCrypto"]),
        .library(name: "JigsawCSV", targets: ["JigsawCSV"]),
        .library(name: "JigsawIdentifiers", targets: ["JigsawIdentifiers"]),
        .library(name: "JigsawTokens", targets: ["JigsawTokens"]),
        .library(name: "JigsawBloom", targets: ["JigsawBloom"]),
        .library(name: "JigsawLinkage", targets: ["JigsawLinkage"]),
        .library(name: "JigsawSynth", targets: ["JigsawSynth"]),
        .library(name: "JigsawDisclosure", targets: ["JigsawDisclosure"]),
        .library(name: "JigsawAudit", targets: ["JigsawAudit"]),
        .library(name: "JigsawCLI", targets: ["JigsawCLI"]),
        .executable(name: "jigsaw", targets: ["jigsaw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // OpenSSL's libcrypto, wrapped the way GRDB wraps SQLite: a system library with a shim header.
        .systemLibrary(
            name: "CJigsawCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "JigsawCrypto", dependencies: ["CJigsawCrypto"]),
        .target(name: "JigsawCSV"),
        .target(name: "JigsawIdentifiers"),
        .target(name: "JigsawTokens", dependencies: ["JigsawCrypto", "JigsawIdentifiers", "JigsawCSV"]),
        .target(name: "JigsawBloom", dependencies: ["JigsawCrypto", "JigsawIdentifiers", "JigsawCSV", "JigsawTokens"]),
        // Popcount kernels with run-time choice of instruction set (C: Swift cannot multi-version a function).
        .target(name: "CJigsawDice"),
        .target(name: "JigsawLinkage", dependencies: ["CJigsawDice", "JigsawCSV"]),
        .target(name: "JigsawSynth", dependencies: ["JigsawCSV", "JigsawIdentifiers"]),
        // COIN-OR CLP and CBC for the disclosure audit's linear and integer programs (never a hand-written
        // simplex); CBC's pkg-config entry brings CLP with it.
        .systemLibrary(
            name: "CJigsawLP",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev", "coinor-libclp-dev"])]
        ),
        .target(name: "JigsawDisclosure", dependencies: ["CJigsawLP", "JigsawCSV"]),
        .target(name: "JigsawAudit", dependencies: ["JigsawCrypto", "JigsawIdentifiers", "JigsawCSV"]),
        .target(
            name: "JigsawCLI",
            dependencies: [
                "JigsawCrypto", "JigsawCSV", "JigsawIdentifiers", "JigsawTokens", "JigsawBloom", "JigsawLinkage", "JigsawSynth", "JigsawDisclosure", "JigsawAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "jigsaw", dependencies: ["JigsawCLI"]),

        .testTarget(name: "JigsawCryptoTests", dependencies: ["JigsawCrypto"]),
        .testTarget(name: "JigsawCSVTests", dependencies: ["JigsawCSV"]),
        .testTarget(name: "JigsawIdentifiersTests", dependencies: ["JigsawIdentifiers"]),
        .testTarget(
            name: "JigsawTokensTests",
            dependencies: ["JigsawTokens", "JigsawCrypto", "JigsawIdentifiers"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "JigsawBloomTests",
            dependencies: ["JigsawBloom", "JigsawCrypto", "JigsawTokens"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "JigsawLinkageTests", dependencies: ["JigsawLinkage"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JigsawSynthTests", dependencies: ["JigsawSynth"]),
        .testTarget(name: "JigsawDisclosureTests", dependencies: ["JigsawDisclosure"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JigsawAuditTests", dependencies: ["JigsawAudit", "JigsawCrypto", "JigsawIdentifiers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JigsawCLITests", dependencies: ["JigsawCLI", "JigsawTokens", "JigsawCrypto", "JigsawBloom", "jigsaw"]),
    ]
)

// Upcoming language features every target gets, applied in one place as swift-nio and swift-crypto do.
for target in package.targets where target.type != .system && target.name != "CJigsawDice" {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
