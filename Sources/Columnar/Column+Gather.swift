extension Column {
    /// Returns the rows at `indices`, in that order (rows may repeat).
    ///
    /// With `allowingNullIndices`, a negative index produces a null row: this is how left joins
    /// fill rows that have no match. Works for every type, nested ones included.
    ///
    /// - Precondition: every index is below ``count``, and non-negative unless
    ///   `allowingNullIndices` is `true`.
    /// - Complexity: O(*m*) for *m* indices, plus the bytes or child rows copied.
    public func gather(_ indices: UnsafeBufferPointer<Int>, allowingNullIndices: Bool = false) -> Column {
        gatherRows(indices, allowingNullIndices: allowingNullIndices)
    }

    /// Returns the rows at `indices`; see ``gather(_:allowingNullIndices:)-(UnsafeBufferPointer<Int>,_)``.
    public func gather(_ indices: [Int], allowingNullIndices: Bool = false) -> Column {
        indices.withUnsafeBufferPointer { gatherRows($0, allowingNullIndices: allowingNullIndices) }
    }

    /// Returns the rows at 32-bit `indices`; a negative index is a null row when allowed.
    public func gather(_ indices: UnsafeBufferPointer<Int32>, allowingNullIndices: Bool = false) -> Column {
        gatherRows(indices, allowingNullIndices: allowingNullIndices)
    }

    /// Returns the rows at 32-bit `indices`; a negative index is a null row when allowed.
    public func gather(_ indices: [Int32], allowingNullIndices: Bool = false) -> Column {
        indices.withUnsafeBufferPointer { gatherRows($0, allowingNullIndices: allowingNullIndices) }
    }

    func gatherRows<I: FixedWidthInteger>(_ indices: UnsafeBufferPointer<I>, allowingNullIndices: Bool) -> Column {
        var nullIndices = 0
        for index in indices {
            if index < 0 {
                nullIndices += 1
            } else {
                precondition(Int(index) < count, "gather index \(index) out of range 0..<\(count)")
            }
        }
        precondition(allowingNullIndices || nullIndices == 0, "negative gather index without allowingNullIndices")
        let n = indices.count
        let validity = (self.validity == nil && nullIndices == 0) ? nil : gatherValidity(indices)
        switch type.layout {
        case .bits:
            let values = buffers[0].withUnsafeBytes { source in
                Bitmap(count: n) { out in
                    out.initializeMemory(as: UInt8.self, repeating: 0)
                    for j in 0..<n where indices[j] >= 0 && BitKernels.get(source.baseAddress!, Int(indices[j])) {
                        BitKernels.set(out.baseAddress!, j, true)
                    }
                }
            }
            return Column(unchecked: type, count: n, validity: validity, buffers: [values.buffer])
        case .fixed(let width):
            return Column(unchecked: type, count: n, validity: validity, buffers: [gatherFixed(width: width, indices)])
        case .variable:
            let (offsets, bytes) = gatherVariable(indices)
            return Column(unchecked: type, count: n, validity: validity, buffers: [offsets, bytes])
        case .list:
            let (offsets, childRows) = gatherListOffsets(indices)
            let child = children[0].gather(childRows)
            return Column(unchecked: type, count: n, validity: validity, buffers: [offsets], children: [child])
        case .structure:
            let gathered = children.map { $0.gatherRows(indices, allowingNullIndices: true) }
            return Column(unchecked: type, count: n, validity: validity, buffers: [], children: gathered)
        }
    }

    private func gatherValidity<I: FixedWidthInteger>(_ indices: UnsafeBufferPointer<I>) -> Bitmap {
        Bitmap(count: indices.count) { out in
            out.initializeMemory(as: UInt8.self, repeating: 0)
            let target = out.baseAddress!
            if let validity {
                validity.buffer.withUnsafeBytes { source in
                    for j in 0..<indices.count where indices[j] >= 0 && BitKernels.get(source.baseAddress!, Int(indices[j])) {
                        BitKernels.set(target, j, true)
                    }
                }
            } else {
                for j in 0..<indices.count where indices[j] >= 0 {
                    BitKernels.set(target, j, true)
                }
            }
        }
    }

    private func gatherFixed<I: FixedWidthInteger>(width: Int, _ indices: UnsafeBufferPointer<I>) -> Buffer {
        let source = buffers[0]
        switch width {
        case 1: return Column.gatherElements(source, UInt8.self, indices)
        case 2 where source.isAligned(for: UInt16.self): return Column.gatherElements(source, UInt16.self, indices)
        case 4 where source.isAligned(for: UInt32.self): return Column.gatherElements(source, UInt32.self, indices)
        case 8 where source.isAligned(for: UInt64.self): return Column.gatherElements(source, UInt64.self, indices)
        case 16 where source.isAligned(for: SIMD2<UInt64>.self):
            return Column.gatherElements(source, SIMD2<UInt64>.self, indices)
        default:
            return source.withUnsafeBytes { from in
                Buffer(unsafeUninitializedCapacity: indices.count * width, of: UInt8.self) { out, initialized in
                    let target = UnsafeMutableRawPointer(out.baseAddress!)
                    for j in 0..<indices.count {
                        let index = Int(indices[j])
                        if index >= 0 {
                            (target + j * width).copyMemory(from: from.baseAddress! + index * width, byteCount: width)
                        } else {
                            (target + j * width).initializeMemory(as: UInt8.self, repeating: 0, count: width)
                        }
                    }
                    initialized = indices.count * width
                }
            }
        }
    }

    private static func gatherElements<T: BitwiseCopyable & GatherElement, I: FixedWidthInteger>(
        _ source: Buffer, _ type: T.Type, _ indices: UnsafeBufferPointer<I>
    ) -> Buffer {
        source.withUnsafeBufferPointer(as: T.self) { from in
            Buffer(unsafeUninitializedCapacity: indices.count, of: T.self) { out, initialized in
                for j in 0..<indices.count {
                    let index = Int(indices[j])
                    out[j] = index >= 0 ? from[index] : T.zero
                }
                initialized = indices.count
            }
        }
    }

    private func gatherVariable<I: FixedWidthInteger>(_ indices: UnsafeBufferPointer<I>) -> (Buffer, Buffer) {
        buffers[0].withUnsafeBufferPointer(as: Int64.self) { offsets in
            let newOffsets = Buffer(unsafeUninitializedCapacity: indices.count + 1, of: Int64.self) { out, initialized in
                var position: Int64 = 0
                out[0] = 0
                for j in 0..<indices.count {
                    let index = Int(indices[j])
                    if index >= 0 { position += offsets[index + 1] - offsets[index] }
                    out[j + 1] = position
                }
                initialized = indices.count + 1
            }
            let data = newOffsets.withUnsafeBufferPointer(as: Int64.self) { target in
                buffers[1].withUnsafeBytes { bytes in
                    Buffer(unsafeUninitializedCapacity: Int(target[indices.count]), of: UInt8.self) { out, initialized in
                        for j in 0..<indices.count {
                            let index = Int(indices[j])
                            let length = Int(target[j + 1] - target[j])
                            if index >= 0 && length > 0 {
                                UnsafeMutableRawPointer(out.baseAddress! + Int(target[j]))
                                    .copyMemory(from: bytes.baseAddress! + Int(offsets[index]), byteCount: length)
                            }
                        }
                        initialized = out.count
                    }
                }
            }
            return (newOffsets, data)
        }
    }

    private func gatherListOffsets<I: FixedWidthInteger>(_ indices: UnsafeBufferPointer<I>) -> (Buffer, [Int]) {
        buffers[0].withUnsafeBufferPointer(as: Int64.self) { offsets in
            var newOffsets = BufferBuilder<Int64>(capacity: indices.count + 1)
            var childRows: [Int] = []
            newOffsets.append(0)
            for index in indices {
                if index >= 0 {
                    childRows.append(contentsOf: Int(offsets[Int(index)])..<Int(offsets[Int(index) + 1]))
                }
                newOffsets.append(Int64(childRows.count))
            }
            return (newOffsets.finish(), childRows)
        }
    }
}

/// Element types the gather kernel moves whole, with a zero for null slots.
protocol GatherElement {
    static var zero: Self { get }
}

extension UInt8: GatherElement {}
extension UInt16: GatherElement {}
extension UInt32: GatherElement {}
extension UInt64: GatherElement {}
extension SIMD2<UInt64>: GatherElement {}
