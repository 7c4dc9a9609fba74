/// Nested-scheme HEALPix for HATS: hashing, pixel geometry, neighbours,
/// coverage of sky regions and multi-order coverage maps (MOCs).
///
/// `Healpix` is the namespace for the free functions of the scheme. Indices
/// are `UInt64` nested indices; orders are `Int` in `0...29`. Angles are in
/// **degrees** unless the name says `Radians`. Results agree bit for bit
/// with cdshealpix (glibc libm), which hats uses for `_healpix_29`.
///
/// Hashing (position → index):
/// - ``hash(order:lon:lat:)``: scalar; ``invalidIndex`` for NaN/|lat| > 90.
/// - ``checkedHash(order:lon:lat:)``: throws ``HealpixError`` instead.
/// - ``hash(order:lon:lat:into:)``: batch over `UnsafeBufferPointer`s
///   (`UInt64` or `Int64` output), plus an `Array` convenience.
/// - ``hash(order:lonRadians:latRadians:)``,
///   ``hashWithOffsets(order:lon:lat:)`` (index plus in-cell `dx`, `dy`).
/// - ``wrapLongitude(_:)``: astropy's `Longitude` wrapping.
///
/// Cell geometry (index → positions):
/// - ``center(order:index:)``, ``centerRadians(order:index:)``
/// - ``position(order:index:dx:dy:)``, ``positionRadians(order:index:dx:dy:)``
/// - ``vertices(order:index:)``, ``verticesRadians(order:index:)`` (S, E, N, W)
/// - ``boundary(order:index:step:)``, ``boundaryRadians(order:index:step:)``
/// - ``projectRadians(lon:lat:)``, ``unprojectRadians(x:y:)``: the plane.
///
/// Adjacency:
/// - ``Direction`` (S, SE, E, SW, NE, W, NW, N), ``Neighbours``,
///   ``neighbours(order:index:)``, ``neighbour(order:index:direction:)``
/// - ``externalNeighbours(order:index:deltaOrder:)`` → ``ExternalNeighbours``
///   (`.all` is hats' margin ring).
///
/// Sizes: ``nside(order:)``, ``pixelCount(order:)``, ``pixelArea(order:)``,
/// ``pixelAreaDegrees(order:)``, ``resolution(order:)`` (+ `Degrees`,
/// `Arcsec`), ``order2mindist(_:)`` (arcmin), ``margin2order(marginThresholdArcsec:)``,
/// ``avgsize2order(_:)``, ``maxCenterToVertexDistance(order:)``.
///
/// Sphere: ``unitVector(lon:lat:)``, ``lonLat(of:)``, ``angle(between:and:)``,
/// ``angularSeparation(lon1:lat1:lon2:lat2:)`` and a batch form.
///
/// ``HealpixPixel`` wraps `(order, index)` with parent/children/ranges.
/// Module-internal helpers for coverage code: `encode`/`decode` (face,
/// i, j), `neighbour(order:face:i:j:di:dj:)`, `projectedCenter`,
/// `unproject(x:y:)`, `projectInBaseCell(lon:lat:)`, `hashUnchecked`.
public enum Healpix {
    /// The deepest order HATS uses (`_healpix_29`).
    public static let maxOrder = 29
}
