/// A HEALPix cell: an order and a nested index, as hats' `HealpixPixel`.
///
/// Pixels compare in breadth-first order: by order, then by index. (To sort
/// mixed-order partitions the way hats lists them, compare
/// ``range29``'s lower bounds instead.)
public struct HealpixPixel: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The order (depth), `0...29`.
    public let order: Int
    /// The nested index, `0 ..< 12·4^order`.
    public let index: UInt64

    /// Creates a pixel.
    ///
    /// - Precondition: `order` is in `0...29` and `index < 12·4^order`
    ///   (a programming error otherwise; use
    ///   ``init(validatingOrder:index:)`` for untrusted input).
    @inlinable
    public init(order: Int, index: UInt64) {
        precondition(Healpix.isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        precondition(index < (12 << UInt64(2 * order)), "HEALPix index \(index) too large for order \(order)")
        self.order = order
        self.index = index
    }

    /// Creates a pixel from untrusted values.
    ///
    /// - Throws: ``HealpixError/invalidOrder(_:)`` or
    ///   ``HealpixError/invalidIndex(order:index:)``.
    public init(validatingOrder order: Int, index: UInt64) throws(HealpixError) {
        guard Healpix.isValidOrder(order) else { throw .invalidOrder(order) }
        guard index < (12 << UInt64(2 * order)) else { throw .invalidIndex(order: order, index: index) }
        self.init(order: order, index: index)
    }

    /// The pixel containing a position given in degrees, or `nil` for an
    /// invalid position (see ``Healpix/hash(order:lon:lat:)``).
    public init?(order: Int, lon: Double, lat: Double) {
        let h = Healpix.hash(order: order, lon: lon, lat: lat)
        guard h != Healpix.invalidIndex else { return nil }
        self.init(order: order, index: h)
    }

    /// Breadth-first order: lower order first, then lower index.
    @inlinable
    public static func < (lhs: HealpixPixel, rhs: HealpixPixel) -> Bool {
        (lhs.order, lhs.index) < (rhs.order, rhs.index)
    }

    /// `"Order: 3, Pixel: 42"`, as hats prints pixels.
    public var description: String { "Order: \(order), Pixel: \(index)" }
}
