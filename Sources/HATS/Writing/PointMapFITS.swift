import Foundation
import HEALPix
import Parquet

/// Streams the FITS form of a point map (see ``PointMap/fitsData(valueType:)``) in pieces of a
/// few megabytes, so that a full-sky order-10 map (100 MB) is never held, zeroed or copied whole.
enum PointMapFITS {
    /// The bytes of one piece of the body.
    static let pieceBytes = 1 << 22

    /// Encodes a map whose non-zero bins `forEachNonZero` lists in increasing pixel order.
    static func encode(order: Int, nonZero: Int, valueType: PointMap.ValueType,
                       forEachNonZero: (_ body: (UInt64, Int64) -> Void) -> Void,
                       sink: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            encode(order: order, nonZero: nonZero, valueType: valueType, forEachNonZero: forEachNonZero, escapingSink: sink)
        }
    }

    private static func encode(order: Int, nonZero: Int, valueType: PointMap.ValueType,
                               forEachNonZero: (_ body: (UInt64, Int64) -> Void) -> Void,
                               escapingSink sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        let npix = Int(Healpix.pixelCount(order: order))
        let explicit = Double(npix - nonZero) / Double(npix) > 0.5
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
        table.add("NAXIS2", int: explicit ? nonZero : npix)
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
            table.add("OBS_NPIX", int: nonZero)
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

        let rowBytes = explicit ? 8 + valueBytes : valueBytes
        let rows = explicit ? nonZero : npix
        primary.finished().withUnsafeBytes(sink)
        table.finished().withUnsafeBytes(sink)

        let rowsPerPiece = pieceBytes / rowBytes
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: rowsPerPiece * rowBytes, alignment: 8)
        defer { piece.deallocate() }
        piece.initializeMemory(as: UInt8.self, repeating: 0)
        var base = 0  // the first row of the piece
        func flush(_ count: Int) {
            sink(UnsafeRawBufferPointer(rebasing: piece[0..<(count * rowBytes)]))
            piece.initializeMemory(as: UInt8.self, repeating: 0)
            base += count
        }
        func put(_ v: Int64, at offset: Int, bytes: Int) {
            if bytes == 8 {
                piece.storeBytes(of: UInt64(bitPattern: v).bigEndian, toByteOffset: offset, as: UInt64.self)
            } else {
                piece.storeBytes(of: UInt32(truncatingIfNeeded: v).bigEndian, toByteOffset: offset, as: UInt32.self)
            }
        }
        var written = 0  // explicit rows so far
        forEachNonZero { pixel, count in
            let row = explicit ? written : Int(pixel)
            while row >= base + rowsPerPiece { flush(rowsPerPiece) }
            let offset = (row - base) * rowBytes
            if explicit {
                put(Int64(pixel), at: offset, bytes: 8)
                put(count, at: offset + 8, bytes: valueBytes)
            } else {
                put(count, at: offset, bytes: valueBytes)
            }
            written += 1
        }
        while base < rows { flush(min(rowsPerPiece, rows - base)) }
        let remainder = (rows * rowBytes) % FITSHeader.blockSize
        if remainder != 0 {
            let padding = [UInt8](repeating: 0, count: FITSHeader.blockSize - remainder)
            padding.withUnsafeBytes(sink)
        }
    }

    /// Writes a file atomically (an ``AtomicFile``) from the pieces `encode` gives its sink.
    static func write(to path: String, _ encode: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(HATSError) {
        do {
            let file = try AtomicFile(path: path)
            var failure: (any Error)?
            encode { bytes in
                guard failure == nil else { return }
                do { try file.write(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
            try file.commit()
        } catch {
            throw HATSError(.io, path: path, "cannot write: \(error)")
        }
    }

    /// Gives `copy` the bytes of `original`: a hard link, or a copy where links fail.
    static func duplicate(_ original: String, as copy: String) throws(HATSError) {
        unlink(copy)
        if link(original, copy) == 0 { return }
        do { try FileManager.default.copyItem(atPath: original, toPath: copy) } catch {
            throw HATSError(.io, path: copy, "cannot write: \(error.localizedDescription)")
        }
    }
}

extension PixelHistogram {
    /// Writes `point_map.fits` and `skymap.fits` (one file, hard-linked) into a catalog
    /// directory straight from the dense counts: the bytes of ``pointMap``'s
    /// ``PointMap/write(toCatalogDirectory:)``, without building the sparse map.
    public func writePointMap(toCatalogDirectory directory: String) throws(HATSError) {
        let path = HATSPaths.join(directory, HATSPaths.pointMapFile)
        try PointMapFITS.write(to: path) { sink in
            counts.withUnsafeBufferPointer { bins in
                var nonZero = 0
                for c in bins where c != 0 { nonZero += 1 }
                PointMapFITS.encode(order: order, nonZero: nonZero, valueType: .int64, forEachNonZero: { body in
                    for i in 0..<bins.count where bins[i] != 0 { body(UInt64(i), bins[i]) }
                }, sink: sink)
            }
        }
        try PointMapFITS.duplicate(path, as: HATSPaths.join(directory, HATSPaths.skymapFile))
    }
}
