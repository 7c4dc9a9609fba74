import Foundation
import HEALPix

extension PointMap {
    /// The coverage of a map file (its non-zero pixels, as a MOC at the map's
    /// order), optionally only within a region.
    ///
    /// The file is mapped, not read: for a NESTED `IMPLICIT` map (what hats writes)
    /// only the pixels inside `region` are touched, so a search on a catalog with an
    /// order-10 point map (12.6 M values, 100 MB) reads a few pages of it. Other
    /// layouts are read in full.
    ///
    /// - Throws: ``HATSError`` as ``init(contentsOfFile:)``.
    public static func coverage(ofFile path: String, within region: MOC? = nil) throws(HATSError) -> MOC {
        let data = try FileIO.readData(path, mapped: true)
        let primary = try FITSHeader(data: data, offset: 0, path: path, hdu: 0)
        let (tableOffset, overflow) = primary.byteCount.addingReportingOverflow(try dataSize(primary, path: path, hdu: 0))
        guard primary.string("SIMPLE") == "T", !overflow, tableOffset <= data.count else {
            return try fullCoverage(data, path: path, within: region)
        }
        let header = try FITSHeader(data: data, offset: tableOffset, path: path, hdu: 1)
        let ordering = header.string("ORDERING")?.uppercased() ?? "NESTED"
        let scheme = header.string("INDXSCHM")?.uppercased() ?? "IMPLICIT"
        guard ordering == "NESTED" else { return try fullCoverage(data, path: path, within: region) }
        let table = try BinaryTable(header: header, data: data, offset: tableOffset + header.byteCount, path: path)
        if scheme == "EXPLICIT", let nside = header.int("NSIDE"), table.columns.count >= 2 {
            let order = try PointMap.order(nside: nside, path: path)
            if let moc = try explicitCoverage(table, order: order, within: region) { return moc }
            return try fullCoverage(data, path: path, within: region)
        }
        guard scheme == "IMPLICIT", (header.int("FIRSTPIX") ?? 0) == 0 else {
            return try fullCoverage(data, path: path, within: region)
        }
        let column = table.columns.firstIndex { $0.name.uppercased() != "PIXEL" } ?? 0
        let valueCount = table.rowCount * table.columns[column].repeatCount
        let order: Int
        if let nside = header.int("NSIDE") {
            order = try PointMap.order(nside: nside, path: path)
        } else if let o = PointMap.order(pixelCount: valueCount) {
            order = o
        } else {
            return try fullCoverage(data, path: path, within: region)
        }
        guard valueCount == Int(Healpix.pixelCount(order: order)) else {
            return try fullCoverage(data, path: path, within: region)
        }
        let shift = UInt64(2 * (Healpix.maxOrder - order))
        let scanned: [Range<Int>]
        if let region {
            scanned = region.ranges.map { r in
                Int(r.lowerBound >> shift)..<Int((r.upperBound + (1 << shift) - 1) >> shift)
            }
        } else {
            scanned = [0..<valueCount]
        }
        var ranges: [Range<UInt64>] = []
        for positions in scanned {
            try table.forEachInteger(column: column, positions: positions) { i, v in
                guard v != 0 else { return }
                let lo = UInt64(i) << shift, hi = UInt64(i + 1) << shift
                if let last = ranges.last, last.upperBound == lo {
                    ranges[ranges.count - 1] = last.lowerBound..<hi
                } else {
                    ranges.append(lo..<hi)
                }
            }
        }
        let moc = MOC(ranges: ranges, maxOrder: order)
        return region.map { moc.intersection($0) } ?? moc
    }

    /// The order of a map file, from its headers (and size, for maps without `NSIDE`).
    public static func order(ofFile path: String) throws(HATSError) -> Int {
        let data = try FileIO.readData(path, mapped: true)
        let primary = try FITSHeader(data: data, offset: 0, path: path, hdu: 0)
        let (tableOffset, overflow) = primary.byteCount.addingReportingOverflow(try dataSize(primary, path: path, hdu: 0))
        if !overflow, tableOffset <= data.count,
           let nside = try FITSHeader(data: data, offset: tableOffset, path: path, hdu: 1).int("NSIDE") {
            return try PointMap.order(nside: nside, path: path)
        }
        return try coverage(ofFile: path, within: MOC.empty()).maxOrder
    }

    /// The coverage of an `EXPLICIT` map within a region, found by binary search on
    /// its `PIXEL` column, which hats writes in increasing order. `nil` (read the
    /// whole map instead) when no region is given or the rows met are not increasing.
    private static func explicitCoverage(_ table: BinaryTable, order: Int, within region: MOC?) throws(HATSError) -> MOC? {
        guard let region else { return try explicitCoverage(table, order: order) }
        let pixelColumn = table.columns.firstIndex { $0.name.uppercased() == "PIXEL" } ?? 0
        let valueColumn = table.columns.firstIndex { $0.name.uppercased() == "VALUE" } ?? (pixelColumn == 0 ? 1 : 0)
        guard table.columns[pixelColumn].repeatCount == 1, table.columns[valueColumn].repeatCount == 1 else { return nil }
        let shift = UInt64(2 * (Healpix.maxOrder - order))
        var ranges: [Range<UInt64>] = []
        for r in region.ranges {
            let first = Int64(r.lowerBound >> shift), end = Int64((r.upperBound + (1 << shift) - 1) >> shift)
            var lo = 0, hi = table.rowCount
            while lo < hi {
                let mid = (lo + hi) / 2
                guard let p = table.integer(column: pixelColumn, position: mid) else { return nil }
                if p < first { lo = mid + 1 } else { hi = mid }
            }
            var previous = Int64.min
            var row = lo
            while row < table.rowCount {
                guard let p = table.integer(column: pixelColumn, position: row),
                      let v = table.integer(column: valueColumn, position: row) else { return nil }
                guard p > previous else { return nil }
                if p >= end { break }
                previous = p
                row += 1
                guard v != 0 else { continue }
                let a = UInt64(p) << shift, b = UInt64(p + 1) << shift
                if let last = ranges.last, last.upperBound == a {
                    ranges[ranges.count - 1] = last.lowerBound..<b
                } else {
                    ranges.append(a..<b)
                }
            }
            if lo > 0, let before = table.integer(column: pixelColumn, position: lo - 1), before >= first { return nil }
        }
        return MOC(ranges: ranges, maxOrder: order).intersection(region)
    }

    private static func fullCoverage(_ data: Data, path: String, within region: MOC?) throws(HATSError) -> MOC {
        let moc = try PointMap(fits: data, path: path).moc()
        return region.map { moc.intersection($0) } ?? moc
    }
}
