extension Column {
    /// Returns the column converted to another numeric type, checked as pyarrow's safe `cast` is.
    ///
    /// - Integer to float and float to float always succeed (rounding to the nearest value).
    /// - Integer to integer throws when a value does not fit.
    /// - Float to integer throws when a value has a fraction, is NaN or does not fit.
    /// - `bool` converts to `0`/`1`.
    ///
    /// Nulls stay null and their slots are not checked. Casting to the column's own type returns it.
    ///
    /// - Throws: ``ColumnarError/typeMismatch(expected:actual:context:)`` for a non-numeric source
    ///   or target, or a value the target cannot represent.
    public func cast(to target: DataType) throws -> Column {
        if target == type { return self }
        guard type.isNumeric || type == .bool, target.isNumeric else {
            throw ColumnarError.typeMismatch(expected: "a numeric type", actual: "\(type) to \(target)", context: "cast")
        }
        switch target {
        case .int8: return try cast(Int8.self)
        case .int16: return try cast(Int16.self)
        case .int32: return try cast(Int32.self)
        case .int64: return try cast(Int64.self)
        case .uint8: return try cast(UInt8.self)
        case .uint16: return try cast(UInt16.self)
        case .uint32: return try cast(UInt32.self)
        case .uint64: return try cast(UInt64.self)
        case .float32: return try castToFloat(Float.self)
        default: return try castToFloat(Double.self)
        }
    }

    private func cast<U: PrimitiveValue & FixedWidthInteger>(_ target: U.Type) throws -> Column {
        switch type {
        case .bool: return convertBits { $0 ? 1 : 0 as U }
        case .int8: return try convertIntegers(Int8.self, to: U.self)
        case .int16: return try convertIntegers(Int16.self, to: U.self)
        case .int32: return try convertIntegers(Int32.self, to: U.self)
        case .int64: return try convertIntegers(Int64.self, to: U.self)
        case .uint8: return try convertIntegers(UInt8.self, to: U.self)
        case .uint16: return try convertIntegers(UInt16.self, to: U.self)
        case .uint32: return try convertIntegers(UInt32.self, to: U.self)
        case .uint64: return try convertIntegers(UInt64.self, to: U.self)
        case .float32: return try convert(Float.self, to: U.self) { U(exactly: $0) }
        default: return try convert(Double.self, to: U.self) { U(exactly: $0) }
        }
    }

    private func castToFloat<U: PrimitiveValue & BinaryFloatingPoint>(_ target: U.Type) throws -> Column {
        switch type {
        case .bool: return convertBits { $0 ? 1 : 0 as U }
        case .int8: return try convert(Int8.self, to: U.self) { U($0) }
        case .int16: return try convert(Int16.self, to: U.self) { U($0) }
        case .int32: return try convert(Int32.self, to: U.self) { U($0) }
        case .int64: return try convert(Int64.self, to: U.self) { U($0) }
        case .uint8: return try convert(UInt8.self, to: U.self) { U($0) }
        case .uint16: return try convert(UInt16.self, to: U.self) { U($0) }
        case .uint32: return try convert(UInt32.self, to: U.self) { U($0) }
        case .uint64: return try convert(UInt64.self, to: U.self) { U($0) }
        case .float32: return try convert(Float.self, to: U.self) { U($0) }
        default: return try convert(Double.self, to: U.self) { U($0) }
        }
    }

    private func convertIntegers<T: BitwiseCopyable & FixedWidthInteger, U: PrimitiveValue & FixedWidthInteger>(
        _ source: T.Type, to target: U.Type
    ) throws -> Column {
        try convert(T.self, to: U.self) { U(exactly: $0) }
    }

    /// Applies `transform` to every valid value; a `nil` result is a value the target cannot hold.
    private func convert<T: BitwiseCopyable, U: PrimitiveValue>(
        _ source: T.Type, to target: U.Type, _ transform: (T) -> U?
    ) throws -> Column {
        let input = values(as: T.self)
        var failure: Int?
        let output = Buffer(unsafeUninitializedCapacity: count, of: U.self) { out, initialized in
            for i in 0..<count {
                if let value = transform(input[i]) {
                    out[i] = value
                } else if isValid(i) {
                    failure = i
                    break
                } else {
                    UnsafeMutableRawPointer(out.baseAddress! + i).initializeMemory(as: UInt8.self, repeating: 0,
                                                                                   count: MemoryLayout<U>.stride)
                }
            }
            initialized = count
        }
        if let failure {
            throw ColumnarError.typeMismatch(expected: U.dataType.description, actual: "\(type) value \(self[failure])",
                                             context: "cast of row \(failure)")
        }
        return Column(unchecked: U.dataType, count: count, validity: validity, buffers: [output])
    }

    private func convertBits<U: PrimitiveValue>(_ transform: (Bool) -> U) -> Column {
        let input = bits
        let output = Buffer(unsafeUninitializedCapacity: count, of: U.self) { out, initialized in
            for i in 0..<count { out[i] = transform(input[i]) }
            initialized = count
        }
        return Column(unchecked: U.dataType, count: count, validity: validity, buffers: [output])
    }
}
