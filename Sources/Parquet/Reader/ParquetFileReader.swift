import Columnar

/// Options for reading.
public struct ReadOptions: Sendable {
    /// The most columns decoded at once within one row group (1 = serial). Default: the core count.
    public var concurrency: Int
    /// Bounds on page sizes and value counts, against hostile files.
    public var limits: ReadLimits
    /// Use the page index (when the file has one) to skip pages under a `RangeFilter`.
    public var usePageIndex: Bool

    /// Creates options.
    public init(concurrency: Int = defaultConcurrency, limits: ReadLimits = ReadLimits(), usePageIndex: Bool = true) {
        self.concurrency = Swift.max(1, concurrency)
        self.limits = limits
        self.usePageIndex = usePageIndex
    }

    /// The number of active processors.
    public static var defaultConcurrency: Int { ProcessInfoShim.activeProcessorCount }
}

/// A Parquet file opened for reading: its footer, schema and row groups, and methods that decode
/// columns into `Columnar` tables.
///
/// The reader is an immutable value: it is `Sendable` and every method may be called from
/// several threads at once (to read several row groups or files in parallel).
///
///     let reader = try ParquetFileReader(path: "Npix=11.parquet")
///     let table = try reader.read(columns: ["_healpix_29", "ra", "dec"])
public struct ParquetFileReader: Sendable {
    /// The name used in error messages (usually the path).
    public let name: String
    /// Where the bytes come from.
    public let source: any ByteSource
    /// The decoded footer.
    public let metadata: FileMetaData
    /// The schema tree, its leaves and the equivalent `Columnar` schema.
    public let schema: ParquetSchema
    /// Reading options.
    public let options: ReadOptions
    /// The directory that `ColumnChunk.filePath` values are relative to (the file's own directory
    /// when opened by path).
    public let baseDirectory: String?
    let shapes: [ColumnShape]

    /// The number of rows declared by the footer.
    public var numRows: Int64 { metadata.numRows }
    /// The row groups.
    public var rowGroups: [RowGroup] { metadata.rowGroups }
    /// The `Columnar` schema of a full read.
    public var columnarSchema: Columnar.Schema { schema.columnarSchema }

    /// Opens a file from a byte source, reading and decoding its footer.
    ///
    /// - Parameters:
    ///   - source: the bytes.
    ///   - name: the name shown in errors (a path or URL).
    ///   - baseDirectory: the directory `ColumnChunk.filePath` values are relative to.
    /// - Throws: `ParquetError` naming the file: `.truncated`, `.badMagic`, `.outOfBounds`,
    ///   `.corruptMetadata`, or `.unsupported` (encrypted files).
    public init(source: any ByteSource, name: String, baseDirectory: String? = nil, options: ReadOptions = ReadOptions()) throws {
        self.name = name
        self.source = source
        self.options = options
        self.baseDirectory = baseDirectory
        do {
            metadata = try Self.readFooter(source)
            schema = try ParquetSchema(elements: metadata.schema, keyValueMetadata: metadata.keyValueMetadata)
            shapes = try schema.root.children.map { try ColumnShape($0) }
            try Self.validate(metadata, schema)
        } catch let error as ParquetError {
            throw error.context(file: name)
        }
    }

    /// Opens a local file.
    ///
    /// - Parameter mapped: map the file into memory instead of reading ranges with `pread`.
    public init(path: String, mapped: Bool = false, options: ReadOptions = ReadOptions()) throws {
        let source = try LocalFileSource(path: path, mapped: mapped)
        let directory: String
        if let slash = path.lastIndex(of: "/") { directory = String(path[..<slash]) } else { directory = "." }
        try self.init(source: source, name: path, baseDirectory: directory.isEmpty ? "/" : directory, options: options)
    }

    /// How many bytes at the end of a file are read at once, hoping to get the whole footer
    /// (Arrow's default): one request for most files, two for those with larger footers.
    public static let footerReadSize = 64 * 1024

    /// Reads and decodes the footer of `source`.
    static func readFooter(_ source: any ByteSource) throws -> FileMetaData {
        let size = source.size
        guard size >= 12 else { throw ParquetError(.truncated, "file of \(size) bytes is too short for Parquet") }
        let tailLength = Swift.min(size, footerReadSize)
        let tail = try source.read((size - tailLength)..<size)
        let (length, magic) = tail.withUnsafeBytes { raw in
            (Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: tailLength - 8, as: UInt32.self))),
             Array(raw[(tailLength - 4)..<tailLength]))
        }
        if magic == Array("PARE".utf8) {
            throw ParquetError(.unsupported, "encrypted Parquet files (footer magic PARE) are not supported")
        }
        guard magic == Array("PAR1".utf8) else {
            throw ParquetError(.badMagic, "file does not end with the Parquet magic PAR1")
        }
        let head = tailLength == size ? tail.slice(byteOffset: 0, byteCount: 4) : try source.read(0..<4)
        guard head.withUnsafeBytes({ Array($0) }) == Array("PAR1".utf8) else {
            throw ParquetError(.badMagic, "file does not start with the Parquet magic PAR1")
        }
        guard length <= size - 12 else {
            throw ParquetError(.truncated, "footer length \(length) exceeds the \(size)-byte file")
        }
        let footer = length + 8 <= tailLength
            ? tail.slice(byteOffset: tailLength - 8 - length, byteCount: length)
            : try source.read((size - 8 - length)..<(size - 8))
        let metadata = try footer.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw)
            return try FileMetaData(thrift: &reader)
        }
        if metadata.isEncrypted {
            throw ParquetError(.unsupported, "encrypted Parquet files are not supported")
        }
        return metadata
    }

    private static func validate(_ metadata: FileMetaData, _ schema: ParquetSchema) throws {
        guard metadata.numRows >= 0 else { throw ParquetError(.corruptMetadata, "negative row count") }
        for (index, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == schema.leaves.count else {
                throw ParquetError(.corruptMetadata,
                                   "row group \(index) has \(group.columns.count) column chunks, the schema \(schema.leaves.count) leaves")
            }
            guard group.numRows >= 0, group.numRows <= Int64(Int32.max) * 64 else {
                throw ParquetError(.corruptMetadata, "row group \(index) declares \(group.numRows) rows")
            }
        }
    }

    /// The path of the file holding row group `index`'s data, resolved against `baseDirectory`,
    /// when the footer says it lives in another file (`_metadata` files); `nil` for this file.
    public func dataFilePath(rowGroup index: Int) -> String? {
        guard rowGroups.indices.contains(index), let relative = rowGroups[index].columns.first?.filePath else { return nil }
        if relative.hasPrefix("/") { return relative }
        guard let base = baseDirectory else { return relative }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    /// Where each row group's data lives: the resolved data-file path (`nil` for this file) and the
    /// row group's position within that file, counting the earlier row groups that name the same
    /// file (the order `_metadata` lists them in).
    public func rowGroupLocations() -> [(path: String?, rowGroupInFile: Int)] {
        var seen: [String: Int] = [:]
        return rowGroups.indices.map { index in
            guard let path = dataFilePath(rowGroup: index) else { return (nil, index) }
            let position = seen[path, default: 0]
            seen[path] = position + 1
            return (path, position)
        }
    }

    /// The minimum and maximum of an integer (INT32 or INT64, signed) column in a row group, from
    /// the chunk statistics; `nil` when absent or unusable.
    public func int64Statistics(rowGroup index: Int, column: String) -> ClosedRange<Int64>? {
        guard rowGroups.indices.contains(index), let leaf = schema.leaf(dottedPath: column),
              let meta = rowGroups[index].columns[leaf.leafIndex].metaData,
              let stats = meta.statistics else { return nil }
        var signed = true
        if case .integer(_, false)? = leaf.element.logicalType { signed = false }
        if [.uint8, .uint16, .uint32, .uint64].contains(leaf.element.convertedType) { signed = false }
        guard signed else { return nil }
        let width: Int
        switch leaf.physicalType {
        case .int64: width = 8
        case .int32: width = 4
        default: return nil
        }
        func decode(_ bytes: [UInt8]?) -> Int64? {
            guard let bytes, bytes.count == width else { return nil }
            return bytes.withUnsafeBytes { raw in
                width == 8 ? Int64(littleEndian: raw.loadUnaligned(as: Int64.self))
                           : Int64(Int32(littleEndian: raw.loadUnaligned(as: Int32.self)))
            }
        }
        guard let lo = decode(stats.minValue) ?? decode(stats.min),
              let hi = decode(stats.maxValue) ?? decode(stats.max), lo <= hi else { return nil }
        return lo...hi
    }
}
