import Foundation
import HEALPix

extension PointMap {
    /// The whole coverage of an `EXPLICIT` map whose `PIXEL` column increases, or `nil`
    /// when it does not (or holds pixels outside the sky), for the caller to fall back
    /// to a general reader.
    ///
    /// Whole-sky crossmatches read two such maps of millions of rows before any
    /// partition starts, so the rows are scanned in chunks on all cores. Each chunk
    /// writes its merged ranges into its own stretch of one array (a chunk never has
    /// more ranges than rows), and the stretches are then moved together, merging
    /// ranges that meet across a chunk boundary. No sort and no further copy.
    static func explicitCoverage(_ table: BinaryTable, order: Int) throws(HATSError) -> MOC? {
        let pixelColumn = table.columns.firstIndex { $0.name.uppercased() == "PIXEL" } ?? 0
        let valueColumn = table.columns.firstIndex { $0.name.uppercased() == "VALUE" } ?? (pixelColumn == 0 ? 1 : 0)
        let pixel = table.columns[pixelColumn], value = table.columns[valueColumn]
        guard pixel.repeatCount == 1, value.repeatCount == 1, pixel.code == "K", value.code == "K" || value.code == "J" else {
            return nil
        }
        let layout = ExplicitLayout(rowBytes: table.rowBytes, pixelOffset: pixel.offset, valueOffset: value.offset,
                                    wideValues: value.code == "K", shift: UInt64(2 * (Healpix.maxOrder - order)),
                                    pixelCount: Int64(Healpix.pixelCount(order: order)))
        let rowCount = table.rowCount
        let chunkCount = max(1, min(4 * ProcessInfo.processInfo.activeProcessorCount, rowCount >> 17))
        let ranges: [Range<UInt64>]? = table.withRows { rows in
            let written = UnsafeMutableBufferPointer<Int>.allocate(capacity: chunkCount)
            defer { written.deallocate() }
            var valid = true
            let result = [Range<UInt64>](unsafeUninitializedCapacity: rowCount) { buffer, count in
                let base = buffer.baseAddress!
                let shared = ChunkMemory(rows: rows, output: base, written: written.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    let rowRange = (rowCount * chunk / chunkCount)..<(rowCount * (chunk + 1) / chunkCount)
                    shared.written[chunk] = layout.scan(shared.rows, rows: rowRange, into: shared.output + rowRange.lowerBound)
                }
                var end = 0
                for chunk in 0..<chunkCount {
                    let start = rowCount * chunk / chunkCount
                    var n = written[chunk]
                    guard n >= 0 else { valid = false; break }
                    var from = start
                    if n > 0, end > 0, base[end - 1].upperBound == base[from].lowerBound {
                        base[end - 1] = base[end - 1].lowerBound..<base[from].upperBound
                        from += 1
                        n -= 1
                    }
                    if n > 0, from != end {
                        UnsafeMutableRawPointer(base + end).copyMemory(from: base + from, byteCount: n * MemoryLayout<Range<UInt64>>.stride)
                    }
                    end += n
                }
                count = valid ? end : 0
            }
            return valid ? result : nil
        }
        guard let ranges else { return nil }
        return MOC(validatingNormalised: ranges, maxOrder: order)
    }
}

/// The memory the chunks of a scan share; each chunk touches only its own rows and slots.
private struct ChunkMemory: @unchecked Sendable {
    let rows: UnsafeRawBufferPointer
    let output: UnsafeMutablePointer<Range<UInt64>>
    let written: UnsafeMutablePointer<Int>
}

/// Where the pixel and value of a row lie in an `EXPLICIT` map's binary table.
private struct ExplicitLayout: Sendable {
    let rowBytes: Int
    let pixelOffset: Int
    let valueOffset: Int
    let wideValues: Bool
    let shift: UInt64
    let pixelCount: Int64

    func pixel(_ rows: UnsafeRawBufferPointer, _ row: Int) -> Int64 {
        Int64(bitPattern: rows.loadUnaligned(fromByteOffset: row * rowBytes + pixelOffset, as: UInt64.self).bigEndian)
    }

    /// Writes the merged ranges of the non-zero pixels of `rows` to `output` and returns
    /// how many, or -1 when pixels do not increase (from the row before the chunk on) or
    /// fall outside the sky.
    func scan(_ data: UnsafeRawBufferPointer, rows: Range<Int>, into output: UnsafeMutablePointer<Range<UInt64>>) -> Int {
        var previous: Int64 = rows.lowerBound > 0 ? pixel(data, rows.lowerBound - 1) : -1
        var n = 0
        for row in rows {
            let p = pixel(data, row)
            guard p > previous, p < pixelCount else { return -1 }
            previous = p
            let at = row * rowBytes + valueOffset
            let nonZero = wideValues
                ? data.loadUnaligned(fromByteOffset: at, as: UInt64.self) != 0
                : data.loadUnaligned(fromByteOffset: at, as: UInt32.self) != 0
            guard nonZero else { continue }
            let a = UInt64(p) << shift, b = UInt64(p + 1) << shift
            if n > 0, output[n - 1].upperBound == a {
                output[n - 1] = output[n - 1].lowerBound..<b
            } else {
                (output + n).initialize(to: a..<b)
                n += 1
            }
        }
        return n
    }
}
