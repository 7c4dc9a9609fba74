import Columnar

/// How a `Columnar` type is stored in a Parquet leaf: physical type, annotations, and the value
/// conversion the writer applies (widening narrow integers, coarsening units Parquet lacks).
struct LeafType: Sendable, Equatable {
    /// The conversion from the column's in-memory values to the stored physical values.
    enum Conversion: Sendable, Equatable {
        /// Stored as they are.
        case none
        /// Narrow integers widened to INT32 (sign- or zero-extended per `signed`).
        case widenToInt32(sourceWidth: Int, signed: Bool)
        /// Int64 milliseconds since the epoch to INT32 days (date64 → DATE).
        case millisecondsToDays
        /// Multiplied by 1000 (seconds → milliseconds), in the physical width.
        case secondsToMilliseconds
    }

    /// How statistics compare values.
    enum SortOrder: Sendable, Equatable {
        case signed, unsigned, float, bytes, boolean, none
    }

    var physical: PhysicalType
    var typeLength: Int32?
    var convertedType: ConvertedType?
    var logicalType: LogicalType?
    var scale: Int32?
    var precision: Int32?
    var conversion: Conversion = .none
    var sortOrder: SortOrder
    /// Bytes per stored value for fixed-width physical types (nil for BOOLEAN and BYTE_ARRAY).
    var storedWidth: Int? {
        switch physical {
        case .int32, .float: 4
        case .int64, .double: 8
        case .int96: 12
        case .fixedLenByteArray: Int(typeLength ?? 0)
        case .boolean, .byteArray: nil
        }
    }

    /// The mapping for a primitive `Columnar` type, as pyarrow writes it; nil for nested types.
    static func forPrimitive(_ type: DataType) throws -> LeafType {
        func int(_ physical: PhysicalType, _ bits: Int8, _ signed: Bool, _ converted: ConvertedType?) -> LeafType {
            let widen: Conversion = bits < 32 ? .widenToInt32(sourceWidth: Int(bits) / 8, signed: signed) : .none
            return LeafType(physical: physical, convertedType: converted,
                            logicalType: converted == nil ? nil : .integer(bitWidth: bits, isSigned: signed),
                            conversion: widen, sortOrder: signed ? .signed : .unsigned)
        }
        switch type {
        case .bool: return LeafType(physical: .boolean, sortOrder: .boolean)
        case .int8: return int(.int32, 8, true, .int8)
        case .int16: return int(.int32, 16, true, .int16)
        case .int32: return int(.int32, 32, true, nil)
        case .int64: return int(.int64, 64, true, nil)
        case .uint8: return int(.int32, 8, false, .uint8)
        case .uint16: return int(.int32, 16, false, .uint16)
        case .uint32: return int(.int32, 32, false, .uint32)
        case .uint64: return int(.int64, 64, false, .uint64)
        case .float16:
            return LeafType(physical: .fixedLenByteArray, typeLength: 2, logicalType: .float16, sortOrder: .none)
        case .float32: return LeafType(physical: .float, sortOrder: .float)
        case .float64: return LeafType(physical: .double, sortOrder: .float)
        case .string, .largeString:
            return LeafType(physical: .byteArray, convertedType: .utf8, logicalType: .string, sortOrder: .bytes)
        case .binary, .largeBinary: return LeafType(physical: .byteArray, sortOrder: .bytes)
        case .fixedSizeBinary(let width):
            return LeafType(physical: .fixedLenByteArray, typeLength: Int32(width), sortOrder: .bytes)
        case .date32: return LeafType(physical: .int32, convertedType: .date, logicalType: .date, sortOrder: .signed)
        case .date64:
            return LeafType(physical: .int32, convertedType: .date, logicalType: .date,
                            conversion: .millisecondsToDays, sortOrder: .signed)
        case .time32(let unit):
            return LeafType(physical: .int32, convertedType: .timeMillis,
                            logicalType: .time(isAdjustedToUTC: false, unit: .millis),
                            conversion: unit == .second ? .secondsToMilliseconds : .none, sortOrder: .signed)
        case .time64(let unit):
            let nanos = unit == .nanosecond
            return LeafType(physical: .int64, convertedType: nanos ? nil : .timeMicros,
                            logicalType: .time(isAdjustedToUTC: false, unit: nanos ? .nanos : .micros), sortOrder: .signed)
        case .timestamp(let unit, let zone):
            let utc = zone != nil
            let (logicalUnit, converted): (LogicalType.TimeUnit, ConvertedType?) = switch unit {
            case .second, .millisecond: (.millis, .timestampMillis)
            case .microsecond: (.micros, .timestampMicros)
            case .nanosecond: (.nanos, nil)
            }
            return LeafType(physical: .int64, convertedType: converted,
                            logicalType: .timestamp(isAdjustedToUTC: utc, unit: logicalUnit),
                            conversion: unit == .second ? .secondsToMilliseconds : .none, sortOrder: .signed)
        case .duration: return LeafType(physical: .int64, sortOrder: .signed)
        case .decimal(let precision, let scale, let storage):
            let physical: PhysicalType
            var length: Int32?
            switch storage {
            case .int32: physical = .int32
            case .int64: physical = .int64
            case .bigEndian(let width): physical = .fixedLenByteArray; length = Int32(width)
            }
            return LeafType(physical: physical, typeLength: length, convertedType: .decimal,
                            logicalType: .decimal(scale: Int32(scale), precision: Int32(precision)),
                            scale: Int32(scale), precision: Int32(precision),
                            sortOrder: physical == .fixedLenByteArray ? .none : .signed)
        case .list, .largeList, .struct:
            throw ParquetError(.unsupported, "\(type) is not a primitive type")
        }
    }
}

/// One step from a column node down towards a leaf.
enum LevelStep: Sendable, Equatable {
    /// Into field `index` of a struct.
    case child(index: Int, nullable: Bool)
    /// Into the elements of a list.
    case element(nullable: Bool)
}

/// One leaf column of the file being written.
struct WriterLeaf: Sendable {
    /// The top-level column index in the table.
    var columnIndex: Int
    /// The top-level column name.
    var name: String
    /// The path from the root's child to the leaf.
    var path: [String]
    var type: LeafType
    var maxDefinitionLevel: Int
    var maxRepetitionLevel: Int
    /// Whether the top-level field is nullable.
    var nullable: Bool
    /// The steps from the top-level column to the leaf (empty for a primitive column).
    var steps: [LevelStep]
}

/// The Parquet schema of a table being written: the flattened elements and the leaves.
struct WriterSchema: Sendable {
    var elements: [SchemaElement]
    var leaves: [WriterLeaf]
    var columnSchema: Schema

    /// Maps a `Columnar` schema as pyarrow does: structs become groups, lists the 3-level LIST
    /// with `list`/`element` names (`use_compliant_nested_type`).
    init(_ schema: Schema) throws {
        columnSchema = schema
        elements = [SchemaElement(repetitionType: .required, name: "schema", numChildren: Int32(schema.count))]
        leaves = []
        for (index, field) in schema.fields.enumerated() {
            try appendNode(field, column: index, top: field, path: [field.name], steps: [], definition: 0, repetition: 0)
        }
    }

    private mutating func appendNode(
        _ field: Field, column: Int, top: Field, path: [String], steps: [LevelStep], definition: Int, repetition: Int
    ) throws {
        let repetitionType: FieldRepetitionType = field.nullable ? .optional : .required
        let def = definition + (field.nullable ? 1 : 0)
        switch field.type {
        case .struct(let fields):
            guard !fields.isEmpty else {
                throw ParquetError(.unsupported, "a struct without fields cannot be written", column: path.joined(separator: "."))
            }
            elements.append(SchemaElement(repetitionType: repetitionType, name: field.name, numChildren: Int32(fields.count)))
            for (i, child) in fields.enumerated() {
                try appendNode(child, column: column, top: top, path: path + [child.name],
                               steps: steps + [.child(index: i, nullable: child.nullable)],
                               definition: def, repetition: repetition)
            }
        case .list(let element), .largeList(let element):
            elements.append(SchemaElement(repetitionType: repetitionType, name: field.name, numChildren: 1,
                                          convertedType: .list, logicalType: .list))
            elements.append(SchemaElement(repetitionType: .repeated, name: "list", numChildren: 1))
            try appendNode(element.renamed("element"), column: column, top: top, path: path + ["list", "element"],
                           steps: steps + [.element(nullable: element.nullable)],
                           definition: def + 1, repetition: repetition + 1)
        default:
            let leafType = try LeafType.forPrimitive(field.type)
            elements.append(Self.leafElement(name: field.name, type: leafType, nullable: field.nullable))
            leaves.append(WriterLeaf(columnIndex: column, name: top.name, path: path, type: leafType,
                                     maxDefinitionLevel: def, maxRepetitionLevel: repetition,
                                     nullable: top.nullable, steps: steps))
        }
    }

    static func leafElement(name: String, type: LeafType, nullable: Bool) -> SchemaElement {
        SchemaElement(type: type.physical, typeLength: type.typeLength,
                      repetitionType: nullable ? .optional : .required, name: name,
                      convertedType: type.convertedType, scale: type.scale, precision: type.precision,
                      logicalType: type.logicalType)
    }
}
