// libFuzzer entry point over the Parquet reader. Scripts/fuzz-parquet.sh builds it with
// `-sanitize=fuzzer,address -DPARQUET_FUZZ`: the program's main then hands control to libFuzzer's
// driver (SwiftPM supplies `main` itself, so libFuzzer's own cannot be used). Built without those
// flags, as `swift build` does, it is a program that does nothing.
#if canImport(Glibc)
import Glibc
#endif
import Columnar
import Parquet

/// Limits low enough that a fuzzed footer cannot make one input allocate gigabytes.
private let fuzzOptions = ReadOptions(
    concurrency: 1,
    limits: ReadLimits(maxPageSize: 1 << 24, maxValuesPerPage: 1 << 20, maxCompressionRatio: 1 << 12)
)

/// Parses `size` bytes as a Parquet file and reads every column (whole, then through the
/// page-index filter path when the first column is an integer); every error is caught.
@_cdecl("LLVMFuzzerTestOneInput")
public func parquetFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? ParquetFileReader(source: MemorySource(bytes), name: "fuzz.parquet", options: fuzzOptions) else {
        return 0
    }
    _ = try? reader.read()
    if let first = reader.schema.leaves.first, first.maxRepetitionLevel == 0,
       first.physicalType == .int64 || first.physicalType == .int32 {
        let filter = RangeFilter(column: first.dottedPath, ranges: [0..<2, 3..<1_000_000])
        _ = try? reader.read(filter: filter)
    }
    return 0
}

#if PARQUET_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var fuzzArgc = CommandLine.argc
var fuzzArgv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&fuzzArgc, &fuzzArgv, { data, size in parquetFuzzTestOneInput(data, size) }))
#endif
