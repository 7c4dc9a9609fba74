import HEALPix

/// A dense row-count histogram at one HEALPix order: the "map" step of
/// partitioning (hats' `generate_histogram`).
///
/// Counts are added from spatial-index values (`_healpix_29` or any order ≥ the
/// histogram's), so the histogram never needs RA/Dec.
public struct PixelHistogram: Hashable, Sendable {
    /// The order of the bins.
    public let order: Int
    /// One count per pixel at ``order``, `12·4^order` of them.
    public private(set) var counts: [Int64]

    /// An empty histogram at `order` (at most 13: the dense array holds `12·4^order` counts).
    public init(order: Int) {
        precondition(order >= 0 && order <= 13, "histogram order \(order) is outside 0...13")
        self.order = order
        self.counts = [Int64](repeating: 0, count: Int(Healpix.pixelCount(order: order)))
    }

    /// A histogram from counts already binned at `order`.
    ///
    /// - Throws: ``HATSError`` (`unsupported`) when the count is not `12·4^order`.
    public init(order: Int, counts: [Int64]) throws(HATSError) {
        guard order >= 0, order <= 13, counts.count == Int(Healpix.pixelCount(order: order)) else {
            throw HATSError(.unsupported, path: nil, "a histogram at order \(order) needs 12·4^\(order) bins, not \(counts.count)")
        }
        self.order = order
        self.counts = counts
    }

    /// The total count.
    public var total: Int64 { counts.reduce(0, &+) }

    /// Adds one to the bin of each spatial-index value (at `indexOrder`, 29 for `_healpix_29`).
    public mutating func add(index values: UnsafeBufferPointer<Int64>, indexOrder: Int = 29) {
        let shift = Int64(2 * (indexOrder - order))
        counts.withUnsafeMutableBufferPointer { bins in
            for v in values { bins[Int(v >> shift)] &+= 1 }
        }
    }

    /// Adds `weights[i]` to the bin of `values[i]` (a byte histogram, for instance).
    public mutating func add(index values: UnsafeBufferPointer<Int64>, weights: UnsafeBufferPointer<Int64>,
                             indexOrder: Int = 29) {
        let shift = Int64(2 * (indexOrder - order))
        counts.withUnsafeMutableBufferPointer { bins in
            for i in 0..<values.count { bins[Int(values[i] >> shift)] &+= weights[i] }
        }
    }

    /// Adds another histogram of the same order.
    public mutating func merge(_ other: PixelHistogram) {
        precondition(other.order == order, "histograms of orders \(order) and \(other.order)")
        counts.withUnsafeMutableBufferPointer { a in
            other.counts.withUnsafeBufferPointer { b in
                for i in 0..<a.count { a[i] &+= b[i] }
            }
        }
    }

    /// Adds `count` to one bin.
    public mutating func add(_ count: Int64, toPixel index: Int) {
        counts[index] &+= count
    }

    /// The non-zero bins as a point map (what `point_map.fits` holds).
    public var pointMap: PointMap {
        var pixels: [UInt64] = [], values: [Int64] = []
        for (i, c) in counts.enumerated() where c != 0 {
            pixels.append(UInt64(i))
            values.append(c)
        }
        return PointMap(order: order, sortedPixels: pixels, counts: values)
    }
}
