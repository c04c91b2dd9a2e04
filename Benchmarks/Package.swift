// swift-tools-version: 6.1
// Kapstok's benchmarks: kept out of the unit tests. Run with
//   swift run -c release --package-path Benchmarks kapstok-bench
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "KapstokBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Kapstok", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "kapstok-bench",
            dependencies: [
                .product(name: "Kapstok", package: "Kapstok"),
                .product(name: "GLPKSolver", package: "Kapstok"),
                .product(name: "LinearModel", package: "Kapstok"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ]
)
