import HEALPix

/// Which margin partitions a row belongs to (hats' margin cache rules, spec §4).
///
/// The targets are the catalog's partitions and the "negative tree" (the fewest
/// pixels covering the rest of the sky). Each target's ring is its external
/// neighbours at the margin order: one margin-order cell wide, edges and
/// corners. A row goes to every target whose ring holds its margin-order cell;
/// there is no distance test, and a row never lands in its own partition's margin.
///
///     let rings = MarginRings(partitions: alignment.partitions, marginOrder: 14)
///     rings.targets(ofIndex29: h) { target in … }
public struct MarginRings: Sendable {
    /// The margin order.
    public let marginOrder: Int
    /// The margin partitions rows can go to: the partitions, then the negative tree.
    public let targets: [HealpixPixel]
    /// Margin-order cell → the targets whose ring holds it (indices into ``targets``).
    private let ringOwners: [UInt64: [Int32]]

    /// The rings of a catalog's partitions and of its negative tree.
    ///
    /// - Precondition: `marginOrder` is deeper than every partition.
    public init(partitions: [HealpixPixel], marginOrder: Int) {
        self.marginOrder = marginOrder
        let all = partitions + MarginRings.negativeTree(of: partitions)
        var owners: [UInt64: [Int32]] = [:]
        for (t, pixel) in all.enumerated() {
            precondition(marginOrder > pixel.order, "margin order \(marginOrder) is not deeper than partition \(pixel)")
            for cell in Healpix.externalNeighbours(order: pixel.order, index: pixel.index,
                                                   deltaOrder: marginOrder - pixel.order).all {
                owners[cell, default: []].append(Int32(t))
            }
        }
        self.targets = all
        self.ringOwners = owners
    }

    /// The fewest pixels covering the sky outside the partitions (hats'
    /// `generate_negative_tree_pixels`).
    public static func negativeTree(of partitions: [HealpixPixel]) -> [HealpixPixel] {
        MOC(pixels: partitions, maxOrder: Healpix.maxOrder).complement.healpixPixels
    }

    /// Calls `body` with each target index whose ring holds the order-29 index `value`.
    @inline(__always)
    public func forEachTarget(ofIndex29 value: Int64, _ body: (Int) throws -> Void) rethrows {
        guard let owners = ringOwners[UInt64(bitPattern: value) >> UInt64(2 * (29 - marginOrder))] else { return }
        for t in owners { try body(Int(t)) }
    }

    /// The margin order for a threshold, checked against the deepest partition
    /// (hats' `margin2order` and `MarginCacheArguments` validation).
    ///
    /// - Throws: ``HATSError`` (`invalidArgument`) for a negative threshold or a margin
    ///   order not deeper than the partitions.
    public static func marginOrder(thresholdArcsec: Double, highestPartitionOrder: Int) throws(HATSError) -> Int {
        guard thresholdArcsec.isFinite, thresholdArcsec > 0 else {
            throw HATSError(.invalidArgument, path: nil, "the margin threshold must be positive, not \(thresholdArcsec)")
        }
        let order = Healpix.margin2order(marginThresholdArcsec: thresholdArcsec)
        guard order >= highestPartitionOrder + 1 else {
            throw HATSError(.invalidArgument, path: nil,
                            "margin_order \(order) (from a \(thresholdArcsec)″ threshold) must be of a higher order than the highest order catalog partition pixel (\(highestPartitionOrder))")
        }
        return order
    }
}
