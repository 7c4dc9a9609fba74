import HEALPix

/// A spatial filter on a catalog, as LSDB's `AbstractSearch`: it chooses the
/// partitions to read from their coverage, and then the rows to keep.
///
/// Searches are applied to a catalog and to its margin alike, either at open
/// time (``Catalog/open(_:columns:margin:search:)``) or later
/// (``Catalog/search(_:)``), with the same result.
public protocol Search: Sendable, CustomStringConvertible {
    /// Checks the parameters (LSDB validates when the search is created).
    func validate() throws(LSDBError)

    /// The sky region as a MOC at `maxOrder`, used to choose partitions and to
    /// push `_healpix_29` ranges into the read; `nil` for searches that choose
    /// partitions otherwise (``OrderSearch``).
    func coverage(maxOrder: Int) -> MOC?

    /// The partitions to keep, among a catalog's (breadth-first, order preserved).
    ///
    /// The default keeps the partitions that overlap ``coverage(maxOrder:)``.
    func selectPartitions(_ pixels: [HealpixPixel], maxOrder: Int) -> [HealpixPixel]

    /// Whether rows are filtered one by one (LSDB's `fine`); when `false`, whole
    /// partitions are kept.
    var isFine: Bool { get }

    /// The rows inside the region, given their RA and Dec in degrees: one bit
    /// per row, set when the row is kept.
    func contains(ra: UnsafeBufferPointer<Double>, dec: UnsafeBufferPointer<Double>,
                  into mask: UnsafeMutableBufferPointer<Bool>)
}

extension Search {
    /// Keeps the partitions overlapping the coverage.
    public func selectPartitions(_ pixels: [HealpixPixel], maxOrder: Int) -> [HealpixPixel] {
        guard let region = coverage(maxOrder: maxOrder) else { return pixels }
        return region.overlapping(pixels)
    }
}

/// Validation shared by the searches.
enum SearchValidation {
    static func declination(_ dec: Double, _ what: String = "dec") throws(LSDBError) {
        guard dec.isFinite, dec >= -90, dec <= 90 else {
            throw .invalidArgument("\(what) must be between -90 and 90 degrees, got \(dec)")
        }
    }

    static func rightAscension(_ ra: Double, _ what: String = "ra") throws(LSDBError) {
        guard ra.isFinite else { throw .invalidArgument("\(what) must be a finite number of degrees, got \(ra)") }
    }
}
