import Testing
@testable import Columnar

/// Filter, gather, slice and concatenate on every sample type, checked value by value against
/// the boxed source values, on whole columns and on slices (whose offsets do not start at zero).
@Suite struct ColumnKernelTests {
    static let inputs: [(String, Column)] = Samples.all().flatMap { name, column in
        [(name, column), (name + " sliced", column.slice(3..<11))]
    }

    @Test(arguments: inputs.indices)
    func gatherMatchesSourceRows(_ i: Int) throws {
        let (name, column) = Self.inputs[i]
        let indices = [column.count - 1, 0, 2, 2, 1, column.count / 2]
        let gathered = column.gather(indices)
        let source = Samples.scalars(column)
        #expect(Samples.scalars(gathered) == indices.map { source[$0] }, "\(name)")
        #expect(gathered.type == column.type)
        try Samples.revalidate(gathered)
    }

    @Test(arguments: inputs.indices)
    func gatherWithNullIndicesGivesNullRows(_ i: Int) throws {
        let (name, column) = Self.inputs[i]
        let indices: [Int32] = [-1, 1, -1, 0, Int32(column.count - 1), -1]
        let gathered = column.gather(indices, allowingNullIndices: true)
        let source = Samples.scalars(column)
        let expected = indices.map { $0 < 0 ? Scalar.null : source[Int($0)] }
        #expect(Samples.scalars(gathered) == expected, "\(name)")
        #expect(gathered.nullCount == expected.filter { $0 == .null }.count)
        try Samples.revalidate(gathered)
    }

    @Test(arguments: inputs.indices)
    func filterKeepsMaskedRowsInOrder(_ i: Int) throws {
        let (name, column) = Self.inputs[i]
        let mask = (0..<column.count).map { $0 % 3 != 1 }
        let filtered = column.filter(mask)
        let source = Samples.scalars(column)
        let expected = source.indices.filter { mask[$0] }.map { source[$0] }
        #expect(Samples.scalars(filtered) == expected, "\(name)")
        #expect(filtered.nullCount == expected.filter { $0 == .null }.count)
        try Samples.revalidate(filtered)
        #expect(column.filter(Bitmap(repeating: false, count: column.count)).count == 0)
    }

    @Test(arguments: inputs.indices)
    func sliceSharesValues(_ i: Int) throws {
        let (name, column) = Self.inputs[i]
        let source = Samples.scalars(column)
        for range in [0..<column.count, 1..<5, 0..<0, (column.count - 2)..<column.count, 2..<(column.count - 1)] {
            let sliced = column.slice(range)
            #expect(Samples.scalars(sliced) == Array(source[range]), "\(name) \(range)")
            try Samples.revalidate(sliced)
        }
        #expect(Samples.scalars(column.head(2)) == Array(source.prefix(2)))
        #expect(Samples.scalars(column.tail(3)) == Array(source.suffix(3)))
    }

    @Test(arguments: inputs.indices)
    func concatenateAppendsRows(_ i: Int) throws {
        let (name, column) = Self.inputs[i]
        let pieces = [column.slice(5..<column.count), column, column.slice(0..<0), column.slice(1..<4)]
        let joined = try Column.concatenate(pieces)
        #expect(Samples.scalars(joined) == pieces.flatMap(Samples.scalars), "\(name)")
        #expect(joined.nullCount == pieces.reduce(0) { $0 + $1.nullCount })
        try Samples.revalidate(joined)
    }

    @Test func concatenateRejectsDifferentTypes() {
        #expect(throws: ColumnarError.self) {
            try Column.concatenate([Column([1.0]), Column([Int64(1)])])
        }
    }

    @Test func gatherCopiesExpectedValues() {
        let column = Column([10.0, nil, 30.0])
        let gathered = column.gather([2, 1, -1, 0], allowingNullIndices: true)
        #expect(gathered.toArray(of: Double.self) == [30.0, nil, nil, 10.0])
        #expect(gathered.nullCount == 2)
        let strings = Column(["x", nil, "zz"] as [String?]).gather([2, 2, 0])
        #expect(strings.toStrings() == ["zz", "zz", "x"])
        #expect(strings.validity == nil)
    }

    @Test func filterDropsRowsOfEveryChild() throws {
        let column = Samples.structs().filter(Samples.bools.map { $0 == true })
        let a = try column.field(named: "a")
        #expect(a.toArray(of: Int64.self) == [1, -4, nil, 8, 10, 13])
        #expect(column.isNull(4))
        #expect(throws: ColumnarError.unknownColumn("c", available: ["a", "b"])) { try column.field(named: "c") }
    }

    @Test func sliceOfFixedWidthValuesIsZeroCopy() {
        let column = Column((0..<100).map { Double($0) })
        let sliced = column.slice(10..<20)
        let base = column.withUnsafeBufferPointer(as: Double.self) { $0.baseAddress! }
        let start = sliced.withUnsafeBufferPointer(as: Double.self) { $0.baseAddress! }
        #expect(start == base + 10)
        #expect(sliced.values(as: Double.self).first == 10.0)
    }

    @Test func nullsOfAnyType() {
        for (_, sample) in Samples.all() {
            let nulls = Column(nullsOf: sample.type, count: 4)
            #expect(nulls.nullCount == 4)
            #expect(Samples.scalars(nulls) == [.null, .null, .null, .null])
        }
    }
}

@Suite struct ColumnLayoutTests {
    @Test(arguments: Samples.all().indices)
    func equalityIgnoresSharingAndOffsets(_ i: Int) throws {
        let (name, column) = Samples.all()[i]
        let sliced = column.slice(3..<11)
        let copied = try Column.concatenate([column.slice(3..<6), column.slice(6..<11)])
        #expect(sliced == copied, "\(name)")
        #expect(column == column.gather(Array(0..<column.count)), "\(name)")
        #expect(sliced != column.slice(2..<10), "\(name)")
    }

    @Test func equalityComparesNullPositionsAndBits() {
        #expect(Column([1.0, nil]) == Column([1.0, nil]))
        #expect(Column([1.0, nil]) != Column([nil, 1.0]))
        #expect(Column([Double.nan]) == Column([Double.nan]))
        #expect(Column([1.0]) != Column([Float(1)]))
        #expect(Column([1.0, 2.0]).withValidity(Bitmap([true, false])) == Column([1.0, 3.0]).withValidity(Bitmap([true, false])))
    }

    @Test func validatingInitRejectsBadLayouts() {
        #expect(throws: ColumnarError.self) { try Column(type: .float64, count: 3, values: Buffer([1.0, 2.0])) }
        #expect(throws: ColumnarError.self) {
            try Column(type: .string, offsets: Buffer([Int64(0), 3, 2]), values: Buffer([UInt8](repeating: 65, count: 3)))
        }
        #expect(throws: ColumnarError.self) {
            try Column(type: .string, offsets: Buffer([Int64(0), 2, 9]), values: Buffer([UInt8](repeating: 65, count: 3)))
        }
        #expect(throws: ColumnarError.self) { try Column(offsets: Buffer([Int64(0), 5]), child: Column([1.0, 2.0])) }
        #expect(throws: ColumnarError.self) {
            try Column(type: .float64, values: Buffer([1.0, 2.0]), validity: Bitmap([true, false, true]))
        }
        #expect(throws: ColumnarError.self) {
            try Column(type: .int64, values: Buffer([UInt8](repeating: 0, count: 17)).slice(byteOffset: 1, byteCount: 16))
        }
        #expect(throws: ColumnarError.self) {
            try Column(structFields: [Field("a", .int64)], children: [Column([1.0])], count: 1)
        }
    }

    @Test func decoderStyleConstructionWithoutCopies() throws {
        var offsets = BufferBuilder<Int64>()
        var bytes = BufferBuilder<UInt8>()
        var validity = BitmapBuilder()
        offsets.append(0)
        for word in ["alpha", "", "gamma"] {
            bytes.append(contentsOf: Array(word.utf8))
            offsets.append(Int64(bytes.count))
            validity.append(!word.isEmpty)
        }
        let column = try Column(type: .string, offsets: offsets.finish(), values: bytes.finish(), validity: validity.finish())
        #expect(column.toStrings() == ["alpha", nil, "gamma"])
        #expect(column.strings.equals("gamma", at: 2))
        #expect(column.strings.withBytes(at: 0) { $0.count } == 5)

        let values = Buffer(unsafeUninitializedCapacity: 4, of: Int64.self) { out, count in
            for i in 0..<4 { out[i] = Int64(i) * 1_000_000 }
            count = 4
        }
        let times = try Column(type: .timestamp(.microsecond), values: values)
        #expect(times.count == 4)
        #expect(times[1].description == "1970-01-01 00:00:01")
        let lists = try Column(offsets: Buffer([Int64(0), 2, 2, 4]), child: times)
        #expect(lists.type.description == "list<element: timestamp[us]>")
        #expect(lists.listRange(at: 2) == 2..<4)
        let point = try Column(structOf: [("t", times), ("n", Column([Int32(1), 2, 3, 4]))])
        #expect(point.type.description == "struct<t: timestamp[us], n: int32>")
    }

    @Test func typedViewsReadValues() {
        let column = Column([1.5, 2.5, nil, 4.0])
        let view = column.values(as: Double.self)
        #expect(view.count == 4 && view[0] == 1.5 && view[3] == 4.0)
        #expect(column.withUnsafeBufferPointer(as: Double.self) { $0.count } == 4)
        #expect(column.isNull(2) && column.isValid(1) && column.nullCount == 1 && column.hasNulls)
        let mask = Bitmap.evaluating(count: view.count) { view[$0] > 2 }
        #expect(mask.toArray() == [false, true, false, true])
        #expect(Column([true, nil, false] as [Bool?]).toBools() == [true, nil, false])
    }
}

@Suite struct WordKernelTests {
    /// Columns long enough to exercise the 64-bit word loops, with nulls, sliced at an unaligned row.
    static func longColumns() -> [Column] {
        let n = 517
        let ints: [Int64?] = (0..<n).map { (i: Int) -> Int64? in i % 11 == 3 ? nil : Int64(i * 7 - 900) }
        let bytes: [UInt8?] = ints.map { $0.map { UInt8(truncatingIfNeeded: $0) } }
        let shorts: [Int16?] = ints.map { $0.map { Int16(truncatingIfNeeded: $0) } }
        let floats: [Float?] = ints.map { $0.map { Float($0) / 3 } }
        let bools: [Bool?] = ints.map { $0.map { $0 % 3 == 0 } }
        let strings: [String?] = ints.map { $0.map { String($0) } }
        let lists: [[Double]?] = ints.map { $0.map { [Double($0), 1] } }
        let dense: [Double] = ints.map { Double($0 ?? 0) }
        let columns = [Column(ints), Column(bytes), Column(shorts), Column(floats), Column(bools),
                       Column(strings), Column(lists), Column(dense)]
        return columns.flatMap { [$0, $0.slice(5..<500)] }
    }

    @Test func filterMatchesGatherOfSetPositions() {
        for column in Self.longColumns() {
            let n = column.count
            let masks = [
                Bitmap((0..<n).map { ($0 / 64) % 2 == 0 || $0 % 5 == 0 }),
                Bitmap((0..<n).map { $0 % 2 == 1 }),
                Bitmap((0..<n).map { $0 == n - 1 }),
                Bitmap(repeating: true, count: n),
            ]
            for mask in masks {
                let filtered = column.filter(mask)
                #expect(filtered == column.gather(mask.setIndices()), "\(column.type)")
                #expect(filtered.count == mask.setBitCount)
            }
        }
    }

    @Test func tableFilterUsesTheSameKernels() throws {
        let columns = Self.longColumns().filter { $0.count == 517 }
        let table = try Table(columns.enumerated().map { ("c\($0.offset)", $0.element) })
        let mask = Bitmap((0..<517).map { $0 % 3 != 0 })
        let filtered = table.filter(mask)
        for (name, column) in zip(table.columnNames, table.columns) {
            #expect(try filtered.column(named: name) == column.gather(mask.setIndices()))
        }
    }
}

@Suite struct EmptyInputTests {
    @Test(arguments: Samples.all().indices)
    func kernelsAcceptEmptyInputs(_ i: Int) throws {
        let (name, column) = Samples.all()[i]
        let empty = Column.empty(column.type)
        #expect(column.gather([Int]()) == empty, "\(name)")
        #expect(column.filter(Bitmap(repeating: false, count: column.count)) == empty, "\(name)")
        #expect(column.slice(4..<4) == empty, "\(name)")
        #expect(try Column.concatenate([empty, column.slice(0..<0)]) == empty, "\(name)")
        #expect(empty.gather([Int]()).count == 0)
        #expect(empty.filter([Bool]()).count == 0)
        #expect(try Column.concatenate([empty, column]) == column, "\(name)")
        try Samples.revalidate(empty)
    }

    @Test func structWithoutFieldsKeepsItsRowCount() throws {
        let column = try Column(structFields: [], children: [], count: 3)
        #expect(column.gather([2, 0]).count == 2)
        #expect(column.filter([true, false, true]).count == 2)
        #expect(column.slice(1..<3).count == 2)
        #expect(try Column.concatenate([column, column]).count == 6)
        #expect(column[0] == .struct([], []))
    }
}
