import HEALPix

/// The partitions of a catalog as a sorted pixel list with its coverage,
/// answering the spatial questions a search asks before reading any data.
///
/// Pixels are in hats' breadth-first order (see ``PartitionInfo``), which is
/// the order LSDB reads and outputs partitions in.
///
///     let tree = PixelTree(pixels: [HealpixPixel(order: 1, index: 47), HealpixPixel(order: 2, index: 66)])
///     tree.pixels                    // [2/66, 1/47]
///     tree.overlapping(someRegion)   // the partitions a search must read
public struct PixelTree: Hashable, Sendable {
    /// The partitions, breadth-first.
    public let pixels: [HealpixPixel]
    /// The union of the partitions, at the deepest partition order.
    public let moc: MOC

    /// Creates a tree from partitions in any order (duplicates removed).
    public init(pixels: [HealpixPixel]) {
        self.pixels = PartitionInfo(pixels: pixels).pixels
        self.moc = MOC(pixels: self.pixels)
    }

    /// Creates a tree from partition info.
    public init(_ info: PartitionInfo) {
        self.pixels = info.pixels
        self.moc = MOC(pixels: info.pixels)
    }

    /// The number of partitions.
    public var count: Int { pixels.count }

    /// Whether there are no partitions.
    public var isEmpty: Bool { pixels.isEmpty }

    /// The deepest partition order (0 for an empty tree).
    public var highestOrder: Int { pixels.map(\.order).max() ?? 0 }

    /// The number of partitions at each order, for orders that have any.
    public var countsByOrder: [Int: Int] {
        pixels.reduce(into: [:]) { $0[$1.order, default: 0] += 1 }
    }

    /// Whether the pixel is one of the partitions.
    public func contains(_ pixel: HealpixPixel) -> Bool {
        partition(containing: pixel.range29.lowerBound) == pixel
    }

    /// The partition that holds a `_healpix_29` value, if any (partitions are disjoint).
    ///
    /// - Complexity: O(log n).
    public func partition(containing index29: UInt64) -> HealpixPixel? {
        var lo = 0, hi = pixels.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pixels[mid].range29.lowerBound <= index29 { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let candidate = pixels[lo - 1]
        return candidate.range29.contains(index29) ? candidate : nil
    }

    /// The partitions that overlap a region, breadth-first (hats' `filter_by_moc`:
    /// a partition is kept when its order-29 range meets any range of the MOC).
    public func overlapping(_ region: MOC) -> [HealpixPixel] {
        region.overlapping(pixels)
    }

    /// The partitions whose order is in a range (LSDB's `OrderSearch`).
    public func pixels(inOrders orders: ClosedRange<Int>) -> [HealpixPixel] {
        pixels.filter { orders.contains($0.order) }
    }
}
