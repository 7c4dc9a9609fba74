import CZlib

/// One column chunk encoded in memory: dictionary page (if any) then data pages, with the
/// metadata whose offsets are relative to the chunk's first byte until `place(at:)` fixes them.
struct EncodedChunk: Sendable {
    /// The chunk's byte pieces in file order (page headers and page bodies), written one after another.
    var pieces: [[UInt8]]
    var metaData: ColumnMetaData
    var pageLocations: [PageLocation]
    var columnIndex: ColumnIndex?
    /// Per page, the byte-array value bytes before encoding (BYTE_ARRAY leaves only).
    var pageUnencodedBytes: [Int64]?

    /// Moves every offset by `fileOffset`, the position of the chunk's first byte in the file.
    mutating func place(at fileOffset: Int64) {
        metaData.dataPageOffset += fileOffset
        if let d = metaData.dictionaryPageOffset { metaData.dictionaryPageOffset = d + fileOffset }
        for i in pageLocations.indices { pageLocations[i].offset += fileOffset }
    }
}

/// A data page to write: its level entries, values and rows.
struct PageSpan {
    var levels: Range<Int>
    var values: Range<Int>
    var firstRow: Int
}

/// Encodes one leaf of one row group into pages.
struct ColumnChunkEncoder {
    let leaf: WriterLeaf
    let options: ParquetWriteOptions
    let data: LeafData

    /// Splits the chunk into pages at row boundaries, by rows and estimated value bytes.
    func pageSpans(encoding: ParquetWriteOptions.ColumnEncoding) -> [PageSpan] {
        let maxRows = max(1, options.maxRowsPerPage)
        let limit = max(1, options.dataPageSize)
        let valueCost: Int
        switch (encoding, data.values) {
        case (.dictionary, _): valueCost = 0
        case (.deltaBinaryPacked, .fixed(let width, _, _)): valueCost = width / 2
        case (_, .fixed(let width, _, _)): valueCost = width
        case (_, .booleans): valueCost = 0
        case (_, .byteArrays): valueCost = 4
        }
        var offsets: [Int64]?
        if case .byteArrays(let o, _) = data.values, encoding != .dictionary { offsets = o }
        let def = data.definitionLevels
        let rep = data.repetitionLevels
        let maxDef = UInt8(leaf.maxDefinitionLevel)
        var spans: [PageSpan] = []
        var levelStart = 0
        var valueStart = 0
        var valueIndex = 0
        var rowsInPage = 0
        var bytesInPage = 0
        var row = 0
        var firstRow = 0
        for i in 0..<data.levelCount {
            let startsRow = rep == nil || rep![i] == 0
            if startsRow {
                if rowsInPage > 0 && (rowsInPage >= maxRows || bytesInPage >= limit) {
                    spans.append(PageSpan(levels: levelStart..<i, values: valueStart..<valueIndex, firstRow: firstRow))
                    levelStart = i
                    valueStart = valueIndex
                    firstRow = row
                    rowsInPage = 0
                    bytesInPage = 0
                }
                rowsInPage += 1
                row += 1
            }
            if def == nil || def![i] == maxDef {
                bytesInPage += valueCost
                if let offsets { bytesInPage += Int(offsets[valueIndex + 1] - offsets[valueIndex]) }
                valueIndex += 1
            }
        }
        spans.append(PageSpan(levels: levelStart..<data.levelCount, values: valueStart..<valueIndex, firstRow: firstRow))
        return spans
    }

    /// Encodes the chunk.
    func encode() throws -> EncodedChunk {
        var encoding = options.encoding(forColumn: leaf.name, type: leaf.type)
        if encoding == .dictionary, let width = leaf.type.storedWidth, width > 8 { encoding = .plain }
        let spans = pageSpans(encoding: encoding)
        var dictionary: DictionaryBuilder?
        if encoding == .dictionary {
            if case .byteArrays = data.values {
                dictionary = DictionaryBuilder(kind: .byteArray)
            } else if case .fixed(let width, _, _) = data.values {
                dictionary = DictionaryBuilder(kind: .fixed(width: width))
            }
        }
        var pagePieces: [[UInt8]] = []
        var pagesSize = 0
        var locations: [PageLocation] = []
        var pageEncodings: [Encoding] = []
        var pageBounds: [ValueBounds?] = []
        var pageNulls: [Int64] = []
        var indices: [UInt32] = []
        var bodies: [[UInt8]] = []
        bodies.reserveCapacity(spans.count)
        var pageLevels: [PageLevels] = []
        let v2 = options.dataPageVersion == .v2
        var dictionaryPages = 0
        let statistics = options.writeStatistics
        let order = leaf.type.sortOrder
        for span in spans {
            var body: [UInt8] = []
            var levels = PageLevels()
            if v2 {
                levels = encodeLevelsV2(span)
            } else {
                if let rep = data.repetitionLevels {
                    rep[span.levels].withUnsafeBufferPointer {
                        RLEHybrid.encodeLengthPrefixed($0, bitWidth: bitsNeeded(UInt64(leaf.maxRepetitionLevel)), into: &body)
                    }
                }
                if let def = data.definitionLevels {
                    def[span.levels].withUnsafeBufferPointer {
                        RLEHybrid.encodeLengthPrefixed($0, bitWidth: bitsNeeded(UInt64(leaf.maxDefinitionLevel)), into: &body)
                    }
                }
            }
            pageLevels.append(levels)
            var pageEncoding: Encoding
            if dictionary != nil, dictionary!.plainByteSize <= options.dictionaryPageSizeLimit {
                indices.removeAll(keepingCapacity: true)
                indexValues(span.values, into: &dictionary!, indices: &indices)
                indices.withUnsafeBufferPointer {
                    DictionaryEncoding.encodeIndices($0, dictionaryCount: dictionary!.count, into: &body)
                }
                pageEncoding = .rleDictionary
                dictionaryPages += 1
            } else {
                pageEncoding = try encodeValues(span.values, encoding: encoding == .dictionary ? .plain : encoding,
                                                rleBooleans: v2, into: &body)
            }
            pageBounds.append(statistics ? ValueBounds.compute(data.values, range: span.values, order: order,
                                                               physical: leaf.type.physical) : nil)
            pageNulls.append(Int64(span.levels.count - span.values.count))
            pageEncodings.append(pageEncoding)
            bodies.append(body)
        }
        let compressedPages = try PageCompressor(options: options).compress(bodies)
        var uncompressedTotal = 0
        for (k, span) in spans.enumerated() {
            let headerStats = statistics && !options.writePageIndex
                ? makeStatistics(pageBounds[k], nullCount: pageNulls[k]) : nil
            var stored = compressedPages[k]
            try checkPageSize(pageLevels[k].bytes.count + max(bodies[k].count, stored.count))
            let header: PageHeader
            if v2 {
                let levels = pageLevels[k]
                // Values that do not shrink (or are absent) are stored uncompressed, as pyarrow does.
                let compressedValues = options.compression != .uncompressed && !bodies[k].isEmpty
                    && stored.count < bodies[k].count
                stored = levels.bytes + (compressedValues ? stored : bodies[k])
                let rows = (k + 1 < spans.count ? spans[k + 1].firstRow : data.rowCount) - span.firstRow
                header = PageHeader(
                    type: .dataPageV2, uncompressedPageSize: Int32(levels.bytes.count + bodies[k].count),
                    compressedPageSize: Int32(stored.count), crc: checksum(stored),
                    dataPageHeaderV2: DataPageHeaderV2(
                        numValues: Int32(span.levels.count), numNulls: Int32(pageNulls[k]), numRows: Int32(rows),
                        encoding: pageEncodings[k], definitionLevelsByteLength: Int32(levels.definitionLength),
                        repetitionLevelsByteLength: Int32(levels.repetitionLength), isCompressed: compressedValues,
                        statistics: headerStats))
            } else {
                header = PageHeader(
                    type: .dataPage, uncompressedPageSize: Int32(bodies[k].count), compressedPageSize: Int32(stored.count),
                    crc: checksum(stored),
                    dataPageHeader: DataPageHeader(numValues: Int32(span.levels.count), encoding: pageEncodings[k],
                                                   definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle,
                                                   statistics: headerStats))
            }
            let headerBytes = ThriftCompactWriter.encode(header)
            locations.append(PageLocation(offset: Int64(pagesSize),
                                          compressedPageSize: Int32(headerBytes.count + stored.count),
                                          firstRowIndex: Int64(span.firstRow)))
            pagePieces.append(headerBytes)
            pagePieces.append(stored)
            pagesSize += headerBytes.count + stored.count
            uncompressedTotal += headerBytes.count + pageLevels[k].bytes.count + bodies[k].count
        }
        bodies = []

        // The dictionary page goes first; data page offsets shift past it.
        var chunkPieces: [[UInt8]] = []
        var dictionarySize = 0
        var dictionaryOffset: Int64?
        var encodingStats: [PageEncodingStats] = []
        var encodings: [Encoding] = []
        if let dictionary, dictionaryPages > 0 {
            var body: [UInt8] = []
            dictionary.encodePlain(into: &body)
            let compressed = try PageCompressor(options: options).compress([body])[0]
            try checkPageSize(max(body.count, compressed.count))
            let header = PageHeader(
                type: .dictionaryPage, uncompressedPageSize: Int32(body.count), compressedPageSize: Int32(compressed.count),
                crc: checksum(compressed),
                dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(dictionary.count), encoding: .plain))
            let headerBytes = ThriftCompactWriter.encode(header)
            chunkPieces.append(headerBytes)
            chunkPieces.append(compressed)
            dictionarySize = headerBytes.count + compressed.count
            uncompressedTotal += headerBytes.count + body.count
            dictionaryOffset = 0
            encodingStats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
            encodings.append(.plain)
        }
        let shift = Int64(dictionarySize)
        for i in locations.indices { locations[i].offset += shift }
        chunkPieces.append(contentsOf: pagePieces)
        encodings.append(.rle)
        var dataEncodings: [Encoding] = []
        for e in pageEncodings where !dataEncodings.contains(e) { dataEncodings.append(e) }
        for e in dataEncodings {
            if !encodings.contains(e) { encodings.append(e) }
            let n = pageEncodings.filter { $0 == e }.count
            encodingStats.append(PageEncodingStats(pageType: .dataPage, encoding: e, count: Int32(n)))
        }

        var chunkBounds: ValueBounds?
        for b in pageBounds { chunkBounds = ValueBounds.merge(chunkBounds, b, order: order, physical: leaf.type.physical) }
        let nullTotal = Int64(data.levelCount - data.values.count)
        let metaData = ColumnMetaData(
            type: leaf.type.physical, encodings: encodings, pathInSchema: leaf.path, codec: options.compression,
            numValues: Int64(data.levelCount), totalUncompressedSize: Int64(uncompressedTotal),
            totalCompressedSize: Int64(dictionarySize + pagesSize), dataPageOffset: shift,
            dictionaryPageOffset: dictionaryOffset,
            statistics: statistics ? makeStatistics(chunkBounds, nullCount: nullTotal) : nil,
            encodingStats: encodingStats, sizeStatistics: sizeStatistics())
        let columnIndex = statistics && options.writePageIndex
            ? makeColumnIndex(spans: spans, bounds: pageBounds, nulls: pageNulls) : nil
        var pageBytes: [Int64]?
        if case .byteArrays(let offsets, _) = data.values {
            pageBytes = spans.map { offsets[$0.values.upperBound] - offsets[$0.values.lowerBound] }
        }
        return EncodedChunk(pieces: chunkPieces, metaData: metaData, pageLocations: locations, columnIndex: columnIndex,
                            pageUnencodedBytes: pageBytes)
    }

    /// The chunk's `SizeStatistics`: byte-array value bytes and level histograms (levels whose
    /// maximum is 0 have none).
    private func sizeStatistics() -> SizeStatistics {
        var stats = SizeStatistics()
        if case .byteArrays(let offsets, _) = data.values, let first = offsets.first, let last = offsets.last {
            stats.unencodedByteArrayDataBytes = last - first
        }
        func histogram(_ levels: [UInt8]?, max: Int) -> [Int64]? {
            guard max > 0 else { return nil }
            var counts = [Int64](repeating: 0, count: max + 1)
            if let levels {
                for level in levels where Int(level) <= max { counts[Int(level)] += 1 }
            }
            return counts
        }
        stats.repetitionLevelHistogram = histogram(data.repetitionLevels, max: leaf.maxRepetitionLevel)
        stats.definitionLevelHistogram = histogram(data.definitionLevels, max: leaf.maxDefinitionLevel)
        return stats
    }

    /// Levels of a v2 data page: repetition then definition levels, RLE without length prefixes.
    struct PageLevels {
        var bytes: [UInt8] = []
        var repetitionLength = 0
        var definitionLength = 0
    }

    private func encodeLevelsV2(_ span: PageSpan) -> PageLevels {
        var levels = PageLevels()
        if let rep = data.repetitionLevels {
            rep[span.levels].withUnsafeBufferPointer {
                RLEHybrid.encode($0, bitWidth: bitsNeeded(UInt64(leaf.maxRepetitionLevel)), into: &levels.bytes)
            }
            levels.repetitionLength = levels.bytes.count
        }
        if let def = data.definitionLevels {
            def[span.levels].withUnsafeBufferPointer {
                RLEHybrid.encode($0, bitWidth: bitsNeeded(UInt64(leaf.maxDefinitionLevel)), into: &levels.bytes)
            }
            levels.definitionLength = levels.bytes.count - levels.repetitionLength
        }
        return levels
    }

    /// Page sizes are i32 in the format; a page this large needs smaller page limits.
    private func checkPageSize(_ bytes: Int) throws {
        guard bytes < Int(Int32.max) - 4096 else {
            throw ParquetError(.invalidArgument, "a page of \(bytes) bytes exceeds the format's 2 GiB limit; lower maxRowsPerPage")
        }
    }

    /// The page CRC (zlib CRC-32 of the stored body, as a signed i32) when checksums are on.
    private func checksum(_ body: [UInt8]) -> Int32? {
        guard options.writePageChecksums else { return nil }
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        return Int32(bitPattern: UInt32(truncatingIfNeeded: crc))
    }

    /// Adds the page's values to the dictionary and appends their indices.
    private func indexValues(_ range: Range<Int>, into dictionary: inout DictionaryBuilder, indices: inout [UInt32]) {
        switch data.values {
        case .fixed(let width, _, _):
            data.values.withFixedBytes { raw in
                dictionary.index(fixed: UnsafeRawBufferPointer(rebasing: raw[(range.lowerBound * width)..<(range.upperBound * width)]),
                                 into: &indices)
            }
        case .byteArrays(let offsets, let bytes):
            bytes.withUnsafeBytes { dictionary.index(offsets: offsets, bytes: $0, range: range, into: &indices) }
        case .booleans:
            preconditionFailure("booleans are never dictionary-encoded")
        }
    }

    /// Appends the page's values in a non-dictionary encoding; returns the encoding written.
    private func encodeValues(
        _ range: Range<Int>, encoding: ParquetWriteOptions.ColumnEncoding, rleBooleans: Bool, into body: inout [UInt8]
    ) throws -> Encoding {
        switch data.values {
        case .booleans(let bools):
            if rleBooleans {
                bools[range].withUnsafeBufferPointer { RLEHybrid.encodeLengthPrefixed($0, bitWidth: 1, into: &body) }
                return .rle
            }
            bools[range].withUnsafeBufferPointer { PlainEncoding.encodeBooleans($0, into: &body) }
            return .plain
        case .byteArrays(let offsets, let bytes):
            return try bytes.withUnsafeBytes { raw in
                try offsets[range.lowerBound...range.upperBound].withUnsafeBufferPointer { o in
                    switch encoding {
                    case .deltaLengthByteArray:
                        try DeltaLengthByteArray.encode(offsets: o, bytes: raw, into: &body)
                        return .deltaLengthByteArray
                    case .deltaByteArray:
                        try DeltaByteArray.encode(offsets: o, bytes: raw, into: &body)
                        return .deltaByteArray
                    default:
                        try PlainEncoding.encodeByteArrays(offsets: o, bytes: raw, into: &body)
                        return .plain
                    }
                }
            }
        case .fixed(let width, _, _):
            return data.values.withFixedBytes { raw in
                let slice = UnsafeRawBufferPointer(rebasing: raw[(range.lowerBound * width)..<(range.upperBound * width)])
                switch encoding {
                case .byteStreamSplit:
                    ByteStreamSplit.encode(slice, width: width, into: &body)
                    return .byteStreamSplit
                case .deltaBinaryPacked where width == 8:
                    DeltaBinaryPacked.encode(UnsafeBufferPointer(start: slice.baseAddress?.assumingMemoryBound(to: Int64.self), count: slice.count / 8), into: &body)
                    return .deltaBinaryPacked
                case .deltaBinaryPacked where width == 4:
                    DeltaBinaryPacked.encode(UnsafeBufferPointer(start: slice.baseAddress?.assumingMemoryBound(to: Int32.self), count: slice.count / 4), into: &body)
                    return .deltaBinaryPacked
                default:
                    body.append(contentsOf: slice)
                    return .plain
                }
            }
        }
    }

    /// Chunk or page statistics: null count always; bounds (and the deprecated signed pair) when known.
    private func makeStatistics(_ bounds: ValueBounds?, nullCount: Int64) -> Statistics {
        var stats = Statistics(nullCount: nullCount)
        if let bounds {
            stats.minValue = bounds.min
            stats.maxValue = bounds.max
            stats.isMinValueExact = true
            stats.isMaxValueExact = true
            if leaf.type.sortOrder == .signed || leaf.type.sortOrder == .float {
                stats.min = bounds.min
                stats.max = bounds.max
            }
        }
        return stats
    }

    /// The ColumnIndex, or nil when a page with values has no bounds (all NaN, long binaries).
    private func makeColumnIndex(spans: [PageSpan], bounds: [ValueBounds?], nulls: [Int64]) -> ColumnIndex? {
        var nullPages: [Bool] = []
        var mins: [[UInt8]] = []
        var maxs: [[UInt8]] = []
        for (span, b) in zip(spans, bounds) {
            if span.values.isEmpty {
                nullPages.append(true)
                mins.append([])
                maxs.append([])
            } else {
                guard let b else { return nil }
                nullPages.append(false)
                mins.append(b.min)
                maxs.append(b.max)
            }
        }
        return ColumnIndex(nullPages: nullPages, minValues: mins, maxValues: maxs,
                           boundaryOrder: boundaryOrder(bounds.compactMap { $0 }), nullCounts: nulls)
    }

    private func boundaryOrder(_ bounds: [ValueBounds]) -> BoundaryOrder {
        guard bounds.count > 1 else { return .ascending }
        var ascending = true
        var descending = true
        let physical = leaf.type.physical
        let order = leaf.type.sortOrder
        func less(_ a: [UInt8], _ b: [UInt8]) -> Bool { ValueBounds.less(a, b, order: order, physical: physical) }
        for (a, b) in zip(bounds, bounds.dropFirst()) {
            if less(b.min, a.min) || less(b.max, a.max) { ascending = false }
            if less(a.min, b.min) || less(a.max, b.max) { descending = false }
        }
        return ascending ? .ascending : (descending ? .descending : .unordered)
    }
}
