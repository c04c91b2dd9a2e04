// swift-tools-version: 6.1
// Kapstok's benchmark suite, kept out of the root package and the unit tests.
//
//   swift package --package-path Benchmarks benchmark            # library benchmarks (ordo-one/benchmark)
//   bash Benchmarks/end-to-end.sh                                 # the CLI, CSV in → files out
//   bash Benchmarks/schedule.sh                                   # kapstok schedule / replan, with the greedy baseline
//
// See Benchmarks/README.md.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "KapstokBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Kapstok", path: ".."),
        // The MallocInterposer trait alone: it gives the malloc counters; the default traits
        // also pull in a runtime interposer package that this toolchain's mirror does not have.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "KapstokBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Kapstok", package: "Kapstok"),
                .product(name: "KapstokIO", package: "Kapstok"),
                .product(name: "GLPKSolver", package: "Kapstok"),
                .product(name: "LinearModel", package: "Kapstok"),
            ],
            path: "Benchmarks/KapstokBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The greedy baseline of Benchmarks/schedule.sh ("first free slot in order") on a folder
        // of `kapstok generate --pairs`; a plain executable, no benchmark plugin.
        .executableTarget(
            name: "ScheduleGreedy",
            dependencies: [
                .product(name: "Kapstok", package: "Kapstok"),
                .product(name: "KapstokIO", package: "Kapstok"),
            ],
            path: "Benchmarks/ScheduleGreedy"
        ),
        // The workbook of a 10,000 × 3,000 round's results (XLSXWriter), timed: 7 runs, min /
        // median / max. `swift run --package-path Benchmarks -c release XLSXTiming`.
        .executableTarget(
            name: "XLSXTiming",
            dependencies: [
                .product(name: "Diagnostics", package: "Kapstok"),
                .product(name: "Kapstok", package: "Kapstok"),
                .product(name: "KapstokIO", package: "Kapstok"),
            ],
            path: "Benchmarks/XLSXTiming"
        ),
    ]
)
