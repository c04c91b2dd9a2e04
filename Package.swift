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
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "KapstokStore", targets: ["KapstokStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The program workspace: one SQLite file (needs libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Workbooks (.xlsx in and out) are ZIP archives (needs zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // libxml2's SAX2 parser, for the XML parts of .xlsx workbooks (needs libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Located problems (`file:line:column: error: …`) and their collector: below everything
        // that reads input, so that the domain, the loaders and later the scheduler and the store
        // report through one channel.
        .target(name: "Diagnostics"),
        .target(name: "LinearModel"),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel"]),
        .target(name: "Kapstok", dependencies: ["Diagnostics", "LinearModel"]),
        .target(
            name: "KapstokIO",
            dependencies: ["CLibXML2", "Diagnostics", "Kapstok", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The workspace (SQLite through GRDB), at the edge beside IO: the domain never imports it.
        .target(
            name: "KapstokStore",
            dependencies: ["Diagnostics", "Kapstok", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "kapstok",
            dependencies: [
                "Diagnostics", "Kapstok", "KapstokIO", "KapstokStore", "GLPKSolver", "LinearModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        .testTarget(name: "KapstokTests", dependencies: ["Kapstok", "KapstokIO", "GLPKSolver", "LinearModel"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "KapstokStoreTests", dependencies: ["KapstokStore", "Kapstok", "Diagnostics", "LinearModel"]),
        .testTarget(name: "KapstokIOTests", dependencies: ["KapstokIO", "Kapstok", "Diagnostics", "GLPKSolver"]),
        // Golden tests that run the built `kapstok` binary; they read Fixtures/ and Snapshots/
        // from the source tree through #filePath (so snapshots can be re-recorded in place).
        .testTarget(
            name: "KapstokCLITests",
            dependencies: ["kapstok"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ]
)
