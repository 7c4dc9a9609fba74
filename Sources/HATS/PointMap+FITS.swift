import Foundation
import HEALPix

extension PointMap {
    /// Reads a HEALPix map file (`point_map.fits`, `skymap.fits`, `skymap.K.fits`).
    public init(contentsOfFile path: String) throws(HATSError) {
        try self.init(fits: try FileIO.readData(path), path: path)
    }

    /// Reads a HEALPix map from FITS bytes, as hats and cdshealpix write them.
    ///
    /// Accepted: an empty primary HDU, then a big-endian `BINTABLE` with
    /// `INDXSCHM` `IMPLICIT` (one value column, `VALUE` or the legacy `T`, one
    /// row per pixel from `FIRSTPIX`, or healpy's rows of many values) or
    /// `EXPLICIT` (`PIXEL` and `VALUE` columns); integer values of `TFORM` `K`,
    /// `J`, `I` or `B`; `ORDERING` `NESTED`, or `RING` (old healpy-based
    /// hipscat maps), whose pixels are converted to NESTED.
    ///
    /// - Throws: ``HATSError`` (`invalidFITS`) naming the keyword or value that is wrong,
    ///   or that the file is truncated.
    public init(fits data: Data, path: String? = nil) throws(HATSError) {
        let primary = try FITSHeader(data: data, offset: 0, path: path, hdu: 0)
        guard primary.string("SIMPLE") == "T" else {
            throw HATSError(.invalidFITS, path: path, "not a FITS file: the first card is not SIMPLE = T")
        }
        let (tableOffset, overflow) = primary.byteCount.addingReportingOverflow(try PointMap.dataSize(primary, path: path, hdu: 0))
        guard !overflow, tableOffset <= data.count else {
            throw HATSError(.invalidFITS, path: path, "truncated: the file ends inside the primary HDU's data")
        }
        let header = try FITSHeader(data: data, offset: tableOffset, path: path, hdu: 1)
        let table = try BinaryTable(header: header, data: data, offset: tableOffset + header.byteCount, path: path)
        let ordering = header.string("ORDERING")?.uppercased() ?? "NESTED"
        guard ordering == "NESTED" || ordering == "RING" else {
            throw HATSError(.invalidFITS, path: path, "ORDERING = '\(ordering)': expected NESTED or RING")
        }
        if let pixtype = header.string("PIXTYPE"), pixtype.uppercased() != "HEALPIX" {
            throw HATSError(.invalidFITS, path: path, "PIXTYPE = '\(pixtype)': expected HEALPIX")
        }
        let scheme = header.string("INDXSCHM")?.uppercased() ?? "IMPLICIT"
        let map: PointMap
        switch scheme {
        case "IMPLICIT": map = try PointMap(implicit: table, header: header, path: path)
        case "EXPLICIT": map = try PointMap(explicit: table, header: header, path: path)
        default: throw HATSError(.invalidFITS, path: path, "INDXSCHM = '\(scheme)': expected IMPLICIT or EXPLICIT")
        }
        if ordering == "RING" {
            let nested = map.pixels.map { RingToNested.nested(order: map.order, ring: $0) }
            let entries = zip(nested, map.counts).sorted { $0.0 < $1.0 }
            self.init(order: map.order, sortedPixels: entries.map(\.0), counts: entries.map(\.1))
        } else {
            self = map
        }
    }

    private init(implicit table: BinaryTable, header: FITSHeader, path: String?) throws(HATSError) {
        let column = table.columns.firstIndex { $0.name.uppercased() != "PIXEL" } ?? 0
        let valueCount = table.rowCount * table.columns[column].repeatCount
        let first = header.int("FIRSTPIX") ?? 0
        let order: Int
        if let nside = header.int("NSIDE") {
            order = try PointMap.order(nside: nside, path: path)
        } else if let o = PointMap.order(pixelCount: valueCount) {
            order = o
        } else {
            throw HATSError(.invalidFITS, path: path, "\(valueCount) values and no NSIDE: not a full-sky HEALPix map")
        }
        let npix = Int(Healpix.pixelCount(order: order))
        guard first == 0, valueCount == npix else {
            throw HATSError(.invalidFITS, path: path,
                            "\(valueCount) values from FIRSTPIX = \(first): expected a full-sky map of \(npix) pixels (order \(order))")
        }
        var pixels: [UInt64] = [], counts: [Int64] = []
        try table.forEachInteger(column: column) { i, v in
            if v != 0 {
                pixels.append(UInt64(i))
                counts.append(v)
            }
        }
        self.init(order: order, sortedPixels: pixels, counts: counts)
    }

    private init(explicit table: BinaryTable, header: FITSHeader, path: String?) throws(HATSError) {
        guard table.columns.count >= 2 else {
            throw HATSError(.invalidFITS, path: path, "EXPLICIT map with TFIELDS = \(table.columns.count): expected PIXEL and VALUE columns")
        }
        let pixelColumn = table.columns.firstIndex { $0.name.uppercased() == "PIXEL" } ?? 0
        let valueColumn = table.columns.firstIndex { $0.name.uppercased() == "VALUE" } ?? (pixelColumn == 0 ? 1 : 0)
        let order = try PointMap.order(nside: try header.requireInt("NSIDE", path: path, hdu: 1), path: path)
        let pixelValues = try table.integers(column: pixelColumn)
        let values = try table.integers(column: valueColumn)
        var entries: [(pixel: UInt64, count: Int64)] = []
        entries.reserveCapacity(values.count)
        for (p, v) in zip(pixelValues, values) {
            guard p >= 0 else { throw HATSError(.invalidFITS, path: path, "negative pixel index \(p)") }
            entries.append((UInt64(p), v))
        }
        do {
            try self.init(order: order, sparse: entries)
        } catch {
            throw HATSError(.invalidFITS, path: path, error.message)
        }
    }

    /// The order of an `NSIDE` value, which must be a power of two up to 2^29.
    static func order(nside: Int, path: String?) throws(HATSError) -> Int {
        guard nside > 0, nside & (nside - 1) == 0, nside.trailingZeroBitCount <= Healpix.maxOrder else {
            throw HATSError(.invalidFITS, path: path, "NSIDE = \(nside) is not a power of two in 1...2^29")
        }
        return nside.trailingZeroBitCount
    }

    /// The order whose pixel count is `count`, if any (hats' `npix2order`).
    static func order(pixelCount count: Int) -> Int? {
        (0...Healpix.maxOrder).first { Healpix.pixelCount(order: $0) == UInt64(count) }
    }

    /// The size of an HDU's data, padded to whole blocks.
    static func dataSize(_ header: FITSHeader, path: String?, hdu: Int) throws(HATSError) -> Int {
        let naxis = header.int("NAXIS") ?? 0
        guard naxis > 0 else { return 0 }
        guard naxis <= 999 else { throw HATSError(.invalidFITS, path: path, "HDU \(hdu): NAXIS = \(naxis) is out of range") }
        let bitpix = try header.requireInt("BITPIX", path: path, hdu: hdu)
        let bad = HATSError(.invalidFITS, path: path, "HDU \(hdu): the data size given by BITPIX, NAXISn, PCOUNT and GCOUNT is invalid")
        var elements = 1
        for i in 1...naxis {
            let n = try header.requireInt("NAXIS\(i)", path: path, hdu: hdu)
            let (product, overflow) = elements.multipliedReportingOverflow(by: n)
            guard n >= 0, !overflow else { throw bad }
            elements = product
        }
        let pcount = header.int("PCOUNT") ?? 0, gcount = header.int("GCOUNT") ?? 1
        let (withHeap, o1) = elements.addingReportingOverflow(pcount)
        let (groups, o2) = withHeap.multipliedReportingOverflow(by: gcount)
        let (bytes, o3) = groups.multipliedReportingOverflow(by: abs(bitpix) / 8)
        guard pcount >= 0, gcount >= 0, !o1, !o2, !o3, bytes <= Int.max - FITSHeader.blockSize else { throw bad }
        return (bytes + FITSHeader.blockSize - 1) / FITSHeader.blockSize * FITSHeader.blockSize
    }
}
