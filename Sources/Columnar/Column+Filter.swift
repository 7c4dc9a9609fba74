extension Column {
    /// Returns the rows whose bit in `mask` is set, in order.
    ///
    /// Works for every type, nested ones included; nulls stay null. Fixed-width values, `bool`
    /// values and validity are copied in one pass over the mask's words (a full word copies 64
    /// contiguous values); other types gather the kept rows.
    ///
    /// - Precondition: `mask.count == count`.
    /// - Complexity: O(*n* / 64) over the mask, plus the copy of the kept values.
    public func filter(_ mask: BooleanMask) -> Column {
        precondition(mask.count == count, "filter mask has \(mask.count) bits for \(count) rows")
        let kept = mask.setBitCount
        if kept == count { return self }
        return filter(mask, kept: kept, indices: nil)
    }

    /// Returns the rows where `mask` is `true`, in order.
    public func filter(_ mask: [Bool]) -> Column {
        filter(Bitmap(mask))
    }

    /// Filters with a known number of kept rows and, when a caller has them, the kept positions.
    func filter(_ mask: BooleanMask, kept: Int, indices: [Int]?) -> Column {
        let validity = self.validity.map { Column.filterBits($0, mask, kept: kept) }
        switch type.layout {
        case .bits:
            return Column(unchecked: type, count: kept, validity: validity,
                          buffers: [Column.filterBits(bits, mask, kept: kept).buffer])
        case .fixed(let width):
            let source = buffers[0]
            let values: Buffer?
            switch width {
            case 1: values = Column.filterElements(source, UInt8.self, mask, kept: kept)
            case 2 where source.isAligned(for: UInt16.self): values = Column.filterElements(source, UInt16.self, mask, kept: kept)
            case 4 where source.isAligned(for: UInt32.self): values = Column.filterElements(source, UInt32.self, mask, kept: kept)
            case 8 where source.isAligned(for: UInt64.self): values = Column.filterElements(source, UInt64.self, mask, kept: kept)
            default: values = nil
            }
            if let values {
                return Column(unchecked: type, count: kept, validity: validity, buffers: [values])
            }
        case .variable, .list, .structure:
            break
        }
        let rows = indices ?? mask.setIndices()
        return rows.withUnsafeBufferPointer { gatherRows($0, allowingNullIndices: false) }
    }

    /// The values of `source` at the set bits of `mask`, packed.
    private static func filterElements<T: BitwiseCopyable>(
        _ source: Buffer, _ type: T.Type, _ mask: Bitmap, kept: Int
    ) -> Buffer {
        source.withUnsafeBufferPointer(as: T.self) { from in
            mask.buffer.withUnsafeBytes { bits in
                Buffer(unsafeUninitializedCapacity: kept, of: T.self) { out, initialized in
                    let target = out.baseAddress!
                    var j = 0
                    let words = mask.count >> 6
                    for w in 0..<words {
                        var word = UInt64(littleEndian: bits.loadUnaligned(fromByteOffset: w << 3, as: UInt64.self))
                        let base = w << 6
                        if word == .max {
                            (target + j).update(from: from.baseAddress! + base, count: 64)
                            j += 64
                            continue
                        }
                        while word != 0 {
                            target[j] = from[base + word.trailingZeroBitCount]
                            j += 1
                            word &= word &- 1
                        }
                    }
                    for i in (words << 6)..<mask.count where BitKernels.get(bits.baseAddress!, i) {
                        target[j] = from[i]
                        j += 1
                    }
                    initialized = j
                }
            }
        }
    }

    /// The bits of `source` at the set bits of `mask`, packed.
    static func filterBits(_ source: Bitmap, _ mask: Bitmap, kept: Int) -> Bitmap {
        source.buffer.withUnsafeBytes { from in
            mask.buffer.withUnsafeBytes { bits in
                Bitmap(count: kept) { out in
                    out.initializeMemory(as: UInt8.self, repeating: 0)
                    let target = out.baseAddress!
                    var j = 0
                    let words = mask.count >> 6
                    for w in 0..<words {
                        var word = UInt64(littleEndian: bits.loadUnaligned(fromByteOffset: w << 3, as: UInt64.self))
                        let base = w << 6
                        while word != 0 {
                            if BitKernels.get(from.baseAddress!, base + word.trailingZeroBitCount) {
                                BitKernels.set(target, j, true)
                            }
                            j += 1
                            word &= word &- 1
                        }
                    }
                    for i in (words << 6)..<mask.count where BitKernels.get(bits.baseAddress!, i) {
                        if BitKernels.get(from.baseAddress!, i) { BitKernels.set(target, j, true) }
                        j += 1
                    }
                }
            }
        }
    }
}
