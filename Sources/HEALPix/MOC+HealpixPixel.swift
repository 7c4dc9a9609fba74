extension MOC {
    /// Creates the MOC of a list of pixels of any orders, as hats' `pixel_list_to_moc`.
    ///
    /// - Parameters:
    ///   - pixels: the cells, in any order, overlaps allowed.
    ///   - maxOrder: the order of the map; defaults to the deepest pixel order (0 for
    ///     no pixels). Deeper pixels are widened to their ancestor at this order.
    public init(pixels: [HealpixPixel], maxOrder: Int? = nil) {
        let order = maxOrder ?? pixels.map(\.order).max() ?? 0
        self.init(ranges: pixels.map(\.range29), maxOrder: order)
    }

    /// The minimal multi-order decomposition (``cells``) as pixels, sorted by order,
    /// then index.
    public var healpixPixels: [HealpixPixel] {
        cells.map { HealpixPixel(order: $0.order, index: $0.index) }
    }

    /// Whether the pixel lies entirely inside the MOC.
    public func contains(_ pixel: HealpixPixel) -> Bool {
        contains(pixel.range29)
    }

    /// Whether the pixel overlaps the MOC (hats' `filter_by_moc` test for a partition).
    public func overlaps(_ pixel: HealpixPixel) -> Bool {
        overlaps(pixel.range29)
    }

    /// The pixels that overlap the MOC, in input order: the partitions a search over
    /// this region must read.
    ///
    /// - Complexity: O(n log m) for n pixels and m ranges.
    public func overlapping(_ pixels: [HealpixPixel]) -> [HealpixPixel] {
        pixels.filter { overlaps($0.range29) }
    }

    /// Whether the position (degrees) lies in the MOC: its order-29 cell, hashed as
    /// cdshealpix does, is covered (mocpy's `contains_lonlat`). Invalid positions
    /// are outside.
    public func contains(lon: Double, lat: Double) -> Bool {
        let h = Healpix.hash(order: Healpix.maxOrder, lon: lon, lat: lat)
        return h != Healpix.invalidIndex && contains(order29Index: h)
    }
}
