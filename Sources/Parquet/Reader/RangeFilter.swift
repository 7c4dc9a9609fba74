import Columnar

/// A predicate on one sorted integer column: keep rows whose value lies in any of `ranges`.
///
/// Used for pruning only. Row groups whose statistics, and pages whose page-index bounds, cannot
/// intersect a range are skipped; the rows that remain still need exact filtering by the caller.
/// For HEALPix searches the column is `_healpix_29` and the ranges are the search's pixel ranges
/// at order 29.
public struct RangeFilter: Sendable, Hashable {
    /// The (top-level, INT64 or INT32) column the ranges apply to.
    public var column: String
    /// Half-open value ranges; a value matches if any range contains it.
    public var ranges: [Range<Int64>]

    /// Creates a filter.
    public init(column: String, ranges: [Range<Int64>]) {
        self.column = column
        self.ranges = ranges
    }

    /// Whether some value in `lo...hi` may match.
    public func mayIntersect(_ lo: Int64, _ hi: Int64) -> Bool {
        ranges.contains { !$0.isEmpty && $0.lowerBound <= hi && $0.upperBound > lo }
    }
}

/// Which bytes to read for selected pages of one chunk, and which rows they hold.
struct PagePlan {
    var byteRanges: [Range<Int>]
    var segments: [Range<Int64>]
    var decodedRows: Int
}

extension ParquetFileReader {
    /// The page index of one column chunk, when the file has one.
    public func pageIndex(rowGroup: Int, column leaf: Int) throws -> (ColumnIndex?, OffsetIndex?) {
        guard rowGroups.indices.contains(rowGroup), schema.leaves.indices.contains(leaf) else {
            throw ParquetError(.invalidArgument, "no row group \(rowGroup) or leaf \(leaf)", file: name)
        }
        let chunk = rowGroups[rowGroup].columns[leaf]
        do {
            let columnIndex: ColumnIndex? = try readIndex(offset: chunk.columnIndexOffset, length: chunk.columnIndexLength)
            let offsetIndex: OffsetIndex? = try readIndex(offset: chunk.offsetIndexOffset, length: chunk.offsetIndexLength)
            return (columnIndex, offsetIndex)
        } catch let error as ParquetError {
            throw error.context(file: name, column: schema.leaves[leaf].dottedPath)
        }
    }

    private func readIndex<T: ThriftDecodable>(offset: Int64?, length: Int32?) throws -> T? {
        guard let offset, let length, length > 0, offset >= 0, let start = Int(exactly: offset) else { return nil }
        guard start <= source.size - Int(length) else {
            throw ParquetError(.outOfBounds, "page index at \(offset)+\(length) lies outside the \(source.size)-byte file")
        }
        let bytes = try source.read(start..<(start + Int(length)))
        return try bytes.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw)
            return try T(thrift: &reader)
        }
    }

    /// The rows of a row group that may match `filter`: `nil` to skip the group, else sorted
    /// disjoint row ranges (the whole group without a page index).
    func selectRows(rowGroup g: Int, filter: RangeFilter) throws -> [Range<Int64>]? {
        guard let leaf = schema.leaf(dottedPath: filter.column),
              leaf.physicalType == .int64 || leaf.physicalType == .int32, leaf.maxRepetitionLevel == 0 else {
            throw ParquetError(.invalidArgument, "filter column '\(filter.column)' is not a flat integer column",
                               file: name, column: filter.column)
        }
        let group = rowGroups[g]
        if group.numRows == 0 { return nil }
        if let bounds = int64Statistics(rowGroup: g, column: filter.column),
           !filter.mayIntersect(bounds.lowerBound, bounds.upperBound) {
            return nil
        }
        let all = [0..<group.numRows]
        guard options.usePageIndex else { return all }
        let (columnIndex, offsetIndex) = try pageIndex(rowGroup: g, column: leaf.leafIndex)
        guard let columnIndex, let offsetIndex, columnIndex.nullPages.count == offsetIndex.pageLocations.count else {
            return all
        }
        let pages = try pageRows(offsetIndex, rowCount: group.numRows)
        let width = leaf.physicalType == .int64 ? 8 : 4
        var kept: [Range<Int64>] = []
        for (i, rows) in pages.enumerated() where !columnIndex.nullPages[i] {
            if let lo = Self.decodeInteger(columnIndex.minValues[i], width: width),
               let hi = Self.decodeInteger(columnIndex.maxValues[i], width: width),
               !filter.mayIntersect(lo, hi) {
                continue
            }
            if let last = kept.last, last.upperBound == rows.lowerBound {
                kept[kept.count - 1] = last.lowerBound..<rows.upperBound
            } else {
                kept.append(rows)
            }
        }
        return kept.isEmpty ? nil : kept
    }

    static func decodeInteger(_ bytes: [UInt8], width: Int) -> Int64? {
        guard bytes.count == width else { return nil }
        return bytes.withUnsafeBytes { raw in
            width == 8 ? Int64(littleEndian: raw.loadUnaligned(as: Int64.self))
                       : Int64(Int32(littleEndian: raw.loadUnaligned(as: Int32.self)))
        }
    }

    /// The row range of every page in an offset index, validated.
    func pageRows(_ index: OffsetIndex, rowCount: Int64) throws -> [Range<Int64>] {
        var out: [Range<Int64>] = []
        let locations = index.pageLocations
        for (i, page) in locations.enumerated() {
            let end = i + 1 < locations.count ? locations[i + 1].firstRowIndex : rowCount
            guard page.firstRowIndex >= 0, page.firstRowIndex <= end, end <= rowCount,
                  i > 0 || page.firstRowIndex == 0 else {
                throw ParquetError(.corruptMetadata, "offset index rows are not increasing within the row group")
            }
            out.append(page.firstRowIndex..<end)
        }
        return out
    }

    /// Plans the reads for the pages of one leaf that hold any of `rows`; `nil` without an offset index.
    func pagePlan(leaf: Int, group: RowGroup, rowCount: Int, rows: [Range<Int64>]) throws -> PagePlan? {
        let chunk = group.columns[leaf]
        guard chunk.filePath == nil, let meta = chunk.metaData, let chunkRange = meta.byteRange else { return nil }
        let offsetIndex: OffsetIndex?
        do { offsetIndex = try readIndex(offset: chunk.offsetIndexOffset, length: chunk.offsetIndexLength) } catch let error as ParquetError {
            throw error.context(file: name, column: schema.leaves[leaf].dottedPath)
        }
        guard let offsetIndex, let first = offsetIndex.pageLocations.first else { return nil }
        let pages = try pageRows(offsetIndex, rowCount: Int64(rowCount))
        var byteRanges: [Range<Int>] = []
        let size = Int64(source.size)
        if first.offset > chunkRange.lowerBound {
            guard first.offset <= size else { throw ParquetError(.outOfBounds, "page offset past the end of the file") }
            byteRanges.append(Int(chunkRange.lowerBound)..<Int(first.offset))
        }
        var segments: [Range<Int64>] = []
        for (i, page) in offsetIndex.pageLocations.enumerated()
        where rows.contains(where: { $0.overlaps(pages[i]) }) {
            guard page.offset >= 0, page.compressedPageSize >= 0, page.offset <= size - Int64(page.compressedPageSize) else {
                throw ParquetError(.outOfBounds, "page \(i) at \(page.offset)+\(page.compressedPageSize) lies outside the file")
            }
            let bytes = Int(page.offset)..<Int(page.offset + Int64(page.compressedPageSize))
            if let last = byteRanges.last, last.upperBound == bytes.lowerBound {
                byteRanges[byteRanges.count - 1] = last.lowerBound..<bytes.upperBound
            } else {
                byteRanges.append(bytes)
            }
            if let last = segments.last, last.upperBound == pages[i].lowerBound {
                segments[segments.count - 1] = last.lowerBound..<pages[i].upperBound
            } else {
                segments.append(pages[i])
            }
        }
        let decoded = segments.reduce(0) { $0 + Int($1.count) }
        return PagePlan(byteRanges: byteRanges, segments: segments, decodedRows: decoded)
    }
}
