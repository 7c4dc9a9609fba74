import Columnar
import Parquet

extension CatalogMetadata {
    /// The catalog's column schema, from `dataset/_common_metadata`, or else
    /// the footer of `dataset/_metadata` (as hats reads it; no data is read).
    ///
    /// - Throws: ``HATSError`` naming the file when neither exists or one cannot be decoded.
    public func loadSchema() throws(HATSError) -> Schema {
        let dataset = HATSPaths.join(path, HATSPaths.datasetDirectory)
        for name in [HATSPaths.commonMetadataFile, HATSPaths.metadataFile] {
            let file = HATSPaths.join(dataset, name)
            guard FileIO.isFile(file) else { continue }
            do {
                return try ParquetFileReader(path: file).columnarSchema
            } catch {
                throw HATSError(.io, path: file, "cannot read the schema: \(error)")
            }
        }
        throw HATSError(.notFound, path: dataset,
                        "the catalog schema could not be loaded: no _common_metadata or _metadata file")
    }
}
