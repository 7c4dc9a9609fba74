import Foundation
import HEALPix

extension PartitionInfo {
    /// Names under `dataset/` that are never partitions (hats' `ignore_prefixes`).
    static let ignoredPrefixes = [HATSPaths.commonMetadataFile, HATSPaths.metadataFile, "data_thumbnail"]

    /// Finds the partitions of a catalog without `partition_info.csv`, as hats
    /// does: every file under `dataset/` whose path holds `Norder=K…Npix=N` is a
    /// partition. This covers both `Norder=K/Dir=D/Npix=N.parquet` and the
    /// directory layout `Norder=K/Dir=D/Npix=N/<any>.parquet`; other files and
    /// anything under a name starting with `_common_metadata`, `_metadata` or
    /// `data_thumbnail` are ignored.
    ///
    /// - Throws: ``HATSError`` (`notFound`) when there is no `dataset/` directory.
    public init(listingCatalogDirectory directory: String) throws(HATSError) {
        let dataset = HATSPaths.join(directory, HATSPaths.datasetDirectory)
        guard FileIO.isDirectory(dataset) else {
            throw .notFound(directory, "no partition_info.csv and no dataset/ directory to list partitions from")
        }
        var pixels = Set<HealpixPixel>()
        let enumerator = FileManager.default.enumerator(atPath: dataset)
        while let relative = enumerator?.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { c in PartitionInfo.ignoredPrefixes.contains { c.hasPrefix($0) } }) {
                continue
            }
            guard FileIO.isFile(HATSPaths.join(dataset, relative)),
                  let pixel = HATSPaths.pixel(fromPath: relative)
            else { continue }
            pixels.insert(pixel)
        }
        self.init(pixels: Array(pixels))
    }
}
