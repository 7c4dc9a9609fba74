import Columnar

/// How a top-level field (or a nested one) is rebuilt from its leaves' levels: the reader's plan
/// for list, struct and primitive nodes, with the level thresholds taken from the schema.
indirect enum ColumnShape: Sendable {
    /// A primitive column: null where the definition level is below `definitionLevel`.
    case leaf(leafIndex: Int, definitionLevel: Int, field: Field, physical: PhysicalType)
    /// A struct: null where the definition level of its first leaf is below `definitionLevel` (when nullable).
    case structure(children: [ColumnShape], definitionLevel: Int, field: Field, leafRange: Range<Int>)
    /// A list: null below `presentLevel`, empty below `nonEmptyLevel`; its elements repeat at `repetitionLevel`.
    case list(element: ColumnShape, presentLevel: Int, nonEmptyLevel: Int, repetitionLevel: Int,
              field: Field, leafRange: Range<Int>)

    /// The `Columnar` field this shape produces.
    var field: Field {
        switch self {
        case .leaf(_, _, let field, _), .structure(_, _, let field, _), .list(_, _, _, _, let field, _): field
        }
    }

    /// The leaves this shape reads.
    var leafRange: Range<Int> {
        switch self {
        case .leaf(let index, _, _, _): index..<(index + 1)
        case .structure(_, _, _, let range), .list(_, _, _, _, _, let range): range
        }
    }

    /// Builds the shape of `node`.
    ///
    /// - Parameter asElement: the node is the repeated element of an enclosing list, whose
    ///   repetition that list already accounts for.
    init(_ node: SchemaNode, asElement: Bool = false) throws {
        let column = node.path.joined(separator: ".")
        let nullable = !asElement && node.repetition == .optional
        if node.repetition == .repeated && !asElement {
            // An unannotated repeated field: a required list of required elements.
            let element = try ColumnShape(node, asElement: true)
            self = .list(element: element, presentLevel: node.definitionLevel - 1, nonEmptyLevel: node.definitionLevel,
                         repetitionLevel: node.repetitionLevel,
                         field: Field(node.name, .list(element.field), nullable: false), leafRange: node.leafRange)
            return
        }
        if node.isLeaf {
            let physical = node.element.type ?? .byteArray
            let type = try Self.leafType(node.element, column: column)
            self = .leaf(leafIndex: node.leafRange.lowerBound, definitionLevel: node.definitionLevel,
                         field: Field(node.name, type, nullable: nullable), physical: physical)
            return
        }
        if Self.isListOrMap(node.element) {
            guard node.children.count == 1, let repeated = node.children.first, repeated.repetition == .repeated else {
                throw ParquetError(.unsupported, "LIST/MAP group without a single repeated child", column: column)
            }
            let element: ColumnShape
            let isMap = node.element.logicalType == .map || node.element.convertedType == .map
                || node.element.convertedType == .mapKeyValue
            if isMap || repeated.isLeaf || repeated.children.count > 1 || repeated.name == "array"
                || repeated.name == node.name + "_tuple" || repeated.children.first?.repetition == .repeated {
                element = try ColumnShape(repeated, asElement: true)
            } else {
                element = try ColumnShape(repeated.children[0])
            }
            self = .list(element: element, presentLevel: node.definitionLevel, nonEmptyLevel: repeated.definitionLevel,
                         repetitionLevel: repeated.repetitionLevel,
                         field: Field(node.name, .list(element.field), nullable: nullable), leafRange: node.leafRange)
            return
        }
        let children = try node.children.map { try ColumnShape($0) }
        self = .structure(children: children, definitionLevel: node.definitionLevel,
                          field: Field(node.name, .struct(children.map(\.field)), nullable: nullable),
                          leafRange: node.leafRange)
    }

    private static func isListOrMap(_ element: SchemaElement) -> Bool {
        switch element.logicalType {
        case .list?, .map?: return true
        default: break
        }
        return element.convertedType == .list || element.convertedType == .map || element.convertedType == .mapKeyValue
    }

    /// The `Columnar` type of a primitive column, from its physical type and annotations.
    static func leafType(_ element: SchemaElement, column: String) throws -> DataType {
        let logical = element.logicalType
        let converted = element.convertedType
        switch element.type ?? .byteArray {
        case .boolean:
            return .bool
        case .int32:
            if case .integer(let width, let signed)? = logical {
                switch (width, signed) {
                case (8, true): return .int8
                case (16, true): return .int16
                case (8, false): return .uint8
                case (16, false): return .uint16
                case (32, false): return .uint32
                default: return .int32
                }
            }
            if case .decimal(let scale, let precision)? = logical {
                return .decimal(precision: Int(precision), scale: Int(scale), storage: .int32)
            }
            if logical == .date { return .date32 }
            if case .time(_, .millis)? = logical { return .time32(.millisecond) }
            switch converted {
            case .int8?: return .int8
            case .int16?: return .int16
            case .uint8?: return .uint8
            case .uint16?: return .uint16
            case .uint32?: return .uint32
            case .date?: return .date32
            case .timeMillis?: return .time32(.millisecond)
            case .decimal?:
                return .decimal(precision: Int(element.precision ?? 9), scale: Int(element.scale ?? 0), storage: .int32)
            default: return .int32
            }
        case .int64:
            switch logical {
            case .integer(_, false)?: return .uint64
            case .timestamp(let utc, let unit)?: return .timestamp(columnarUnit(unit), timezone: utc ? "UTC" : nil)
            case .time(_, let unit)?: return .time64(columnarUnit(unit))
            case .decimal(let scale, let precision)?:
                return .decimal(precision: Int(precision), scale: Int(scale), storage: .int64)
            default: break
            }
            switch converted {
            case .uint64?: return .uint64
            case .timestampMillis?: return .timestamp(.millisecond, timezone: "UTC")
            case .timestampMicros?: return .timestamp(.microsecond, timezone: "UTC")
            case .timeMicros?: return .time64(.microsecond)
            case .decimal?:
                return .decimal(precision: Int(element.precision ?? 18), scale: Int(element.scale ?? 0), storage: .int64)
            default: return .int64
            }
        case .int96:
            return .timestamp(.nanosecond)
        case .float:
            return .float32
        case .double:
            return .float64
        case .byteArray:
            switch logical {
            case .string?, .enum?, .json?: return .string
            default: break
            }
            switch converted {
            case .utf8?, .enum?, .json?: return .string
            default: return .binary
            }
        case .fixedLenByteArray:
            let width = Int(element.typeLength ?? 0)
            guard width > 0 else { throw ParquetError(.corruptMetadata, "FIXED_LEN_BYTE_ARRAY without a width", column: column) }
            if logical == .float16 && width == 2 { return .float16 }
            if case .decimal(let scale, let precision)? = logical {
                return .decimal(precision: Int(precision), scale: Int(scale), storage: .bigEndian(byteWidth: width))
            }
            if converted == .decimal {
                return .decimal(precision: Int(element.precision ?? 0), scale: Int(element.scale ?? 0),
                                storage: .bigEndian(byteWidth: width))
            }
            return .fixedSizeBinary(byteWidth: width)
        }
    }

    private static func columnarUnit(_ unit: LogicalType.TimeUnit) -> Columnar.TimeUnit {
        switch unit {
        case .millis: .millisecond
        case .micros: .microsecond
        case .nanos: .nanosecond
        }
    }
}
