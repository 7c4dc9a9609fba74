#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// The min and max of a run of stored values, PLAIN-encoded (no length prefix for byte arrays).
///
/// NaN is excluded; a zero minimum is written as -0.0 and a zero maximum as +0.0. `nil` bounds
/// mean no non-NaN value was seen, or the type has no usable order.
struct ValueBounds: Equatable {
    var min: [UInt8]
    var max: [UInt8]

    /// Byte arrays longer than this get no bounds (Arrow's `max_statistics_size`).
    static let maxBinaryLength = 4096

    /// The bounds of `values[range]` under `order`.
    static func compute(_ values: LeafValues, range: Range<Int>, order: LeafType.SortOrder,
                        physical: PhysicalType) -> ValueBounds? {
        guard !range.isEmpty else { return nil }
        switch values {
        case .booleans(let bools):
            guard order == .boolean else { return nil }
            var lo: UInt8 = 1
            var hi: UInt8 = 0
            for i in range { lo = Swift.min(lo, bools[i]); hi = Swift.max(hi, bools[i]) }
            return ValueBounds(min: [lo], max: [hi])
        case .byteArrays(let offsets, let bytes):
            guard order == .bytes else { return nil }
            return bytes.withUnsafeBytes { raw -> ValueBounds? in
                func slice(_ i: Int) -> UnsafeRawBufferPointer {
                    UnsafeRawBufferPointer(rebasing: raw[Int(offsets[i])..<Int(offsets[i + 1])])
                }
                var minBytes = slice(range.lowerBound)
                var maxBytes = minBytes
                for i in range.dropFirst() {
                    let s = slice(i)
                    if bytesPrecede(s, minBytes) { minBytes = s }
                    if bytesPrecede(maxBytes, s) { maxBytes = s }
                }
                guard minBytes.count <= maxBinaryLength, maxBytes.count <= maxBinaryLength else { return nil }
                return ValueBounds(min: Array(minBytes), max: Array(maxBytes))
            }
        case .fixed(let width, _, _):
            return values.withFixedBytes { raw -> ValueBounds? in
                let slice = UnsafeRawBufferPointer(rebasing: raw[(range.lowerBound * width)..<(range.upperBound * width)])
                switch (physical, order) {
                case (.int32, .signed): return integerBounds(slice, as: Int32.self)
                case (.int32, .unsigned): return integerBounds(slice, as: UInt32.self)
                case (.int64, .signed): return integerBounds(slice, as: Int64.self)
                case (.int64, .unsigned): return integerBounds(slice, as: UInt64.self)
                case (.float, .float): return floatBounds(slice, as: Float.self)
                case (.double, .float): return floatBounds(slice, as: Double.self)
                case (.fixedLenByteArray, .bytes):
                    var lo = 0
                    var hi = 0
                    let n = slice.count / width
                    func value(_ i: Int) -> UnsafeRawBufferPointer {
                        UnsafeRawBufferPointer(rebasing: slice[(i * width)..<((i + 1) * width)])
                    }
                    for i in 1..<Swift.max(n, 1) {
                        if bytesPrecede(value(i), value(lo)) { lo = i }
                        if bytesPrecede(value(hi), value(i)) { hi = i }
                    }
                    return ValueBounds(min: Array(value(lo)), max: Array(value(hi)))
                default: return nil
                }
            }
        }
    }

    static func integerBounds<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, as: T.Type) -> ValueBounds? {
        let values = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: T.self), count: raw.count / MemoryLayout<T>.stride)
        guard var lo = values.first else { return nil }
        var hi = lo
        for v in values {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        return ValueBounds(min: bytes(of: lo), max: bytes(of: hi))
    }

    static func floatBounds<T: BinaryFloatingPoint>(_ raw: UnsafeRawBufferPointer, as: T.Type) -> ValueBounds? {
        let values = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: T.self), count: raw.count / MemoryLayout<T>.stride)
        var lo = T.infinity
        var hi = -T.infinity
        var seen = false
        for v in values where !v.isNaN {
            seen = true
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        guard seen else { return nil }
        if lo == 0 { lo = -T.zero }
        if hi == 0 { hi = T.zero }
        return ValueBounds(min: bytes(of: lo), max: bytes(of: hi))
    }

    /// Unsigned lexicographic order of byte strings.
    @inline(__always)
    static func bytesPrecede(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let common = Swift.min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let c = memcmp(x, y, common)
            if c != 0 { return c < 0 }
        }
        return a.count < b.count
    }

    static func bytes<T>(of value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }

    /// Merges two bounds under `order` (for chunk statistics from page statistics).
    static func merge(_ a: ValueBounds?, _ b: ValueBounds?, order: LeafType.SortOrder, physical: PhysicalType) -> ValueBounds? {
        guard let a else { return b }
        guard let b else { return a }
        func less(_ x: [UInt8], _ y: [UInt8]) -> Bool { Self.less(x, y, order: order, physical: physical) }
        return ValueBounds(min: less(b.min, a.min) ? b.min : a.min, max: less(a.max, b.max) ? b.max : a.max)
    }

    /// Whether encoded value `x` sorts before `y` under `order`.
    static func less(_ x: [UInt8], _ y: [UInt8], order: LeafType.SortOrder, physical: PhysicalType) -> Bool {
        switch (physical, order) {
        case (.int32, .signed): return load(x, Int32.self) < load(y, Int32.self)
        case (.int32, .unsigned): return load(x, UInt32.self) < load(y, UInt32.self)
        case (.int64, .signed): return load(x, Int64.self) < load(y, Int64.self)
        case (.int64, .unsigned): return load(x, UInt64.self) < load(y, UInt64.self)
        case (.float, _): return load(x, Float.self) < load(y, Float.self)
        case (.double, _): return load(x, Double.self) < load(y, Double.self)
        default: return x.lexicographicallyPrecedes(y)
        }
    }

    static func load<T>(_ bytes: [UInt8], _ type: T.Type) -> T {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: T.self) }
    }
}
