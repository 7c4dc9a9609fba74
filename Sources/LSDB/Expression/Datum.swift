import Columnar

/// A whole column of values of one Swift type, or one constant standing for every row.
struct Vector<Element: BitwiseCopyable>: @unchecked Sendable {
    enum Storage {
        /// At least `count` values, one per row.
        case buffer(Buffer)
        /// One value for every row.
        case scalar(Element)
    }

    let storage: Storage
    /// Valid rows (`nil`: all); always `nil` for a scalar.
    let validity: Bitmap?

    init(_ buffer: Buffer, validity: Bitmap?) {
        storage = .buffer(buffer)
        self.validity = validity
    }

    init(scalar: Element) {
        storage = .scalar(scalar)
        validity = nil
    }

    var scalar: Element? {
        if case .scalar(let v) = storage { return v }
        return nil
    }

    /// The value at `row` (for error reporting and other slow paths).
    func element(_ row: Int) -> Element {
        switch storage {
        case .scalar(let v): v
        case .buffer(let b): b.withUnsafeBufferPointer(as: Element.self) { $0[row] }
        }
    }

    func isValid(_ row: Int) -> Bool { validity?[row] ?? true }

    /// A buffer of `count` values (the scalar repeated).
    func materialized(count: Int) -> Buffer {
        switch storage {
        case .buffer(let b): return b
        case .scalar(let v):
            return Buffer(unsafeUninitializedCapacity: count, of: Element.self) { out, n in
                out.initialize(repeating: v)
                n = count
            }
        }
    }

    /// The values converted one by one.
    func map<R: BitwiseCopyable>(count: Int, _ transform: (Element) -> R) -> Vector<R> {
        switch storage {
        case .scalar(let v): return Vector<R>(scalar: transform(v))
        case .buffer(let b):
            let out = b.withUnsafeBufferPointer(as: Element.self) { input in
                Buffer(unsafeUninitializedCapacity: count, of: R.self) { out, n in
                    for i in 0..<count { out[i] = transform(input[i]) }
                    n = count
                }
            }
            return Vector<R>(out, validity: validity)
        }
    }
}

/// Booleans: packed bits with validity, or one constant (`nil`: null) for every row.
enum Truth: Sendable {
    case bits(Bitmap, validity: Bitmap?)
    case constant(Bool?)

    /// The bits and validity of `count` rows.
    func expanded(count: Int) -> (bits: Bitmap, validity: Bitmap?) {
        switch self {
        case .bits(let bits, let validity): return (bits, validity)
        case .constant(let value?): return (Bitmap(repeating: value, count: count), nil)
        case .constant(nil): return (Bitmap(repeating: false, count: count), Bitmap(repeating: false, count: count))
        }
    }
}

/// The numbers of one evaluated node, kept in the type pandas would compute in (`int64` for all
/// integer types, `float` and `double`).
enum Numbers: Sendable {
    case int(Vector<Int64>)
    case float(Vector<Float>)
    case double(Vector<Double>)

    var validity: Bitmap? {
        switch self {
        case .int(let v): v.validity
        case .float(let v): v.validity
        case .double(let v): v.validity
        }
    }

    var isScalar: Bool {
        switch self {
        case .int(let v): v.scalar != nil
        case .float(let v): v.scalar != nil
        case .double(let v): v.scalar != nil
        }
    }

    /// The values as `Double`, for mixed comparisons and `double` arithmetic.
    func doubles(count: Int) -> Vector<Double> {
        switch self {
        case .int(let v): v.map(count: count) { Double($0) }
        case .float(let v): v.map(count: count) { Double($0) }
        case .double(let v): v
        }
    }

    /// The values as `Float`, for `float` arithmetic (never called with `double`).
    func floats(count: Int) -> Vector<Float> {
        switch self {
        case .int(let v): v.map(count: count) { Float($0) }
        case .float(let v): v
        case .double(let v): v.map(count: count) { Float($0) }
        }
    }
}

/// Strings: a `string` column, or one constant.
enum Strings: Sendable {
    case column(Column)
    case constant(String)
}

/// The value of one node of an expression during evaluation.
enum Datum: Sendable {
    case numbers(Numbers)
    case truth(Truth)
    case strings(Strings)
    /// `None`.
    case null

    /// The type shown in error messages.
    var typeName: String {
        switch self {
        case .numbers(.int): "int64"
        case .numbers(.float): "float"
        case .numbers(.double): "double"
        case .truth: "bool"
        case .strings: "string"
        case .null: "None"
        }
    }
}

extension Datum {
    /// The datum for a table column, reading integers as `int64`.
    init(column: Column, name: String) throws(QueryError) {
        let n = column.count
        let validity = column.validity
        func widened<T: BinaryInteger & BitwiseCopyable>(_: T.Type) -> Datum {
            let values = column.withUnsafeBufferPointer(as: T.self) { input in
                Buffer(unsafeUninitializedCapacity: n, of: Int64.self) { out, count in
                    for i in 0..<n { out[i] = Int64(truncatingIfNeeded: input[i]) }
                    count = n
                }
            }
            return .numbers(.int(Vector(values, validity: validity)))
        }
        switch column.type {
        case .int64: self = .numbers(.int(Vector(column.buffers[0], validity: validity)))
        case .int32: self = widened(Int32.self)
        case .int16: self = widened(Int16.self)
        case .int8: self = widened(Int8.self)
        case .uint32: self = widened(UInt32.self)
        case .uint16: self = widened(UInt16.self)
        case .uint8: self = widened(UInt8.self)
        case .uint64:
            let tooLarge = column.withUnsafeBufferPointer(as: UInt64.self) { input in
                (0..<n).first { input[$0] > UInt64(Int64.max) && column.isValid($0) }
            }
            if let row = tooLarge {
                throw .arithmetic("uint64 column '\(name)' holds \(column.values(as: UInt64.self)[row]) at row \(row), beyond the int64 range")
            }
            self = .numbers(.int(Vector(column.buffers[0], validity: validity)))
        case .float32: self = .numbers(.float(Vector(column.buffers[0], validity: validity)))
        case .float64: self = .numbers(.double(Vector(column.buffers[0], validity: validity)))
        case .bool: self = .truth(.bits(column.bits, validity: validity))
        case .string, .largeString: self = .strings(.column(column))
        default: throw .unsupportedColumnType(column: name, type: column.type.description)
        }
    }

    /// The datum for a constant.
    init(literal: Literal) {
        switch literal {
        case .int(let v): self = .numbers(.int(Vector(scalar: v)))
        case .double(let v): self = .numbers(.double(Vector(scalar: v)))
        case .string(let s): self = .strings(.constant(s))
        case .bool(let b): self = .truth(.constant(b))
        case .null: self = .null
        }
    }

    /// A column of `count` rows holding the datum (constants repeated).
    func column(count: Int) -> Column {
        func fixed<T: BitwiseCopyable>(_ v: Vector<T>, _ type: DataType) -> Column {
            do {
                return try Column(type: type, count: count, values: v.materialized(count: count), validity: v.validity)
            } catch {
                preconditionFailure("evaluation built an invalid \(type) column: \(error)")
            }
        }
        switch self {
        case .numbers(.int(let v)): return fixed(v, .int64)
        case .numbers(.float(let v)): return fixed(v, .float32)
        case .numbers(.double(let v)): return fixed(v, .float64)
        case .truth(let truth):
            let (bits, validity) = truth.expanded(count: count)
            return Column(bits: bits, validity: validity)
        case .strings(.column(let column)): return column
        case .strings(.constant(let s)): return Column([String](repeating: s, count: count))
        case .null: return Column(nullsOf: .bool, count: count)
        }
    }
}

/// The validity of a result computed from two operands: valid where both are.
func combinedValidity(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
    switch (a, b) {
    case (nil, nil): nil
    case (let a?, nil): a
    case (nil, let b?): b
    case (let a?, let b?): a & b
    }
}
