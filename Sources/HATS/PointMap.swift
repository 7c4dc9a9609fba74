import HEALPix

/// A HEALPix count map: the number of rows in each NESTED pixel at one order,
/// as stored in a catalog's `point_map.fits` and `skymap.fits`.
///
/// Only the non-zero pixels are held (sorted by index), so a sparse order-10
/// map stays small in memory. The catalog coverage hats derives from it is
/// ``moc()``: the cells with a non-zero count, at the map's order.
///
///     let map = try PointMap(contentsOfFile: "Samples/gaia/point_map.fits")
///     map.order            // 5
///     map.count(at: 0)     // rows in pixel 0 at order 5
///     map.moc().isEmpty    // false
public struct PointMap: Hashable, Sendable {
    /// The HEALPix order of the map.
    public let order: Int
    /// The pixels with a non-zero count, ascending.
    public let pixels: [UInt64]
    /// The counts of ``pixels``, in the same order.
    public let counts: [Int64]

    /// Creates a map from a dense array of counts, one per pixel at `order`.
    ///
    /// - Throws: ``HATSError`` when the array length is not `12·4^order`.
    public init(order: Int, denseCounts: [Int64]) throws(HATSError) {
        guard Healpix.isValidOrder(order), UInt64(denseCounts.count) == Healpix.pixelCount(order: order) else {
            throw HATSError(.invalidFITS, path: nil,
                            "\(denseCounts.count) counts do not make a full-sky map at order \(order)")
        }
        var pixels: [UInt64] = [], counts: [Int64] = []
        for (i, c) in denseCounts.enumerated() where c != 0 {
            pixels.append(UInt64(i))
            counts.append(c)
        }
        self.init(order: order, sortedPixels: pixels, counts: counts)
    }

    /// Creates a map from non-zero `(pixel, count)` pairs in any order.
    ///
    /// - Throws: ``HATSError`` for a pixel outside the order, or a pixel given twice.
    public init(order: Int, sparse: [(pixel: UInt64, count: Int64)]) throws(HATSError) {
        guard Healpix.isValidOrder(order) else {
            throw HATSError(.invalidFITS, path: nil, "invalid HEALPix order \(order) for a map")
        }
        let sorted = sparse.filter { $0.count != 0 }.sorted { $0.pixel < $1.pixel }
        let npix = Healpix.pixelCount(order: order)
        for (i, e) in sorted.enumerated() {
            guard e.pixel < npix else {
                throw HATSError(.invalidFITS, path: nil, "pixel \(e.pixel) does not exist at order \(order)")
            }
            if i > 0, sorted[i - 1].pixel == e.pixel {
                throw HATSError(.invalidFITS, path: nil, "pixel \(e.pixel) is listed twice")
            }
        }
        self.init(order: order, sortedPixels: sorted.map(\.pixel), counts: sorted.map(\.count))
    }

    init(order: Int, sortedPixels: [UInt64], counts: [Int64]) {
        self.order = order
        self.pixels = sortedPixels
        self.counts = counts
    }

    /// The number of pixels at the map's order, `12·4^order`.
    public var pixelCount: UInt64 { Healpix.pixelCount(order: order) }

    /// The sum of all counts.
    public var total: Int64 { counts.reduce(0, &+) }

    /// The count of one pixel (0 for pixels not listed).
    public func count(at pixel: UInt64) -> Int64 {
        var lo = 0, hi = pixels.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pixels[mid] < pixel { lo = mid + 1 } else { hi = mid }
        }
        return lo < pixels.count && pixels[lo] == pixel ? counts[lo] : 0
    }

    /// Every pixel's count, `12·4^order` values (large at high orders).
    public var denseCounts: [Int64] {
        var out = [Int64](repeating: 0, count: Int(pixelCount))
        for (p, c) in zip(pixels, counts) { out[Int(p)] = c }
        return out
    }

    /// The coverage hats derives from the map: every non-zero pixel, as a MOC at the map's order.
    public func moc() -> MOC {
        MOC(order: order, indices: pixels)
    }

    /// The map summed down to a coarser order (hats' `read_skymap(order)` down-sampling).
    ///
    /// - Throws: ``HATSError`` when `newOrder` is deeper than the map or negative.
    public func degraded(toOrder newOrder: Int) throws(HATSError) -> PointMap {
        guard (0...order).contains(newOrder) else {
            throw HATSError(.invalidFITS, path: nil, "cannot degrade an order-\(order) map to order \(newOrder)")
        }
        let shift = UInt64(2 * (order - newOrder))
        var outPixels: [UInt64] = [], outCounts: [Int64] = []
        for (p, c) in zip(pixels, counts) {
            let parent = p >> shift
            if outPixels.last == parent {
                outCounts[outCounts.count - 1] &+= c
            } else {
                outPixels.append(parent)
                outCounts.append(c)
            }
        }
        let keep = outCounts.indices.filter { outCounts[$0] != 0 }
        return PointMap(order: newOrder, sortedPixels: keep.map { outPixels[$0] }, counts: keep.map { outCounts[$0] })
    }
}
