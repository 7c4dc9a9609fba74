/// LSDB: lazy analysis of HATS catalogs.
///
/// A ``Catalog`` names partitions of a HATS catalog and the operations to run
/// on them (column selection, spatial searches, queries, user functions).
/// Nothing is read until the catalog is computed, streamed, or written.
public enum LSDB {
    /// The name of the spatial index column HATS catalogs carry.
    public static let healpixColumn = "_healpix_29"
}
