import HEALPix

/// The rows inside a MOC (LSDB's `MOCSearch`).
public struct MOCSearch: Search, Hashable {
    /// The region.
    public var moc: MOC
    /// Whether rows are filtered (default `true`).
    public var isFine: Bool

    /// Creates a MOC search.
    public init(_ moc: MOC, fine: Bool = true) {
        self.moc = moc
        self.isFine = fine
    }

    /// A MOC needs no checks.
    public func validate() throws(LSDBError) {}

    /// The MOC itself (its own order, which may be deeper than `maxOrder`).
    public func coverage(maxOrder: Int) -> MOC? { moc }

    /// Rows whose position falls in the MOC.
    public func contains(ra: UnsafeBufferPointer<Double>, dec: UnsafeBufferPointer<Double>,
                         into mask: UnsafeMutableBufferPointer<Bool>) {
        for i in 0..<ra.count {
            mask[i] = dec[i].isFinite && ra[i].isFinite && moc.contains(lon: ra[i], lat: dec[i])
        }
    }

    /// `MOCSearch(<cells>)`.
    public var description: String { "MOCSearch(\(moc.ranges.count) ranges at order \(moc.maxOrder))" }
}

/// The partitions overlapping given HEALPix cells (LSDB's `PixelSearch`): a
/// MOC search on whole partitions, rows not filtered.
public struct PixelSearch: Search, Hashable {
    /// The cells.
    public var pixels: [HealpixPixel]

    /// Creates a pixel search.
    public init(pixels: [HealpixPixel]) {
        self.pixels = pixels
    }

    /// The order-29 cells of the given positions (LSDB's `PixelSearch.from_radec`).
    public init(ra: [Double], dec: [Double]) {
        self.pixels = zip(ra, dec).map { HealpixPixel(order: 29, index: Healpix.hash(order: 29, lon: $0.0, lat: $0.1)) }
    }

    /// Whole partitions only.
    public var isFine: Bool { false }

    /// Valid cells, at least one.
    public func validate() throws(LSDBError) {
        guard !pixels.isEmpty else { throw .invalidArgument("a pixel search needs at least one pixel") }
        for p in pixels where !Healpix.isValidOrder(p.order) || p.index >= 12 << (2 * UInt64(p.order)) {
            throw .invalidArgument("(\(p.order), \(p.index)) is not a HEALPix cell")
        }
    }

    /// The cells as a MOC.
    public func coverage(maxOrder: Int) -> MOC? { MOC(pixels: pixels) }

    /// Every row (rows are cut to the pushed-down ranges when the read allows it).
    public func contains(ra: UnsafeBufferPointer<Double>, dec: UnsafeBufferPointer<Double>,
                         into mask: UnsafeMutableBufferPointer<Bool>) {
        for i in 0..<mask.count { mask[i] = true }
    }

    /// `PixelSearch([…])`.
    public var description: String {
        "PixelSearch([" + pixels.map { "\($0.order)/\($0.index)" }.joined(separator: ", ") + "])"
    }
}
