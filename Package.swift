// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "lsdb-swift",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HEALPix", targets: ["HEALPix"]),
        .library(name: "Columnar", targets: ["Columnar"]),
        .library(name: "Parquet", targets: ["Parquet"]),
        .library(name: "HATS", targets: ["HATS"]),
        .library(name: "LSDB", targets: ["LSDB"]),
        .library(name: "LSDBPlot", targets: ["LSDBPlot"]),
        .executable(name: "lsdb", targets: ["lsdb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure math: nested HEALPix hashing, geometry, coverage and MOCs.
        .target(name: "HEALPix"),

        .target(name: "HATS", dependencies: ["HEALPix", "Parquet", "Columnar"]),

        // The analysis framework: lazy catalogs, searches, queries, the executor and outputs.
        .target(name: "LSDB", dependencies: ["HATS", "Parquet", "Columnar", "HEALPix", "_ColumnarShims"]),

        // The in-memory columnar format (typed contiguous columns with validity, Table).
        .target(name: "Columnar", dependencies: ["_ColumnarShims"]),
        .target(name: "_ColumnarShims"),

        // Sky plots (cairo), kept out of the core library.
        .target(name: "LSDBPlot", dependencies: ["LSDB", "HATS", "HEALPix", "Columnar", "CCairo"]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

        // Debian's compression libraries, wrapped as system-library modules.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Pure-Swift Parquet reader and writer.
        .target(name: "Parquet", dependencies: ["Columnar", "CZstd", "CSnappy", "CLZ4", "CZlib"]),

        // The command-line tool.
        .executableTarget(
            name: "lsdb",
            dependencies: [
                "HEALPix", "Columnar", "Parquet", "HATS", "LSDB", "LSDBPlot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (run in release mode; see BENCHMARKS.md).
        .executableTarget(name: "HealpixBench", dependencies: ["HEALPix"], path: "Benchmarks/HealpixBench"),
        .executableTarget(name: "ParquetBench", dependencies: ["Parquet", "Columnar"], path: "Benchmarks/ParquetBench"),

        // libFuzzer entry point over the Parquet reader (built by Scripts/fuzz-parquet.sh).
        .executableTarget(name: "ParquetFuzz", dependencies: ["Parquet"], path: "Fuzz/ParquetFuzz"),

        .testTarget(name: "HEALPixTests", dependencies: ["HEALPix"], exclude: ["Fixtures"]),
        .testTarget(name: "HATSTests", dependencies: ["HATS", "Parquet", "Columnar"], exclude: ["Fixtures"]),
        .testTarget(name: "LSDBTests", dependencies: ["LSDB", "HATS", "Parquet", "Columnar", "HEALPix"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LSDBPlotTests", dependencies: ["LSDBPlot", "LSDB", "HEALPix", "Columnar"]),
        .testTarget(name: "ColumnarTests", dependencies: ["Columnar"]),
        .testTarget(name: "CLITests", dependencies: ["lsdb", "HEALPix"]),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet", "Columnar"], exclude: ["Fixtures"]),
    ]
)
