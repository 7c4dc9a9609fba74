import Columnar

/// Builds one primitive `Column` from a leaf's definition levels and dense values, placing nulls
/// where the definition level is below the maximum.
struct LeafBuilder {
    let chunk: DecodedChunk
    let slots: Slots
    let type: DataType

    func build() throws -> Column {
        let n = slots.count
        if let column = try flatNullableFixed() { return column }
        let (indices, validity) = try valueIndices()
        do {
            switch chunk.storage {
            case .bools:
                let dense = chunk.bools
                guard dense.count >= chunk.valueCount else { throw shortValues(chunk.valueCount) }
                let bits = Bitmap(count: n) { out in
                    out.initializeMemory(as: UInt8.self, repeating: 0)
                    for i in 0..<n {
                        let v = indices.map { Int($0[i]) } ?? i
                        if v >= 0, dense[v] != 0 { out[i >> 3] |= 1 << UInt8(i & 7) }
                    }
                }
                return Column(bits: bits, validity: validity)
            case .fixed(let storedWidth):
                let values = try fixedValues(chunk.fixed.finish(), storedWidth: storedWidth, indices: indices, count: n)
                return try Column(type: type, count: n, values: values, validity: validity)
            case .byteArrays:
                return try byteArrayColumn(offsets: chunk.offsets.finish(), data: chunk.bytes.finish(), indices: indices,
                                           count: n, validity: validity)
            }
        } catch let error as ColumnarError {
            throw ParquetError(.corruptData, "inconsistent column data: \(error)", column: chunk.descriptor.dottedPath)
        }
    }

    /// For each slot, the index of its dense value or -1 for null; `nil` when slot i is value i.
    private func valueIndices() throws -> ([Int32]?, Bitmap?) {
        let n = slots.count
        let defs = chunk.definitionLevels
        let maxDef = UInt8(clamping: chunk.descriptor.maxDefinitionLevel)
        if defs.isEmpty {
            if case .explicit(let list) = slots {
                // Every entry holds a value: slot i's value is its entry's.
                if let last = list.last, Int(last) >= chunk.valueCount { throw shortValues(Int(last) + 1) }
                return (list, nil)
            }
            guard chunk.valueCount >= n else { throw shortValues(n) }
            return (nil, nil)
        }
        return try defs.withUnsafeBufferPointer { d in
            // Fast path: every slot holds a value and there are as many slots as values, so the
            // slots are exactly the value-bearing entries, in order.
            if n == chunk.valueCount, Self.allEqual(d, slots, maxDef) { return (nil, nil) }
            var indices = [Int32](repeating: -1, count: n)
            var validity = [UInt8](repeating: 0, count: (n + 7) / 8)
            var nulls = 0
            var valueIndex = 0
            var cursor = 0
            try indices.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    let e = slots.entry(i)
                    guard e >= cursor, e < d.count else { throw ParquetError(.corruptData, "level entries out of order") }
                    while cursor < e {
                        if d[cursor] == maxDef { valueIndex += 1 }
                        cursor += 1
                    }
                    if d[e] == maxDef {
                        out[i] = Int32(truncatingIfNeeded: valueIndex)
                        validity[i >> 3] |= 1 << UInt8(i & 7)
                    } else {
                        nulls += 1
                    }
                }
            }
            if let last = indices.last(where: { $0 >= 0 }), Int(last) >= chunk.valueCount { throw shortValues(Int(last) + 1) }
            return (indices, nulls > 0 ? Bitmap(buffer: Buffer(validity), count: n) : nil)
        }
    }

    /// The common case of a flat, nullable fixed-width column (one level entry per slot, values
    /// stored at their own width), scattered in one branch-free pass that also builds the
    /// validity; `nil` when the column is not of that shape.
    private func flatNullableFixed() throws -> Column? {
        guard case .all(let n) = slots, case .fixed(let storedWidth) = chunk.storage,
              storedWidth == 4 || storedWidth == 8, type.byteWidth == storedWidth else { return nil }
        let defs = chunk.definitionLevels
        guard defs.count == n, n > chunk.valueCount, chunk.valueCount > 0 else { return nil }
        let maxDef = UInt8(clamping: chunk.descriptor.maxDefinitionLevel)
        let dense = chunk.fixed.finish()
        var present = 0
        var validityBytes = [UInt8](repeating: 0, count: (n + 7) / 8)
        let values = try defs.withUnsafeBufferPointer { d in
            try dense.withUnsafeBytes { src in
                try Buffer(unsafeUninitializedCapacity: n * storedWidth, of: UInt8.self) { out, initialized in
                    let valueCount = Swift.min(chunk.valueCount, src.count / storedWidth)
                    if storedWidth == 8 {
                        present = try Self.scatter(d, maxDef, src, valueCount, out, &validityBytes, as: UInt64.self)
                    } else {
                        present = try Self.scatter(d, maxDef, src, valueCount, out, &validityBytes, as: UInt32.self)
                    }
                    initialized = n * storedWidth
                }
            }
        }
        guard present <= chunk.valueCount else { throw shortValues(present) }
        let validity = present == n ? nil : Bitmap(buffer: Buffer(validityBytes), count: n)
        do {
            return try Column(type: type, count: n, values: values, validity: validity)
        } catch {
            throw ParquetError(.corruptData, "inconsistent column data: \(error)", column: chunk.descriptor.dottedPath)
        }
    }

    @inline(__always)
    private static func scatter<T: FixedWidthInteger>(
        _ defs: UnsafeBufferPointer<UInt8>, _ maxDef: UInt8, _ src: UnsafeRawBufferPointer, _ valueCount: Int,
        _ out: UnsafeMutableBufferPointer<UInt8>, _ validity: inout [UInt8], as: T.Type
    ) throws -> Int {
        let dst = UnsafeMutableRawPointer(out.baseAddress!).bindMemory(to: T.self, capacity: defs.count)
        let values = src.bindMemory(to: T.self)
        guard !values.isEmpty else { throw ParquetError(.corruptData, "no values for present slots") }
        var v = 0
        let last = valueCount - 1
        let allPresent = UInt64(maxDef) &* 0x0101_0101_0101_0101
        let raw = UnsafeRawPointer(defs.baseAddress!)
        try validity.withUnsafeMutableBufferPointer { bits in
            var i = 0
            while i < defs.count {
                // Eight slots at a time while all eight hold values (the common case).
                if i & 7 == 0, i &+ 8 <= defs.count,
                   raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) == allPresent, v &+ 8 <= valueCount {
                    (dst + i).update(from: values.baseAddress! + v, count: 8)
                    bits[i >> 3] = 0xFF
                    i &+= 8
                    v &+= 8
                    continue
                }
                let isPresent = defs[i] == maxDef
                guard v <= last || !isPresent else { throw ParquetError(.corruptData, "more present slots than values") }
                let value = values[Swift.max(0, Swift.min(v, last))]
                dst[i] = isPresent ? value : 0
                bits[i >> 3] |= (isPresent ? 1 : 0) << UInt8(i & 7)
                v &+= isPresent ? 1 : 0
                i &+= 1
            }
        }
        return v
    }

    /// Whether the definition level at every slot equals `level`.
    private static func allEqual(_ defs: UnsafeBufferPointer<UInt8>, _ slots: Slots, _ level: UInt8) -> Bool {
        switch slots {
        case .all(let n):
            guard n <= defs.count else { return false }
            var differ = false
            for i in 0..<n { differ = differ || defs[i] != level }
            return !differ
        case .explicit(let list):
            return list.withUnsafeBufferPointer { entries in
                for e in entries where Int(e) >= defs.count || defs[Int(e)] != level { return false }
                return true
            }
        }
    }

    private func shortValues(_ needed: Int) -> ParquetError {
        ParquetError(.corruptData, "column has \(chunk.valueCount) values, \(needed) needed", column: chunk.descriptor.dottedPath)
    }

    /// Places dense fixed-width values into slots, narrowing INT32 storage to 8/16-bit types.
    private func fixedValues(_ dense: Buffer, storedWidth: Int, indices: [Int32]?, count n: Int) throws -> Buffer {
        let width = type.byteWidth ?? storedWidth
        if width == storedWidth, indices == nil {
            return dense.slice(byteOffset: 0, byteCount: Swift.min(n * width, dense.byteCount))
        }
        guard width <= storedWidth else { throw ParquetError(.corruptData, "value width mismatch") }
        return dense.withUnsafeBytes { src in
            Buffer(unsafeUninitializedCapacity: n * width, of: UInt8.self) { out, initialized in
                let dst = UnsafeMutableRawPointer(out.baseAddress!)
                switch (width, storedWidth) {
                case (8, 8): Self.place(src, dst, n, indices, as: UInt64.self)
                case (4, 4): Self.place(src, dst, n, indices, as: UInt32.self)
                case (2, 4), (1, 4):
                    for i in 0..<n {
                        let v = indices.map { Int($0[i]) } ?? i
                        let value = v >= 0 ? src.loadUnaligned(fromByteOffset: v * 4, as: UInt32.self) : 0
                        if width == 2 { dst.storeBytes(of: UInt16(truncatingIfNeeded: value), toByteOffset: i * 2, as: UInt16.self) }
                        else { dst.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: i, as: UInt8.self) }
                    }
                default:
                    for i in 0..<n {
                        let v = indices.map { Int($0[i]) } ?? i
                        if v >= 0 {
                            (dst + i * width).copyMemory(from: src.baseAddress! + v * storedWidth, byteCount: width)
                        } else {
                            (dst + i * width).initializeMemory(as: UInt8.self, repeating: 0, count: width)
                        }
                    }
                }
                initialized = n * width
            }
        }
    }

    @inline(__always)
    private static func place<T: FixedWidthInteger>(
        _ src: UnsafeRawBufferPointer, _ dst: UnsafeMutableRawPointer, _ n: Int, _ indices: [Int32]?, as: T.Type
    ) {
        let out = dst.bindMemory(to: T.self, capacity: n)
        guard let indices else {
            for i in 0..<n { out[i] = src.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self) }
            return
        }
        indices.withUnsafeBufferPointer { idx in
            for i in 0..<n {
                let v = Int(idx[i])
                out[i] = v >= 0 ? src.loadUnaligned(fromByteOffset: v * MemoryLayout<T>.size, as: T.self) : 0
            }
        }
    }

    private func byteArrayColumn(
        offsets denseBuffer: Buffer, data: Buffer, indices: [Int32]?, count n: Int, validity: Bitmap?
    ) throws -> Column {
        guard denseBuffer.count(of: Int64.self) > Swift.min(n, chunk.valueCount) else { throw shortValues(n) }
        guard let indices else {
            guard denseBuffer.count(of: Int64.self) > n else { throw shortValues(n) }
            return try Column(uncheckedType: type, offsets: denseBuffer.slice(0..<(n + 1), as: Int64.self), values: data,
                          validity: validity)
        }
        // Nulls repeat the previous end; present values keep their dense offsets (the bytes are
        // shared) when they are consecutive, as they are unless the levels are inconsistent.
        return try denseBuffer.withUnsafeBufferPointer(as: Int64.self) { dense in
            var offsets = [Int64](repeating: 0, count: n + 1)
            var contiguous = true
            var end: Int64 = 0
            var started = false
            for i in 0..<n {
                let v = Int(indices[i])
                if v >= 0 {
                    if !started { end = dense[v]; started = true; fillStart(&offsets, upTo: i, end) }
                    contiguous = contiguous && dense[v] == end
                    end = dense[v + 1]
                }
                offsets[i + 1] = end
            }
            if contiguous {
                return try Column(uncheckedType: type, offsets: Buffer(offsets), values: data, validity: validity)
            }
            var joined: [UInt8] = []
            var total: Int64 = 0
            offsets[0] = 0
            try data.withUnsafeBytes { raw in
                for i in 0..<n {
                    let v = Int(indices[i])
                    if v >= 0 {
                        let lo = Int(dense[v]), hi = Int(dense[v + 1])
                        guard lo >= 0, lo <= hi, hi <= raw.count else { throw shortValues(v) }
                        joined.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[lo..<hi]))
                        total += Int64(hi - lo)
                    }
                    offsets[i + 1] = total
                }
            }
            return try Column(type: type, offsets: Buffer(offsets), values: Buffer(joined), validity: validity)
        }
    }

    private func fillStart(_ offsets: inout [Int64], upTo i: Int, _ value: Int64) {
        for k in 0...i { offsets[k] = value }
    }
}
