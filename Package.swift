// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Styrbord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "styrbord", targets: ["styrbord"]),
        .library(name: "StyrbordCore", targets: ["StyrbordCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    ],
    targets: [
        // Plain domain logic: no Vapor, no Fluent. Crypto (already in the graph through Vapor) hashes the audit chain.
        // Yams reads governance profiles (issue 4); the shipped profiles are its resources.
        .target(
            name: "StyrbordCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Profiles/Shipped")]
        ),
        // Deterministic demo municipalities (the README demo and the Sweden-scale load data): plain data, no Vapor.
        .target(name: "StyrbordDemo", dependencies: ["StyrbordCore"]),
        .target(
            name: "App",
            dependencies: [
                "StyrbordCore",
                "StyrbordDemo",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.process("Resources")]
        ),
        .executableTarget(
            name: "styrbord",
            dependencies: [
                "App",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "StyrbordCoreTests", dependencies: ["StyrbordCore"], exclude: ["Fixtures"]),
        .testTarget(name: "StyrbordDemoTests", dependencies: ["StyrbordDemo"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
