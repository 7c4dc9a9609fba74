/// Parents, children and index ranges of pixels.
extension HealpixPixel {
    /// The pixel one order up, or `nil` at order 0.
    @inlinable
    public var parent: HealpixPixel? {
        order == 0 ? nil : HealpixPixel(order: order - 1, index: index >> 2)
    }

    /// The ancestor (or the pixel itself) at `ancestorOrder ≤ order`.
    @inlinable
    public func parent(atOrder ancestorOrder: Int) -> HealpixPixel {
        precondition(ancestorOrder >= 0 && ancestorOrder <= order, "ancestor order must be in 0...\(order)")
        return HealpixPixel(order: ancestorOrder, index: index >> UInt64(2 * (order - ancestorOrder)))
    }

    /// The four pixels one order down, ascending.
    ///
    /// - Precondition: `order < 29`.
    @inlinable
    public var children: [HealpixPixel] {
        precondition(order < Healpix.maxOrder, "order-29 pixels have no children")
        let first = index << 2
        return (0..<4).map { HealpixPixel(order: order + 1, index: first + UInt64($0)) }
    }

    /// The indices covered by this pixel at `deeperOrder ≥ order`
    /// (half-open): `[index·4^Δ, (index+1)·4^Δ)`.
    @inlinable
    public func indexRange(atOrder deeperOrder: Int) -> Range<UInt64> {
        precondition(deeperOrder >= order && deeperOrder <= Healpix.maxOrder, "order must be in \(order)...29")
        let shift = UInt64(2 * (deeperOrder - order))
        return (index << shift) ..< ((index + 1) << shift)
    }

    /// The `_healpix_29` values falling in this pixel (half-open).
    @inlinable
    public var range29: Range<UInt64> { indexRange(atOrder: Healpix.maxOrder) }

    /// The pixel at `order` containing the `_healpix_29` value `index29`
    /// (hats' `spatial_index_to_healpix`: `index29 >> 2·(29 − order)`).
    @inlinable
    public init(order: Int, containingIndex29 index29: UInt64) {
        precondition(Healpix.isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        self.init(order: order, index: index29 >> UInt64(2 * (Healpix.maxOrder - order)))
    }

    /// Whether `other` is this pixel or one of its descendants.
    @inlinable
    public func contains(_ other: HealpixPixel) -> Bool {
        other.order >= order && other.index >> UInt64(2 * (other.order - order)) == index
    }
}

/// Geometry of a pixel (degrees), forwarding to ``Healpix``.
extension HealpixPixel {
    /// The centre, in degrees.
    public var center: Healpix.LonLat { Healpix.center(order: order, index: index) }

    /// The vertices (S, E, N, W), in degrees.
    public var vertices: Healpix.Vertices { Healpix.vertices(order: order, index: index) }

    /// The 6 to 8 adjacent pixels at the same order, S, SE, E, SW, NE, W, NW, N.
    public var neighbours: [HealpixPixel] {
        Healpix.neighbours(order: order, index: index).map { HealpixPixel(order: order, index: $0) }
    }

    /// The pixels at `order + deltaOrder` just outside this one (edges and
    /// corners), sorted: hats' `get_margin`.
    public func externalNeighbours(deltaOrder: Int) -> [HealpixPixel] {
        let depth = order + deltaOrder
        return Healpix.externalNeighbours(order: order, index: index, deltaOrder: deltaOrder)
            .all.map { HealpixPixel(order: depth, index: $0) }
    }
}
