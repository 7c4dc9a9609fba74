import Columnar

/// Metadata-only Parquet files, as pyarrow's `write_metadata` and HATS datasets use them:
/// `_common_metadata` (the schema, no row groups) and `_metadata` (every data file's row groups,
/// each column chunk naming its file in `file_path`).
///
///     let footers: [(path: String, metadata: FileMetaData)] = ...   // from ParquetWriter.close()
///     try ParquetMetadataFile.write(ParquetMetadataFile.common(from: footers[0].metadata),
///                                   to: "dataset/_common_metadata")
///     try ParquetMetadataFile.write(ParquetMetadataFile.merged(footers), to: "dataset/_metadata")
public enum ParquetMetadataFile {
    /// The bytes after the data: the Thrift footer, its u32 length, and `PAR1`.
    public static func footer(_ metadata: FileMetaData) -> [UInt8] {
        var bytes = ThriftCompactWriter.encode(metadata)
        let length = UInt32(bytes.count)
        withUnsafeBytes(of: length.littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array("PAR1".utf8))
        return bytes
    }

    /// A complete metadata-only file: `PAR1`, then the footer.
    public static func serialize(_ metadata: FileMetaData) -> [UInt8] {
        Array("PAR1".utf8) + footer(metadata)
    }

    /// Writes a metadata-only file atomically.
    public static func write(_ metadata: FileMetaData, to path: String) throws {
        try AtomicFile.write(serialize(metadata), to: path)
    }

    /// `_common_metadata` for files like `metadata`: the same schema, key/value metadata, creator
    /// and column orders, with 0 rows and no row groups.
    public static func common(from metadata: FileMetaData) -> FileMetaData {
        var copy = metadata
        copy.rowGroups = []
        copy.numRows = 0
        return copy
    }

    /// `_common_metadata` for tables of `schema` written with `options`.
    public static func common(schema: Schema, options: ParquetWriteOptions = .hats) throws -> FileMetaData {
        let layout = try WriterSchema(schema)
        return FileMetaData(
            version: 2, schema: layout.elements, numRows: 0, rowGroups: [],
            keyValueMetadata: options.fileKeyValueMetadata(schema: schema),
            createdBy: options.createdBy,
            columnOrders: options.writeStatistics ? Array(repeating: .typeDefinedOrder, count: layout.leaves.count) : nil)
    }

    /// `_metadata`: the row groups of every file in order, with `file_path` set to its path
    /// (relative to the directory holding `_metadata`, e.g. `Norder=0/Dir=0/Npix=1.parquet`) on
    /// every column chunk. Offsets (data pages, page index) still refer to that file.
    ///
    /// - Throws: `ParquetError(.invalidArgument)` when the files' schemas differ or the list is empty.
    public static func merged(_ files: [(path: String, metadata: FileMetaData)]) throws -> FileMetaData {
        guard var result = files.first?.metadata else {
            throw ParquetError(.invalidArgument, "_metadata needs at least one file's metadata")
        }
        result.rowGroups = []
        result.numRows = 0
        for (path, metadata) in files {
            guard metadata.schema == result.schema else {
                throw ParquetError(.invalidArgument, "schema differs from the first file's", file: path)
            }
            for var group in metadata.rowGroups {
                for c in group.columns.indices { group.columns[c].filePath = path }
                group.ordinal = nil
                result.rowGroups.append(group)
            }
            result.numRows += metadata.numRows
        }
        return result
    }
}
