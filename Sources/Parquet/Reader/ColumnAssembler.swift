import Columnar

/// The level entries of one leaf that start the instances of a node: every entry, or an explicit
/// ascending list of entry indices.
enum Slots {
    case all(Int)
    case explicit([Int32])

    var count: Int {
        switch self {
        case .all(let n): n
        case .explicit(let list): list.count
        }
    }

    @inline(__always) func entry(_ i: Int) -> Int {
        switch self {
        case .all: i
        case .explicit(let list): Int(list[i])
        }
    }
}

/// Rebuilds `Column`s (flat, list, struct) from decoded levels and dense values.
struct ColumnAssembler {
    /// Decoded chunks, by leaf index.
    let chunks: [Int: DecodedChunk]

    /// Assembles a top-level field; returns a column of `rows` rows.
    func assembleTopLevel(_ shape: ColumnShape, rows: Int) throws -> Column {
        var slots: [Int: Slots] = [:]
        for leaf in shape.leafRange {
            guard let chunk = chunks[leaf] else { throw ParquetError(.corruptData, "missing leaf \(leaf)") }
            if chunk.descriptor.maxRepetitionLevel == 0 {
                slots[leaf] = .all(chunk.entryCount)
            } else {
                var starts: [Int32] = []
                starts.reserveCapacity(rows)
                for (i, r) in chunk.repetitionLevels.enumerated() where r == 0 { starts.append(Int32(truncatingIfNeeded: i)) }
                slots[leaf] = .explicit(starts)
            }
            guard slots[leaf]!.count == rows else {
                throw ParquetError(.corruptData, "column holds \(slots[leaf]!.count) rows, the row group declares \(rows)",
                                   column: chunk.descriptor.dottedPath)
            }
        }
        return try assemble(shape, slots: slots)
    }

    func assemble(_ shape: ColumnShape, slots: [Int: Slots]) throws -> Column {
        switch shape {
        case .leaf(let index, _, let field, _):
            guard let chunk = chunks[index], let s = slots[index] else { throw ParquetError(.corruptData, "missing leaf \(index)") }
            return try LeafBuilder(chunk: chunk, slots: s, type: field.type).build()
        case .structure(let children, let level, let field, let range):
            let first = try firstChunk(range)
            guard let s = slots[range.lowerBound] else { throw ParquetError(.corruptData, "missing struct slots") }
            let validity = field.nullable ? presence(chunk: first, slots: s, level: level) : nil
            let columns = try children.map { try assemble($0, slots: slots) }
            return try Column(structFields: children.map(\.field), children: columns, count: s.count, validity: validity)
        case .list(let element, let present, let nonEmpty, let repLevel, let field, let range):
            var childSlots: [Int: Slots] = [:]
            var offsets: [Int64] = []
            var validity: Bitmap?
            var childCount = -1
            for leaf in range {
                guard let chunk = chunks[leaf], let s = slots[leaf] else { throw ParquetError(.corruptData, "missing list leaf") }
                let split = splitList(chunk: chunk, slots: s, present: present, nonEmpty: nonEmpty, repLevel: repLevel,
                                      wantOffsets: leaf == range.lowerBound)
                if leaf == range.lowerBound {
                    offsets = split.offsets
                    validity = field.nullable ? split.validity : nil
                    childCount = split.children.count
                } else if split.children.count != childCount {
                    throw ParquetError(.corruptData, "leaves of one list disagree on its element count",
                                       column: chunk.descriptor.dottedPath)
                }
                childSlots[leaf] = .explicit(split.children)
            }
            let child = try assemble(element, slots: childSlots)
            return try Column(type: field.type, offsets: Buffer(offsets), child: child, validity: validity)
        }
    }

    private func firstChunk(_ range: Range<Int>) throws -> DecodedChunk {
        guard let chunk = chunks[range.lowerBound] else { throw ParquetError(.corruptData, "missing leaf \(range.lowerBound)") }
        return chunk
    }

    /// Validity where the definition level at each slot reaches `level`; `nil` when all are valid.
    private func presence(chunk: DecodedChunk, slots: Slots, level: Int) -> Bitmap? {
        let defs = chunk.definitionLevels
        if defs.isEmpty { return nil }
        let threshold = UInt8(clamping: level)
        var builder = BitmapBuilder(capacity: slots.count)
        var nulls = 0
        for i in 0..<slots.count {
            let valid = defs[slots.entry(i)] >= threshold
            nulls += valid ? 0 : 1
            builder.append(valid)
        }
        return nulls == 0 ? nil : builder.finish()
    }

    /// Splits each slot's list into element slots; computes offsets and validity when asked.
    private func splitList(
        chunk: DecodedChunk, slots: Slots, present: Int, nonEmpty: Int, repLevel: Int, wantOffsets: Bool
    ) -> (children: [Int32], offsets: [Int64], validity: Bitmap?) {
        let n = Swift.min(chunk.definitionLevels.count, chunk.repetitionLevels.count)
        let presentLevel = UInt8(clamping: present)
        let nonEmptyLevel = UInt8(clamping: nonEmpty)
        let rep = UInt8(clamping: repLevel)
        let count = slots.count
        var children: [Int32] = []
        children.reserveCapacity(n)
        var offsets: [Int64] = []
        var validity: [UInt8] = []
        var nulls = 0
        if wantOffsets {
            offsets.reserveCapacity(count + 1)
            validity = [UInt8](repeating: 0, count: (count + 7) / 8)
        }
        chunk.definitionLevels.withUnsafeBufferPointer { defs in
            chunk.repetitionLevels.withUnsafeBufferPointer { reps in
                for i in 0..<count {
                    let e = slots.entry(i)
                    if wantOffsets { offsets.append(Int64(children.count)) }
                    guard e < n else { continue }
                    let d = defs[e]
                    if wantOffsets {
                        if d >= presentLevel { validity[i >> 3] |= 1 << UInt8(i & 7) } else { nulls += 1 }
                    }
                    guard d >= nonEmptyLevel else { continue }
                    children.append(Int32(truncatingIfNeeded: e))
                    var j = e + 1
                    while j < n, reps[j] >= rep {
                        if reps[j] == rep { children.append(Int32(truncatingIfNeeded: j)) }
                        j += 1
                    }
                }
            }
        }
        if wantOffsets { offsets.append(Int64(children.count)) }
        let bitmap = wantOffsets && nulls > 0 ? Bitmap(buffer: Buffer(validity), count: count) : nil
        return (children, offsets, bitmap)
    }
}
