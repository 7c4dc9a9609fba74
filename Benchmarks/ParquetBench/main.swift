// Single-threaded Parquet decode and write throughput of our reader and writer.
//
//     ParquetBench DATA_DIR [--only NAME,...] [--system-malloc]
//
// DATA_DIR holds the inputs Benchmarks/peers/parquet_pyarrow.py writes (Scripts/bench-parquet.sh
// makes them once). Prints one line per benchmark, in the format the pyarrow peer prints:
//
//     RESULT ours <bench> rows=<n> bytes=<b> seconds=<best> rows_per_s=<r> MB_per_s=<m>
//
// Decode: open the file and read every column into a Table with `ReadOptions(concurrency: 1)`;
// one warm-up read, then the best of 3. `bytes` counts uncompressed value bytes: 8 per double or
// int64; for strings the UTF-8 bytes plus one 8-byte offset per value. MB = 10^6 bytes.
// Write: the radec table written with the `.hats` preset (`concurrency = 1`) to a temporary file,
// best of 2.
// Build in release mode (`swift build -c release`).

import Columnar
import Foundation
import Parquet

/// Seconds of wall-clock time `body` takes.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Uncompressed value bytes of a table, as documented above.
func valueBytes(_ table: Table) -> Int {
    var total = 0
    for column in table.columns {
        if column.type.isVariableLength {
            let offsets = column.offsets
            total += Int(offsets[column.count] - offsets[0]) + 8 * column.count
        } else {
            total += (column.type.byteWidth ?? 1) * column.count
        }
    }
    return total
}

func report(_ bench: String, rows: Int, bytes: Int, seconds: Double) {
    let line = "RESULT ours \(bench) rows=\(rows) bytes=\(bytes) seconds=\(String(format: "%.6f", seconds)) "
        + "rows_per_s=\(String(format: "%.0f", Double(rows) / seconds)) "
        + "MB_per_s=\(String(format: "%.1f", Double(bytes) / seconds / 1e6))"
    FileHandle.standardOutput.write(Data((line + "\n").utf8))  // unbuffered, so lines appear as they finish
}

/// The reader options for these benchmarks: one thread, as pyarrow's `use_threads=False`.
let singleThread = ReadOptions(concurrency: 1)

func readAll(_ path: String) throws -> Table {
    try ParquetFileReader(path: path, options: singleThread).read()
}

func benchDecode(_ bench: String, _ path: String) throws {
    let warm = try readAll(path)
    let rows = warm.rowCount
    let bytes = valueBytes(warm)
    var best = Double.infinity
    for _ in 0..<3 {
        var table: Table?
        best = min(best, try seconds { table = try readAll(path) })
        precondition(table?.rowCount == rows)
    }
    report(bench, rows: rows, bytes: bytes, seconds: best)
}

func benchWrite(_ bench: String, _ path: String) throws {
    let table = try readAll(path)
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("parquet-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out.parquet").path
    var best = Double.infinity
    for _ in 0..<2 {
        best = min(best, try seconds { try writeHats(table, to: out) })
    }
    report(bench, rows: table.rowCount, bytes: valueBytes(table), seconds: best)
}

/// Writes `table` with the hats-import preset, on one thread (as pyarrow writes a column chunk).
func writeHats(_ table: Table, to path: String) throws {
    var options = ParquetWriteOptions.hats
    options.concurrency = 1
    try ParquetWriter.write(table, to: path, options: options)
}

let arguments = CommandLine.arguments
// As the lsdb tool does (pyarrow keeps freed memory in its own pool); --system-malloc measures without.
if !arguments.contains("--system-malloc") { AllocatorPolicy.retainFreedMemory() }
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ParquetBench DATA_DIR [--only NAME,...] [--system-malloc]\n".utf8))
    exit(64)
}
let data = arguments[1]
var only: Set<String> = []
if let i = arguments.firstIndex(of: "--only"), i + 1 < arguments.count {
    only = Set(arguments[i + 1].split(separator: ",").map(String.init))
}

let benches: [(String, () throws -> Void)] = [
    ("decode_radec_bss_zstd", { try benchDecode("decode_radec_bss_zstd", data + "/radec_hats.parquet") }),
    ("decode_healpix_dbp_zstd", { try benchDecode("decode_healpix_dbp_zstd", data + "/healpix_dbp.parquet") }),
    ("decode_strings_dict_snappy", { try benchDecode("decode_strings_dict_snappy", data + "/strings_dict.parquet") }),
    ("write_radec_hats", { try benchWrite("write_radec_hats", data + "/radec_hats.parquet") }),
]
var failed = false
for (name, run) in benches where only.isEmpty || only.contains(name) {
    do {
        try run()
    } catch {
        FileHandle.standardError.write(Data("error: \(name): \(error)\n".utf8))
        failed = true
    }
}
exit(failed ? 1 : 0)
