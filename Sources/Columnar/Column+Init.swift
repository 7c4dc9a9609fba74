extension Column {
    /// Creates a column of `T`'s default type (`[Double]` → `double`) with no nulls.
    public init<T: PrimitiveValue>(_ values: [T]) {
        self.init(unchecked: T.dataType, count: values.count, validity: nil, buffers: [Buffer(values)])
    }

    /// Creates a column of `T`'s default type; `nil` elements are null.
    public init<T: PrimitiveValue>(_ values: [T?]) {
        self.init(values, type: T.dataType)
    }

    /// Creates a column of a fixed-width `type` stored as `T` (for example timestamps from
    /// `[Int64?]`); `nil` elements are null.
    ///
    /// - Precondition: `type` is fixed-width with `T`'s size.
    public init<T: PrimitiveValue>(_ values: [T?], type: DataType) {
        precondition(type.byteWidth == MemoryLayout<T>.stride, "\(type) is not stored as \(T.self)")
        let (validity, hasNull) = Column.validity(of: values)
        let data = Buffer(unsafeUninitializedCapacity: values.count, of: T.self) { out, initialized in
            UnsafeMutableRawBufferPointer(out).initializeMemory(as: UInt8.self, repeating: 0)
            for (i, value) in values.enumerated() {
                if let value { out[i] = value }
            }
            initialized = values.count
        }
        self.init(unchecked: type, count: values.count, validity: hasNull ? validity : nil, buffers: [data])
    }

    /// Creates a `bool` column with no nulls.
    public init(_ values: [Bool]) {
        self.init(bits: Bitmap(values))
    }

    /// Creates a `bool` column; `nil` elements are null.
    public init(_ values: [Bool?]) {
        let (validity, hasNull) = Column.validity(of: values)
        self.init(bits: Bitmap(values.map { $0 ?? false }), validity: hasNull ? validity : nil)
    }

    /// Creates a `string` column (or `large_string` with `type: .largeString`) with no nulls.
    public init(_ values: [String], type: DataType = .string) {
        self.init(values.map { Optional($0) }, type: type)
    }

    /// Creates a `string` column (or `large_string` with `type: .largeString`); `nil` elements
    /// are null.
    public init(_ values: [String?], type: DataType = .string) {
        precondition(type.isString, "\(type) is not a string type")
        self.init(variableLength: values.map { $0.map { Array($0.utf8) } }, type: type)
    }

    /// Creates a `binary` column (or another variable-length type); `nil` elements are null.
    public init(binary values: [[UInt8]?], type: DataType = .binary) {
        precondition(type.isVariableLength, "\(type) is not a variable-length type")
        self.init(variableLength: values, type: type)
    }

    private init(variableLength values: [[UInt8]?], type: DataType) {
        let (validity, hasNull) = Column.validity(of: values)
        var offsets = BufferBuilder<Int64>(capacity: values.count + 1)
        var bytes = BufferBuilder<UInt8>(capacity: values.reduce(0) { $0 + ($1?.count ?? 0) })
        offsets.append(0)
        for value in values {
            if let value { bytes.append(contentsOf: value) }
            offsets.append(Int64(bytes.count))
        }
        self.init(unchecked: type, count: values.count, validity: hasNull ? validity : nil,
                  buffers: [offsets.finish(), bytes.finish()])
    }

    /// Creates a `list<element: T>` column; `nil` lists are null.
    public init<T: PrimitiveValue>(_ lists: [[T]?]) {
        let child = Column(lists.flatMap { $0 ?? [] })
        self.init(lists: lists.map { $0?.count }, child: child)
    }

    /// Creates a `list<element: T>` column whose elements may be null; `nil` lists are null.
    public init<T: PrimitiveValue>(_ lists: [[T?]?]) {
        let child = Column(lists.flatMap { $0 ?? [] })
        self.init(lists: lists.map { $0?.count }, child: child)
    }

    /// Creates a `list<element: string>` column; `nil` lists are null.
    public init(_ lists: [[String?]?]) {
        let child = Column(lists.flatMap { $0 ?? [] })
        self.init(lists: lists.map { $0?.count }, child: child)
    }

    /// Creates a list column over `child`, where `lengths[i]` is the length of list `i`
    /// (`nil`: a null list), taking consecutive child rows.
    public init(lists lengths: [Int?], child: Column, type: DataType? = nil) {
        let (validity, hasNull) = Column.validity(of: lengths)
        var offsets = BufferBuilder<Int64>(capacity: lengths.count + 1)
        var total: Int64 = 0
        offsets.append(0)
        for length in lengths {
            total += Int64(length ?? 0)
            offsets.append(total)
        }
        precondition(total <= child.count, "list lengths sum to \(total) but the child has \(child.count) rows")
        let listType = type ?? .list(of: child.type)
        precondition(listType.listElement?.type == child.type, "\(listType) does not hold \(child.type)")
        self.init(unchecked: listType, count: lengths.count, validity: hasNull ? validity : nil,
                  buffers: [offsets.finish()], children: [child])
    }

    /// Creates a column of `count` nulls of any type.
    public init(nullsOf type: DataType, count: Int) {
        self = Column.empty(type).gather([Int](repeating: -1, count: count), allowingNullIndices: true)
    }

    /// An empty column of `type`.
    public static func empty(_ type: DataType) -> Column {
        switch type.layout {
        case .bits, .fixed:
            return Column(unchecked: type, count: 0, validity: nil, buffers: [Buffer()])
        case .variable:
            return Column(unchecked: type, count: 0, validity: nil, buffers: [Buffer([Int64(0)]), Buffer()])
        case .list:
            return Column(unchecked: type, count: 0, validity: nil, buffers: [Buffer([Int64(0)])],
                          children: [empty(type.listElement!.type)])
        case .structure:
            return Column(unchecked: type, count: 0, validity: nil, buffers: [],
                          children: type.structFields!.map { empty($0.type) })
        }
    }

    /// The validity bitmap of an array of optionals, and whether any element is `nil`.
    static func validity<T>(of values: [T?]) -> (Bitmap, Bool) {
        var hasNull = false
        let bitmap = Bitmap(values.map { value in
            if value == nil { hasNull = true }
            return value != nil
        })
        return (bitmap, hasNull)
    }
}
