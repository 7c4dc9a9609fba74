import Foundation

/// Sizes of the grid per order, and hats' margin-order heuristics.
extension Healpix {
    /// `2^order`, the number of cells along a base-cell side.
    @inlinable
    public static func nside(order: Int) -> UInt64 {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        return 1 << UInt64(order)
    }

    /// `12·4^order`, the number of cells covering the sky at `order`.
    @inlinable
    public static func pixelCount(order: Int) -> UInt64 {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        return 12 << UInt64(2 * order)
    }

    /// Whether `order` is in `0...maxOrder`.
    @inlinable
    public static func isValidOrder(_ order: Int) -> Bool {
        order >= 0 && order <= maxOrder
    }

    /// The area of one cell at `order`, in steradians (`4π / pixelCount`).
    public static func pixelArea(order: Int) -> Double {
        4 * Double.pi / Double(pixelCount(order: order))
    }

    /// The area of one cell at `order`, in square degrees.
    public static func pixelAreaDegrees(order: Int) -> Double {
        pixelArea(order: order) * radToDeg * radToDeg
    }

    /// The mean cell size at `order` in radians: `sqrt(pixelArea)`, as
    /// hats' `order2resol`.
    public static func resolution(order: Int) -> Double {
        pixelArea(order: order).squareRoot()
    }

    /// The mean cell size at `order` in degrees.
    public static func resolutionDegrees(order: Int) -> Double {
        resolution(order: order) * radToDeg
    }

    /// The mean cell size at `order` in arcseconds (the `orders.csv` column).
    public static func resolutionArcsec(order: Int) -> Double {
        resolution(order: order) * radToDeg * 3600
    }

    /// hats' estimate of the smallest distance across a cell at `order`, in
    /// **arcminutes**: the mean cell size divided by 1.6 (`order2mindist`).
    ///
    /// Multiply by 60 for arcseconds: `order2mindist(4) * 60 ≈ 8245.17″`.
    public static func order2mindist(_ order: Int) -> Double {
        resolution(order: order) * radToDeg * 60 / 1.6
    }

    /// The deepest order whose mean cell size exceeds `sizeArcmin` arcminutes,
    /// clipped to `0...29` (hats' `avgsize2order`).
    ///
    /// Non-finite or non-positive sizes give 29 (hats would give the clipped
    /// cast of `±inf`/NaN, which numpy leaves undefined).
    public static func avgsize2order(_ sizeArcmin: Double) -> Int {
        let ratio = (Double.pi / 3).squareRoot() / ((sizeArcmin / 60.0) * degToRad)
        let orderFloat = log2(ratio)
        guard orderFloat.isFinite else { return orderFloat == -.infinity ? 0 : maxOrder }
        return min(max(Int(orderFloat.rounded(.towardZero)), 0), maxOrder)
    }

    /// The margin order hats picks for a margin of `marginThresholdArcsec`:
    /// `margin2order(threshold / 60)`, i.e. the deepest order whose
    /// `order2mindist` still exceeds the threshold (hats' heuristic, with the
    /// 1.6 size/distance factor).
    ///
    ///     Healpix.margin2order(marginThresholdArcsec: 5)    // 14
    ///     Healpix.margin2order(marginThresholdArcsec: 3600) // 5
    public static func margin2order(marginThresholdArcsec: Double) -> Int {
        avgsize2order((marginThresholdArcsec / 60) * 1.6)
    }

    /// An upper bound (radians) on the distance from a cell's centre to any of
    /// its points at `order`, valid for every cell (healpy `max_pixrad`).
    ///
    /// Use it to decide whether a cell can intersect a cone:
    /// `separation(cone centre, cell centre) <= r + maxCenterToVertexDistance`.
    public static func maxCenterToVertexDistance(order: Int) -> Double {
        let n = Double(nside(order: order))
        let z1 = transitionZ
        let phi1 = Double.pi / (4 * n)
        let u = 1 - 1 / n
        let z2 = 1 - u * u / 3
        let v1 = unitVector(lonRadians: phi1, z: z1)
        let v2 = unitVector(lonRadians: 0, z: z2)
        return angle(between: v1, and: v2)
    }
}
