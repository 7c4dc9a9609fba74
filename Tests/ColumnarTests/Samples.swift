@testable import Columnar

/// Thirteen-row sample columns, one per kind of type, with nulls where the type allows them.
enum Samples {
    static let rows = 13

    static var ints: [Int64?] { [1, nil, 3, -4, 5, 6, nil, 8, 9, 10, 11, nil, 13] }
    static var doubles: [Double?] { [0.5, 1.5, nil, -2.25, 1e-5, 3.0, 4.0, nil, 7.5, 8.0, 9.0, 10.0, nil] }
    static var strings: [String?] { ["a", "", nil, "héllo", "dd", nil, "f", "ggg", "h", "ii", "", "k", "long string"] }
    static var bools: [Bool?] { [true, nil, false, true, false, nil, true, true, false, true, nil, false, true] }

    static func fixedSizeBinary() -> Column {
        let bytes = (0..<(rows * 3)).map { UInt8($0) }
        let validity = Bitmap((0..<rows).map { $0 % 4 != 1 })
        return try! Column(type: .fixedSizeBinary(byteWidth: 3), values: Buffer(bytes), validity: validity)
    }

    static func bigEndianDecimal() -> Column {
        var bytes: [UInt8] = []
        for i in 0..<rows {
            let value = Int128(i * 1000 - 5000)
            for shift in stride(from: 120, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        return try! Column(type: .decimal(precision: 20, scale: 2, storage: .bigEndian(byteWidth: 16)),
                           values: Buffer(bytes))
    }

    static func doubleLists() -> Column {
        Column([[1.0, nil], nil, [], [2.0], [3.0, 4.0, 5.0], nil, [6.0], [], [7.0, 8.0], [9.0], nil, [10.0, 11.0], [12.0]]
               as [[Double?]?])
    }

    static func stringLists() -> Column {
        Column([["a"], ["b", nil], nil, [], ["c", "d", "e"], ["f"], nil, ["g"], [], ["h"], ["i", "j"], nil, ["k"]]
               as [[String?]?])
    }

    static func structs() -> Column {
        let validity = Bitmap((0..<rows).map { $0 != 4 && $0 != 9 })
        return try! Column(structOf: [("a", Column(ints)), ("b", Column(strings))], validity: validity)
    }

    static func listOfStructs() -> Column {
        let child = try! Column(structOf: [("x", Column((0..<20).map { Double($0) })),
                                          ("y", Column((0..<20).map { $0 % 3 == 0 ? nil : Int32($0) }))])
        return Column(lists: [2, 0, nil, 3, 1, 1, nil, 4, 0, 2, 1, 3, 2], child: child)
    }

    /// Every sample column, labelled.
    static func all() -> [(String, Column)] {
        [
            ("bool", Column(bools)),
            ("int8", Column(ints.map { $0.map { Int8($0) } })),
            ("int16", Column(ints.map { $0.map { Int16($0) } })),
            ("int32", Column(ints.map { $0.map { Int32($0) } })),
            ("int64", Column(ints)),
            ("uint8", Column(ints.map { $0.map { UInt8(abs($0)) } })),
            ("uint16", Column(ints.map { $0.map { UInt16(abs($0)) } })),
            ("uint32", Column(ints.map { $0.map { UInt32(abs($0)) } })),
            ("uint64", Column(ints.map { $0.map { UInt64(abs($0)) } })),
            ("float", Column(doubles.map { $0.map { Float($0) } })),
            ("double", Column(doubles)),
            ("string", Column(strings)),
            ("large_string", Column(strings, type: .largeString)),
            ("binary", Column(binary: strings.map { $0.map { Array($0.utf8) } })),
            ("fixed_size_binary", fixedSizeBinary()),
            ("timestamp", Column(ints.map { $0.map { $0 * 3_600_000_123 } }, type: .timestamp(.microsecond, timezone: "UTC"))),
            ("date32", Column(ints.map { $0.map { Int32($0 * 1000) } }, type: .date32)),
            ("decimal64", Column(ints, type: .decimal(precision: 10, scale: 3, storage: .int64))),
            ("decimal_be", bigEndianDecimal()),
            ("list_double", doubleLists()),
            ("list_string", stringLists()),
            ("struct", structs()),
            ("list_struct", listOfStructs()),
        ]
    }

    /// Every value of a column, boxed.
    static func scalars(_ column: Column) -> [Scalar] {
        (0..<column.count).map { column[$0] }
    }

    /// Rebuilds a column through the validating initialiser, which checks its layout.
    static func revalidate(_ column: Column) throws {
        _ = try Column(type: column.type, count: column.count, validity: column.validity,
                       buffers: column.buffers, children: column.children)
        for child in column.children { try revalidate(child) }
    }
}
