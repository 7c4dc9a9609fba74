/// A growable bitmap, for building validity and boolean values one bit (or one run) at a time.
///
/// Appending is `@inlinable`, so a decoder in another module can call ``append(_:)`` per value
/// without a cross-module call.
///
///     var validity = BitmapBuilder(capacity: n)
///     for level in definitionLevels { validity.append(level == maxLevel) }
///     let bitmap = validity.finish()
public struct BitmapBuilder {
    @usableFromInline var bytes: BufferBuilder<UInt8>
    @usableFromInline var _count: Int

    /// The number of bits appended so far.
    @inlinable
    public var count: Int { _count }

    /// Creates an empty builder with room for `capacity` bits.
    public init(capacity: Int = 0) {
        bytes = BufferBuilder(capacity: (capacity + 7) / 8)
        _count = 0
    }

    /// Appends one bit.
    @inlinable
    public mutating func append(_ bit: Bool) {
        if _count & 7 == 0 {
            bytes.append(0)
        } else if !isKnownUniquelyReferenced(&bytes.storage) {
            bytes.reserveCapacity(bytes.count)
        }
        if bit { bytes.elements[_count >> 3] |= 1 << UInt8(_count & 7) }
        _count += 1
    }

    /// Appends `n` copies of `bit`.
    public mutating func append(repeating bit: Bool, count n: Int) {
        guard n > 0 else { return }
        let neededBytes = (count + n + 7) / 8
        bytes.append(repeating: 0, count: neededBytes - bytes.count)
        let start = count
        bytes.withUnsafeMutableBufferPointer { out in
            let raw = UnsafeMutableRawPointer(out.baseAddress!)
            var i = start
            let end = start + n
            while i < end && i & 7 != 0 { BitKernels.set(raw, i, bit); i += 1 }
            while i + 8 <= end { out[i >> 3] = bit ? 0xFF : 0; i += 8 }
            while i < end { BitKernels.set(raw, i, bit); i += 1 }
        }
        _count += n
    }

    /// Appends the first `n` bits of `bitmap` starting at `offset`.
    public mutating func append(_ bitmap: Bitmap, offset: Int = 0, count n: Int? = nil) {
        let n = n ?? (bitmap.count - offset)
        precondition(offset >= 0 && n >= 0 && offset + n <= bitmap.count, "bitmap range out of bounds")
        guard n > 0 else { return }
        let neededBytes = (count + n + 7) / 8
        bytes.append(repeating: 0, count: neededBytes - bytes.count)
        let start = count
        bitmap.buffer.withUnsafeBytes { source in
            bytes.withUnsafeMutableBufferPointer { out in
                BitKernels.copyBits(from: source.baseAddress!, offset: offset,
                                    to: UnsafeMutableRawPointer(out.baseAddress!), offset: start, count: n)
            }
        }
        _count += n
    }

    /// Sets the already-appended bit at `index`.
    public mutating func set(_ index: Int, to bit: Bool) {
        precondition(index >= 0 && index < count, "bit index \(index) out of range 0..<\(count)")
        bytes.withUnsafeMutableBufferPointer { BitKernels.set(UnsafeMutableRawPointer($0.baseAddress!), index, bit) }
    }

    /// Returns the bits appended so far, without copying them.
    public func finish() -> Bitmap {
        Bitmap(buffer: bytes.finish(), count: count)
    }
}
