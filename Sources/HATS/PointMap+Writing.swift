import Foundation
import HEALPix

extension PointMap {
    /// The integer type of the written counts.
    public enum ValueType: Sendable {
        /// `TFORM = 'K'` (int64), what hats-import writes.
        case int64
        /// `TFORM = 'J'` (int32), what hats writes for an int32 histogram.
        case int32
    }

    /// The FITS bytes hats (through cdshealpix) writes for this map: an empty
    /// primary HDU and a BINTABLE, `EXPLICIT` (`PIXEL`, `VALUE` rows for the
    /// non-zero pixels) when more than half the pixels are zero, `IMPLICIT`
    /// (one `VALUE` per pixel) otherwise.
    ///
    /// - Precondition: with `.int32`, every count fits in an `Int32`.
    public func fitsData(valueType: ValueType = .int64) -> Data {
        let npix = Int(pixelCount)
        let explicit = Double(npix - pixels.count) / Double(npix) > 0.5
        let valueBytes = valueType == .int64 ? 8 : 4
        let form = valueType == .int64 ? "K" : "J"
        let nside = Int(Healpix.nside(order: order))

        var primary = FITSHeaderWriter()
        primary.add("SIMPLE", bool: true)
        primary.add("BITPIX", int: 8)
        primary.add("NAXIS", int: 0)
        primary.add("EXTEND", bool: true)

        var table = FITSHeaderWriter()
        table.add("XTENSION", string: "BINTABLE")
        table.add("BITPIX", int: 8)
        table.add("NAXIS", int: 2)
        table.add("NAXIS1", int: explicit ? 8 + valueBytes : valueBytes)
        table.add("NAXIS2", int: explicit ? pixels.count : npix)
        table.add("PCOUNT", int: 0)
        table.add("GCOUNT", int: 1)
        if explicit {
            table.add("TFIELDS", int: 2)
            table.add("TTYPE1", string: "PIXEL")
            table.add("TTYPE2", string: "VALUE")
            table.add("TFORM1", string: "K")
            table.add("TFORM2", string: form)
            table.add("PIXTYPE", string: "HEALPIX")
            table.add("INDXSCHM", string: "EXPLICIT")
            table.add("ORDERING", string: "NESTED")
            table.add("COORDSYS", string: "C")
            table.add("EXTNAME", string: "xtension")
            table.add("NSIDE", int: nside)
            table.add("OBS_NPIX", int: pixels.count)
        } else {
            table.add("TFIELDS", int: 1)
            table.add("TTYPE1", string: "VALUE")
            table.add("TFORM1", string: form)
            table.add("PIXTYPE", string: "HEALPIX")
            table.add("INDXSCHM", string: "IMPLICIT")
            table.add("ORDERING", string: "NESTED")
            table.add("NSIDE", int: nside)
            table.add("FIRSTPIX", int: 0)
            table.add("LASTPIX", int: npix - 1)
            table.add("OBJECT", string: "FULLSKY")
            table.add("COORDSYS", string: "C")
            table.add("EXTNAME", string: "xtension")
        }
        table.add("CREATOR", string: "Rust crate cdshealpix 0.10.1")

        // Big-endian values written in place into one preallocated buffer (a full-sky order-10
        // map is 100 MB: appending byte by byte would take seconds).
        let rowBytes = explicit ? 8 + valueBytes : valueBytes
        let rows = explicit ? pixels.count : npix
        var bytes = [UInt8](repeating: 0, count: rows * rowBytes)
        bytes.withUnsafeMutableBytes { out in
            func put(_ v: Int64, at offset: Int, bytes: Int) {
                if bytes == 8 {
                    out.storeBytes(of: UInt64(bitPattern: v).bigEndian, toByteOffset: offset, as: UInt64.self)
                } else {
                    out.storeBytes(of: UInt32(truncatingIfNeeded: v).bigEndian, toByteOffset: offset, as: UInt32.self)
                }
            }
            if explicit {
                for (i, (p, c)) in zip(pixels, counts).enumerated() {
                    put(Int64(p), at: i * rowBytes, bytes: 8)
                    put(c, at: i * rowBytes + 8, bytes: valueBytes)
                }
            } else {
                for (p, c) in zip(pixels, counts) { put(c, at: Int(p) * valueBytes, bytes: valueBytes) }
            }
        }
        var body = Data(bytes)
        let remainder = body.count % FITSHeader.blockSize
        if remainder != 0 { body.append(Data(count: FITSHeader.blockSize - remainder)) }
        return primary.finished() + table.finished() + body
    }

    /// Writes the map to a file (atomically).
    public func write(toFile path: String, valueType: ValueType = .int64) throws(HATSError) {
        try FileIO.writeData(fitsData(valueType: valueType), to: path)
    }

    /// Writes `point_map.fits` and `skymap.fits` into a catalog directory, as hats-import does.
    public func write(toCatalogDirectory directory: String) throws(HATSError) {
        let data = fitsData()
        for name in [HATSPaths.pointMapFile, HATSPaths.skymapFile] {
            try FileIO.writeData(data, to: HATSPaths.join(directory, name))
        }
    }
}
