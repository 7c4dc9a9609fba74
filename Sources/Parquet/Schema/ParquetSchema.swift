import Columnar

/// One node of the Parquet schema tree, with its cumulative definition and repetition levels.
public struct SchemaNode: Sendable {
    /// The flattened schema element this node was built from.
    public let element: SchemaElement
    /// The children (empty for leaves).
    public let children: [SchemaNode]
    /// The names from the root's child down to this node.
    public let path: [String]
    /// The number of OPTIONAL and REPEATED nodes from the root's child down to this node, inclusive.
    public let definitionLevel: Int
    /// The number of REPEATED nodes from the root's child down to this node, inclusive.
    public let repetitionLevel: Int
    /// The indices of the leaf columns under this node (a leaf has one).
    public let leafRange: Range<Int>

    /// Whether this node is a primitive column.
    public var isLeaf: Bool { element.type != nil && children.isEmpty }
    /// The node's name.
    public var name: String { element.name }
    /// The node's repetition (absent is read as optional).
    public var repetition: FieldRepetitionType { element.repetitionType ?? .optional }
}

/// A leaf (primitive) column: where its values sit in the tree and how they are stored.
public struct ColumnDescriptor: Sendable {
    /// The leaf's schema element.
    public let element: SchemaElement
    /// The path from the root's child to the leaf (`path_in_schema`).
    public let path: [String]
    /// The maximum definition level.
    public let maxDefinitionLevel: Int
    /// The maximum repetition level.
    public let maxRepetitionLevel: Int
    /// The leaf's position among all leaves (and in every row group's `columns`).
    public let leafIndex: Int

    /// The physical type.
    public var physicalType: PhysicalType { element.type ?? .byteArray }
    /// The path joined with dots, as used in error messages.
    public var dottedPath: String { path.joined(separator: ".") }
    /// The width of one stored value in bytes for fixed-width physical types (`nil` for BOOLEAN and BYTE_ARRAY).
    public var storedWidth: Int? {
        switch physicalType {
        case .int32, .float: 4
        case .int64, .double: 8
        case .int96: 12
        case .fixedLenByteArray: Int(element.typeLength ?? 0)
        case .boolean, .byteArray: nil
        }
    }
}

/// The schema of a Parquet file: the node tree, its leaf columns and the equivalent `Columnar` schema.
public struct ParquetSchema: Sendable {
    /// The root group (`schema[0]`).
    public let root: SchemaNode
    /// The leaf columns in file order.
    public let leaves: [ColumnDescriptor]
    /// The top-level fields as `Columnar` fields (lists, structs and maps included), with the
    /// file's key/value metadata.
    public let columnarSchema: Columnar.Schema

    /// The deepest tree accepted (hostile footers could otherwise nest without bound).
    public static let maxDepth = 64

    /// Builds the tree from the flattened elements of `FileMetaData.schema`.
    ///
    /// - Throws: `ParquetError` `.corruptMetadata` for inconsistent child counts, leaves without a
    ///   type, or nesting deeper than `maxDepth`.
    public init(elements: [SchemaElement], keyValueMetadata: [KeyValue]? = nil) throws {
        guard let first = elements.first else { throw ParquetError(.corruptMetadata, "empty schema") }
        var position = 1
        var leaves: [ColumnDescriptor] = []
        let childCount = Int(first.numChildren ?? 0)
        guard childCount >= 0, childCount <= elements.count - 1 else {
            throw ParquetError(.corruptMetadata, "schema root declares \(childCount) children, \(elements.count - 1) elements follow")
        }
        var children: [SchemaNode] = []
        for _ in 0..<childCount {
            children.append(try Self.build(elements, &position, parentPath: [], parentDef: 0, parentRep: 0,
                                           depth: 1, leaves: &leaves))
        }
        guard position == elements.count else {
            throw ParquetError(.corruptMetadata, "schema has \(elements.count - position) elements outside the tree")
        }
        root = SchemaNode(element: first, children: children, path: [], definitionLevel: 0, repetitionLevel: 0,
                          leafRange: 0..<leaves.count)
        self.leaves = leaves
        var metadata: [String: String] = [:]
        for kv in keyValueMetadata ?? [] { metadata[kv.key] = kv.value ?? "" }
        columnarSchema = Columnar.Schema(try children.map { try ColumnShape($0).field }, metadata: metadata)
    }

    private static func build(
        _ elements: [SchemaElement], _ position: inout Int, parentPath: [String], parentDef: Int, parentRep: Int,
        depth: Int, leaves: inout [ColumnDescriptor]
    ) throws -> SchemaNode {
        guard depth <= maxDepth else { throw ParquetError(.corruptMetadata, "schema nested deeper than \(maxDepth)") }
        guard position < elements.count else { throw ParquetError(.corruptMetadata, "schema ends inside a group") }
        let element = elements[position]
        position += 1
        let path = parentPath + [element.name]
        let repetition = element.repetitionType ?? .optional
        let def = parentDef + (repetition == .required ? 0 : 1)
        let rep = parentRep + (repetition == .repeated ? 1 : 0)
        let firstLeaf = leaves.count
        let count = Int(element.numChildren ?? 0)
        if count > 0 || element.type == nil {
            guard count > 0, count <= elements.count - position else {
                throw ParquetError(.corruptMetadata, "schema group '\(path.joined(separator: "."))' declares \(count) children")
            }
            var children: [SchemaNode] = []
            children.reserveCapacity(count)
            for _ in 0..<count {
                children.append(try build(elements, &position, parentPath: path, parentDef: def, parentRep: rep,
                                           depth: depth + 1, leaves: &leaves))
            }
            return SchemaNode(element: element, children: children, path: path, definitionLevel: def,
                              repetitionLevel: rep, leafRange: firstLeaf..<leaves.count)
        }
        if element.type == .fixedLenByteArray, (element.typeLength ?? 0) <= 0 {
            throw ParquetError(.corruptMetadata, "FIXED_LEN_BYTE_ARRAY column without a positive type_length",
                               column: path.joined(separator: "."))
        }
        leaves.append(ColumnDescriptor(element: element, path: path, maxDefinitionLevel: def,
                                       maxRepetitionLevel: rep, leafIndex: firstLeaf))
        return SchemaNode(element: element, children: [], path: path, definitionLevel: def, repetitionLevel: rep,
                          leafRange: firstLeaf..<(firstLeaf + 1))
    }

    /// The top-level node called `name`.
    public func topLevelNode(named name: String) -> SchemaNode? {
        root.children.first { $0.name == name }
    }

    /// The leaf whose dotted path is `path` (a top-level primitive column's path is its name).
    public func leaf(dottedPath path: String) -> ColumnDescriptor? {
        leaves.first { $0.dottedPath == path }
    }
}
