// swift-tools-version: 6.1
// Kapstok — mentor/mentee pairing for HIPO leadership programs.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "Kapstok",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kapstok", targets: ["kapstok"]),
        .library(name: "Kapstok", targets: ["Kapstok"]),
        .library(name: "KapstokIO", targets: ["KapstokIO"]),
        .library(name: "LinearModel", targets: ["LinearModel"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        .target(name: "LinearModel"),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel"]),
        .target(name: "Kapstok", dependencies: ["LinearModel"]),
        .target(name: "KapstokIO", dependencies: ["Kapstok"]),
        .executableTarget(
            name: "kapstok",
            dependencies: [
                "Kapstok", "KapstokIO", "GLPKSolver", "LinearModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        .testTarget(name: "KapstokTests", dependencies: ["Kapstok", "KapstokIO", "GLPKSolver", "LinearModel"]),
        .testTarget(name: "KapstokIOTests", dependencies: ["KapstokIO", "Kapstok"]),
        // Golden tests that run the built `kapstok` binary; they read Fixtures/ and Snapshots/
        // from the source tree through #filePath (so snapshots can be re-recorded in place).
        .testTarget(
            name: "KapstokCLITests",
            dependencies: ["kapstok"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ]
)
