import Columnar

/// How `ParquetWriter` lays out, encodes and compresses a file.
///
/// Two presets mirror the Python tools:
///
///     ParquetWriteOptions.pyarrowDefault   // pq.write_table defaults: SNAPPY, dictionaries, 20k-row pages
///     ParquetWriteOptions.hats             // hats-import 0.11.1: ZSTD 15, BYTE_STREAM_SPLIT floats,
///                                          // DELTA _healpix_29, 128 KiB pages, page index
///
/// Every file gets data pages v1 (v2 on request), `column_orders` (TYPE_ORDER) when statistics are on, and no
/// `ARROW:schema` or `pandas` metadata: readers take types from the Parquet logical types, and a
/// wrong `ARROW:schema` would break pyarrow (see `parquet_brief.md` §6.1).
public struct ParquetWriteOptions: Sendable {
    /// A value encoding requested for a column.
    public enum ColumnEncoding: Sendable, Hashable {
        /// PLAIN, no dictionary.
        case plain
        /// A dictionary page plus RLE_DICTIONARY data pages, falling back to PLAIN once the
        /// dictionary outgrows `dictionaryPageSizeLimit`.
        case dictionary
        /// DELTA_BINARY_PACKED (INT32 and INT64 columns).
        case deltaBinaryPacked
        /// BYTE_STREAM_SPLIT (fixed-width columns).
        case byteStreamSplit
        /// DELTA_LENGTH_BYTE_ARRAY (byte-array columns).
        case deltaLengthByteArray
        /// DELTA_BYTE_ARRAY (byte-array columns).
        case deltaByteArray
    }

    /// The data page format.
    public enum DataPageVersion: Sendable, Hashable {
        /// DATA_PAGE: levels with length prefixes, the whole body compressed (pyarrow's default).
        case v1
        /// DATA_PAGE_V2: uncompressed levels without prefixes, then the (maybe compressed) values;
        /// booleans RLE-encoded.
        case v2
    }

    /// The data page format (v1 unless asked; HATS files use v1).
    public var dataPageVersion: DataPageVersion = .v1
    /// The page compression codec (UNCOMPRESSED, SNAPPY, GZIP, ZSTD or LZ4_RAW).
    public var compression: CompressionCodec = .snappy
    /// The codec level (ZSTD 1...22, GZIP 1...9); nil for the codec's default.
    public var compressionLevel: Int?
    /// How many columns may be encoded, and pages compressed, at once (nil: one per processor).
    /// Output bytes do not depend on it.
    public var concurrency: Int?
    /// The largest number of rows in one row group; a table is split into row groups of this size.
    public var rowGroupSize: Int = 1_048_576
    /// The target size of a data page's encoded values, in bytes.
    public var dataPageSize: Int = 1 << 20
    /// The largest number of rows in one data page.
    public var maxRowsPerPage: Int = 20_000
    /// The dictionary size (PLAIN bytes) past which later pages of the chunk fall back to PLAIN.
    public var dictionaryPageSizeLimit: Int = 1 << 20
    /// Whether columns without an explicit encoding use a dictionary (all types but BOOLEAN).
    public var useDictionary: Bool = true
    /// Whether float and double columns without an explicit encoding use BYTE_STREAM_SPLIT
    /// (and no dictionary).
    public var byteStreamSplitFloats: Bool = false
    /// Encodings for particular top-level columns, by name; they override the defaults above.
    public var columnEncodings: [String: ColumnEncoding] = [:]
    /// Whether to write chunk statistics (and page-header or page-index statistics).
    public var writeStatistics: Bool = true
    /// Whether to write the page index (ColumnIndex and OffsetIndex) before the footer.
    public var writePageIndex: Bool = false
    /// Whether page headers carry a CRC-32 of the stored page body (parquet-java does by default;
    /// pyarrow can verify it with `page_checksum_verification=True`).
    public var writePageChecksums: Bool = false
    /// Columns declared as the row groups' `sorting_columns` (ascending, nulls last), by name.
    /// A numeric column is checked per row group and left out where it is not actually sorted.
    public var sortingColumnNames: [String] = []
    /// The `created_by` string.
    public var createdBy: String = "lsdb-swift version 0.1.0"
    /// File-level key/value metadata, written first.
    public var keyValueMetadata: [KeyValue] = []
    /// Whether the table schema's metadata follows (sorted by key, keys already given above
    /// skipped). `ARROW:schema` and `pandas` are never copied: they would describe another layout.
    public var writeSchemaMetadata: Bool = true

    /// Creates options with pyarrow's defaults.
    public init() {}

    /// `pq.write_table` defaults (pyarrow 26): SNAPPY, dictionary encoding with PLAIN fallback at
    /// 1 MiB, 1 MiB / 20,000-row pages, 1Mi-row row groups, statistics, no page index.
    public static let pyarrowDefault = ParquetWriteOptions()

    /// What hats-import 0.11.1 writes for partition files: ZSTD level 15, BYTE_STREAM_SPLIT for
    /// floats, DELTA_BINARY_PACKED `_healpix_29` declared as the sort column, dictionaries
    /// elsewhere, 128 KiB pages and dictionary limit, statistics and a page index.
    public static let hats: ParquetWriteOptions = {
        var options = ParquetWriteOptions()
        options.compression = .zstd
        options.compressionLevel = 15
        options.dataPageSize = 128 * 1024
        options.dictionaryPageSizeLimit = 128 * 1024
        options.byteStreamSplitFloats = true
        options.columnEncodings = ["_healpix_29": .deltaBinaryPacked]
        options.sortingColumnNames = ["_healpix_29"]
        options.writePageIndex = true
        return options
    }()

    /// The footer's key/value list for tables of `schema`; nil when empty.
    func fileKeyValueMetadata(schema: Schema) -> [KeyValue]? {
        var result = keyValueMetadata
        if writeSchemaMetadata {
            for key in schema.metadata.keys.sorted() where key != "ARROW:schema" && key != "pandas" {
                if !result.contains(where: { $0.key == key }) {
                    result.append(KeyValue(key: key, value: schema.metadata[key]))
                }
            }
        }
        return result.isEmpty ? nil : result
    }

    /// The encoding for a leaf of `type` in top-level column `name`.
    func encoding(forColumn name: String, type: LeafType) -> ColumnEncoding {
        if let explicit = columnEncodings[name], Self.supports(explicit, type.physical) { return explicit }
        if byteStreamSplitFloats && (type.physical == .float || type.physical == .double) { return .byteStreamSplit }
        if useDictionary && type.physical != .boolean && (type.storedWidth ?? 0) <= 8 { return .dictionary }
        return .plain
    }

    /// Whether `encoding` can store `physical` values.
    static func supports(_ encoding: ColumnEncoding, _ physical: PhysicalType) -> Bool {
        switch encoding {
        case .plain: true
        case .dictionary: physical != .boolean && physical != .int96
        case .deltaBinaryPacked: physical == .int32 || physical == .int64
        case .byteStreamSplit: [.int32, .int64, .float, .double, .fixedLenByteArray].contains(physical)
        case .deltaLengthByteArray, .deltaByteArray: physical == .byteArray
        }
    }
}
