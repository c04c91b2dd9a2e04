// swift-tools-version: 6.1
// Kapstok fuzz targets (libFuzzer). Not part of the main package: build it with the flags in
// run.sh, which instrument every module (the library too, not only the harness):
//
//   swift build --package-path Fuzz -c release \
//       -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
//
// See README.md.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

/// One executable per fuzz target; each is a thin `LLVMFuzzerTestOneInput` over FuzzSupport.
let targetNames = [
    "fuzz-csv", "fuzz-toml", "fuzz-mentors", "fuzz-mentees", "fuzz-framework", "fuzz-scores",
    "fuzz-constraints", "fuzz-history", "fuzz-org", "fuzz-validate", "fuzz-availability", "fuzz-absences",
    "fuzz-sessions", "fuzz-goals", "fuzz-checkins", "fuzz-sessionlogs", "fuzz-xlsx",
]

let package = Package(
    name: "KapstokFuzz",
    platforms: [.macOS(.v13)],
    products: targetNames.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        .package(name: "Kapstok", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzDriver",
                .product(name: "Kapstok", package: "Kapstok"),
                .product(name: "KapstokIO", package: "Kapstok"),
                .product(name: "Diagnostics", package: "Kapstok"),
            ]
        ),
    ] + targetNames.map { .executableTarget(name: $0, dependencies: ["FuzzSupport"]) }
)
