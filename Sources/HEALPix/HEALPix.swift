/// Nested-scheme HEALPix for HATS: hashing, pixel geometry, neighbours,
/// coverage of sky regions and multi-order coverage maps (MOCs).
///
/// `Healpix` is the namespace for the free functions of the scheme.
public enum Healpix {
    /// The deepest order HATS uses (`_healpix_29`).
    public static let maxOrder = 29
}
