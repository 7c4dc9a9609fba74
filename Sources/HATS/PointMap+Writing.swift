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
        var data = Data()
        PointMapFITS.encode(order: order, nonZero: pixels.count, valueType: valueType,
                            forEachNonZero: { body in for (p, c) in zip(pixels, counts) { body(p, c) } },
                            sink: { data.append(contentsOf: $0) })
        return data
    }

    /// Writes the map to a file (atomically).
    public func write(toFile path: String, valueType: ValueType = .int64) throws(HATSError) {
        try PointMapFITS.write(to: path) { sink in
            PointMapFITS.encode(order: order, nonZero: pixels.count, valueType: valueType,
                                forEachNonZero: { body in for (p, c) in zip(pixels, counts) { body(p, c) } }, sink: sink)
        }
    }

    /// Writes `point_map.fits` and `skymap.fits` into a catalog directory, as hats-import does.
    /// The two files have the same bytes: `skymap.fits` is a hard link to `point_map.fits`
    /// (a copy where links are not supported).
    public func write(toCatalogDirectory directory: String) throws(HATSError) {
        try write(toFile: HATSPaths.join(directory, HATSPaths.pointMapFile))
        try PointMapFITS.duplicate(HATSPaths.join(directory, HATSPaths.pointMapFile),
                                   as: HATSPaths.join(directory, HATSPaths.skymapFile))
    }
}
