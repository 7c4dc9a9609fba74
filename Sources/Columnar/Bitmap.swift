/// A fixed-length sequence of bits packed eight to a byte, least-significant bit first (Arrow's
/// bit order): bit `i` is `(byte[i / 8] >> (i % 8)) & 1`.
///
/// Bitmaps serve as validity (a set bit is a valid value), as the values of `bool` columns and as
/// filter masks (``BooleanMask``). Bits past ``count`` in the last byte are unspecified and every
/// operation ignores them.
@frozen
public struct Bitmap: Sendable {
    /// The packed bits; at least `(count + 7) / 8` bytes.
    public let buffer: Buffer
    /// The number of bits.
    public let count: Int

    /// Wraps packed bits, without copying.
    ///
    /// - Precondition: `buffer` holds at least `(count + 7) / 8` bytes.
    public init(buffer: Buffer, count: Int) {
        precondition(count >= 0 && buffer.byteCount * 8 >= count,
                     "a bitmap of \(count) bits needs \((count + 7) / 8) bytes, got \(buffer.byteCount)")
        self.buffer = buffer
        self.count = count
    }

    /// Creates a bitmap whose bits `initializer` writes into `(count + 7) / 8` uninitialised bytes.
    public init(count: Int, initializingBytesWith initializer: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        let byteCount = (count + 7) / 8
        let buffer = try Buffer(unsafeUninitializedCapacity: byteCount, of: UInt8.self) { bytes, initialized in
            try initializer(UnsafeMutableRawBufferPointer(bytes))
            initialized = byteCount
        }
        self.init(buffer: buffer, count: count)
    }

    /// Creates a bitmap whose bit `i` is `predicate(i)`, packing eight results per byte.
    ///
    /// `@inlinable`, so a comparison kernel in another module compiles to one tight loop:
    ///
    ///     let mag = column.values(as: Double.self)
    ///     let mask = Bitmap.evaluating(count: mag.count) { mag[$0] < 20 }
    @inlinable
    public static func evaluating(count: Int, _ predicate: (Int) throws -> Bool) rethrows -> Bitmap {
        let byteCount = (count + 7) / 8
        let buffer = try Buffer(unsafeUninitializedCapacity: byteCount, of: UInt8.self) { out, initialized in
            let fullBytes = count / 8
            for b in 0..<fullBytes {
                let base = b &* 8
                var byte: UInt8 = 0
                for k in 0..<8 {
                    byte |= (try predicate(base &+ k) ? 1 : 0) << UInt8(k)
                }
                out[b] = byte
            }
            if fullBytes < byteCount {
                var byte: UInt8 = 0
                for i in (fullBytes * 8)..<count {
                    byte |= (try predicate(i) ? 1 : 0) << UInt8(i - fullBytes * 8)
                }
                out[fullBytes] = byte
            }
            initialized = byteCount
        }
        return Bitmap(buffer: buffer, count: count)
    }

    /// Creates a bitmap with every bit set to `value`.
    public init(repeating value: Bool, count: Int) {
        self.init(count: count) { $0.initializeMemory(as: UInt8.self, repeating: value ? 0xFF : 0) }
    }

    /// Creates a bitmap from booleans.
    public init(_ bits: [Bool]) {
        self.init(count: bits.count) { bytes in
            bytes.initializeMemory(as: UInt8.self, repeating: 0)
            for (i, bit) in bits.enumerated() where bit {
                bytes[i >> 3] |= 1 << UInt8(i & 7)
            }
        }
    }

    /// The bit at `index`.
    @inlinable
    public subscript(index: Int) -> Bool {
        precondition(index >= 0 && index < count, "bit index \(index) out of range 0..<\(count)")
        return buffer.withUnsafeBytes { ($0[index >> 3] >> UInt8(index & 7)) & 1 != 0 }
    }

    /// The number of set bits.
    ///
    /// - Complexity: O(*n* / 64).
    public var setBitCount: Int {
        buffer.withUnsafeBytes { BitKernels.popcount($0.baseAddress!, count: count) }
    }

    /// The number of unset bits.
    public var unsetBitCount: Int { count - setBitCount }

    /// Whether every bit is set.
    public var allSet: Bool { setBitCount == count }

    /// The positions of the set bits, in increasing order.
    public func setIndices() -> [Int] {
        let total = setBitCount
        if total == 0 { return [] }
        return buffer.withUnsafeBytes { raw in
            [Int](unsafeUninitializedCapacity: total) { out, initialized in
                initialized = BitKernels.setIndices(raw.baseAddress!, count: count, into: out.baseAddress!)
            }
        }
    }

    /// The bits as booleans.
    public func toArray() -> [Bool] {
        (0..<count).map { self[$0] }
    }

    /// Returns the bits in `range`.
    ///
    /// - Complexity: O(1) without a copy when `range.lowerBound` is a multiple of 8; otherwise the
    ///   bits are copied, O(*n* / 8).
    public func slice(_ range: Range<Int>) -> Bitmap {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "bitmap slice \(range) out of 0..<\(count)")
        if range.lowerBound & 7 == 0 {
            let byteOffset = range.lowerBound >> 3
            return Bitmap(buffer: buffer.slice(byteOffset: byteOffset, byteCount: (range.count + 7) / 8), count: range.count)
        }
        return buffer.withUnsafeBytes { source in
            Bitmap(count: range.count) { out in
                out.initializeMemory(as: UInt8.self, repeating: 0)
                BitKernels.copyBits(from: source.baseAddress!, offset: range.lowerBound,
                                    to: out.baseAddress!, offset: 0, count: range.count)
            }
        }
    }

    /// Combines two bitmaps of equal length byte by byte.
    func combined(with other: Bitmap, _ operation: (UInt8, UInt8) -> UInt8) -> Bitmap {
        precondition(count == other.count, "bitmap lengths differ: \(count) and \(other.count)")
        return buffer.withUnsafeBytes { a in
            other.buffer.withUnsafeBytes { b in
                Bitmap(count: count) { out in
                    for i in 0..<out.count { out[i] = operation(a[i], b[i]) }
                }
            }
        }
    }

    /// The bitwise AND of two bitmaps of equal length.
    public static func & (lhs: Bitmap, rhs: Bitmap) -> Bitmap { lhs.combined(with: rhs, &) }

    /// The bitwise OR of two bitmaps of equal length.
    public static func | (lhs: Bitmap, rhs: Bitmap) -> Bitmap { lhs.combined(with: rhs, |) }

    /// The bitwise exclusive OR of two bitmaps of equal length.
    public static func ^ (lhs: Bitmap, rhs: Bitmap) -> Bitmap { lhs.combined(with: rhs, ^) }

    /// The bitwise complement.
    public static prefix func ~ (bitmap: Bitmap) -> Bitmap {
        bitmap.buffer.withUnsafeBytes { a in
            Bitmap(count: bitmap.count) { out in
                for i in 0..<out.count { out[i] = ~a[i] }
            }
        }
    }
}

/// A filter mask: bit `i` set keeps row `i`.
public typealias BooleanMask = Bitmap

extension Bitmap: Equatable {
    /// Whether two bitmaps have the same length and bits (ignoring the unused tail bits).
    public static func == (lhs: Bitmap, rhs: Bitmap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.buffer.withUnsafeBytes { a in
            rhs.buffer.withUnsafeBytes { b in
                let whole = lhs.count >> 3
                for i in 0..<whole where a[i] != b[i] { return false }
                let rest = lhs.count & 7
                if rest == 0 { return true }
                let mask = UInt8((1 << rest) - 1)
                return a[whole] & mask == b[whole] & mask
            }
        }
    }
}

extension Bitmap: CustomStringConvertible {
    /// The bits as `0` and `1` characters, bit 0 first.
    public var description: String {
        String((0..<count).map { self[$0] ? "1" : "0" })
    }
}
