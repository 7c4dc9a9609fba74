/// Chunk- or page-level statistics. Values are PLAIN-encoded without a length prefix.
public struct Statistics: Sendable, Hashable {
    /// Deprecated maximum (signed order only).
    public var max: [UInt8]?
    /// Deprecated minimum (signed order only).
    public var min: [UInt8]?
    /// The number of nulls, when known (absent is not zero).
    public var nullCount: Int64?
    /// The number of distinct values, when known.
    public var distinctCount: Int64?
    /// The maximum under the column's sort order.
    public var maxValue: [UInt8]?
    /// The minimum under the column's sort order.
    public var minValue: [UInt8]?
    /// Whether `maxValue` is the exact maximum (not truncated).
    public var isMaxValueExact: Bool?
    /// Whether `minValue` is the exact minimum (not truncated).
    public var isMinValueExact: Bool?
    /// The number of NaN values, when known.
    public var nanCount: Int64?

    /// Creates statistics.
    public init(
        max: [UInt8]? = nil, min: [UInt8]? = nil, nullCount: Int64? = nil, distinctCount: Int64? = nil,
        maxValue: [UInt8]? = nil, minValue: [UInt8]? = nil, isMaxValueExact: Bool? = nil,
        isMinValueExact: Bool? = nil, nanCount: Int64? = nil
    ) {
        self.max = max
        self.min = min
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.maxValue = maxValue
        self.minValue = minValue
        self.isMaxValueExact = isMaxValueExact
        self.isMinValueExact = isMinValueExact
        self.nanCount = nanCount
    }
}

extension Statistics: ThriftDecodable {
    /// Decodes a `Statistics` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        self.init()
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: max = try r.readBinary(f.type)
            case 2: min = try r.readBinary(f.type)
            case 3: nullCount = try r.readI64(f.type)
            case 4: distinctCount = try r.readI64(f.type)
            case 5: maxValue = try r.readBinary(f.type)
            case 6: minValue = try r.readBinary(f.type)
            case 7: isMaxValueExact = try r.readBool(f.type)
            case 8: isMinValueExact = try r.readBool(f.type)
            case 9: nanCount = try r.readI64(f.type)
            default: try r.skip(f.type)
            }
        }
    }
}
