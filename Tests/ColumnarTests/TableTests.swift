import Testing
@testable import Columnar

@Suite struct TableTests {
    static func sample() throws -> Table {
        try Table([
            ("_healpix_29", Column([Int64(100), 200, 300, 400])),
            ("ra", Column([10.0, nil, 30.0, 40.0])),
            ("name", Column(["a", "b", nil, "d"] as [String?])),
        ], indexColumnName: "_healpix_29")
    }

    @Test func lookupByName() throws {
        let table = try Self.sample()
        #expect(table.rowCount == 4)
        #expect(table.columnCount == 3)
        #expect(table.columnNames == ["_healpix_29", "ra", "name"])
        #expect(try table.column(named: "ra").toArray(of: Double.self) == [10, nil, 30, 40])
        #expect(table["dec"] == nil)
        #expect(table.indexColumn?.type == .int64)
    }

    @Test func unknownColumnErrorListsTheAvailableNames() throws {
        let table = try Self.sample()
        let error = #expect(throws: ColumnarError.self) { try table.column(named: "dec") }
        #expect(error == .unknownColumn("dec", available: ["_healpix_29", "ra", "name"]))
        #expect(error?.description == "unknown column 'dec'; available columns: _healpix_29, ra, name")
        #expect(throws: ColumnarError.unknownColumn("x", available: ["_healpix_29", "ra", "name"])) {
            try table.selecting(["ra", "x"])
        }
    }

    @Test func constructionChecksLengthsTypesAndNames() {
        #expect(throws: ColumnarError.lengthMismatch(expected: 2, actual: 3, context: "rows of column 'b'")) {
            try Table([("a", Column([1.0, 2.0])), ("b", Column([1.0, 2.0, 3.0]))])
        }
        #expect(throws: ColumnarError.duplicateColumn("a")) {
            try Table([("a", Column([1.0])), ("a", Column([2.0]))])
        }
        #expect(throws: ColumnarError.typeMismatch(expected: "int64", actual: "double", context: "column 'a'")) {
            try Table(schema: Schema([Field("a", .int64)]), columns: [Column([1.0])])
        }
        #expect(throws: ColumnarError.unknownColumn("_healpix_29", available: ["a"])) {
            try Table([("a", Column([1.0]))], indexColumnName: "_healpix_29")
        }
    }

    @Test func selectAddRenameRemove() throws {
        let table = try Self.sample()
        let selected = try table.selecting(["name", "ra"])
        #expect(selected.columnNames == ["name", "ra"])
        #expect(selected.indexColumnName == nil)
        #expect(try table.selecting(["_healpix_29", "ra"]).indexColumnName == "_healpix_29")

        let added = try table.adding(Column([true, false, true, true]), named: "flag", at: 1)
        #expect(added.columnNames == ["_healpix_29", "flag", "ra", "name"])
        #expect(added.schema.fields[1].type == .bool)
        #expect(throws: ColumnarError.duplicateColumn("ra")) { try table.adding(Column([1.0, 2, 3, 4]), named: "ra") }
        #expect(throws: ColumnarError.self) { try table.adding(Column([1.0]), named: "short") }

        let renamed = try table.renaming(["ra": "ra_left", "_healpix_29": "hp"])
        #expect(renamed.columnNames == ["hp", "ra_left", "name"])
        #expect(renamed.indexColumnName == "hp")
        #expect(try table.removing(["ra"]).columnNames == ["_healpix_29", "name"])
        #expect(try table.removing(["_healpix_29"]).indexColumnName == nil)
        let replaced = try table.replacing("ra", with: Column([1, 2, 3, 4] as [Int32]))
        #expect(replaced.schema["ra"]?.type == .int32)
        #expect(try table.withIndexColumn(nil).indexColumnName == nil)
        let moved = try table.selecting(["ra", "name", "_healpix_29"]).withIndexColumnFirst()
        #expect(moved.columnNames == ["_healpix_29", "ra", "name"])
        #expect(try moved.column(named: "_healpix_29").toArray(of: Int64.self) == [100, 200, 300, 400])
    }

    @Test func kernelsApplyToEveryColumn() throws {
        let table = try Self.sample()
        let filtered = table.filter([true, false, true, true])
        #expect(filtered.rowCount == 3)
        #expect(try filtered.column(named: "_healpix_29").toArray(of: Int64.self) == [100, 300, 400])
        #expect(try filtered.column(named: "name").toStrings() == ["a", nil, "d"])
        #expect(filtered.indexColumnName == "_healpix_29")

        let gathered = table.gather([3, -1, 0], allowingNullIndices: true)
        #expect(try gathered.column(named: "ra").toArray(of: Double.self) == [40, nil, 10])
        #expect(try gathered.column(named: "name").toStrings() == ["d", nil, "a"])

        let sliced = table.slice(1..<3)
        #expect(try sliced.column(named: "ra").toArray(of: Double.self) == [nil, 30])
        #expect(table.head(2).rowCount == 2)
        #expect(try table.tail(1).column(named: "name").toStrings() == ["d"])
        #expect(table.head(10).rowCount == 4)

        let joined = try Table.concatenate([table, sliced, table.slice(0..<0)])
        #expect(joined.rowCount == 6)
        #expect(try joined.column(named: "_healpix_29").toArray(of: Int64.self) == [100, 200, 300, 400, 200, 300])
        #expect(try joined.column(named: "ra").nullCount == 2)
        #expect(try Table.concatenate([table.slice(0..<1), table.slice(1..<4)]) == table)
        #expect(table.filter([true, true, false, true]) != table)
    }

    @Test func concatenateRejectsDifferentSchemas() throws {
        let table = try Self.sample()
        #expect(throws: ColumnarError.self) { try Table.concatenate([table, try table.selecting(["ra"])]) }
        let retyped = try table.replacing("ra", with: Column([Float(1), 2, 3, 4]))
        #expect(throws: ColumnarError.typeMismatch(expected: "double", actual: "float", context: "concatenate column 'ra'")) {
            try Table.concatenate([table, retyped])
        }
    }

    @Test func emptyTables() throws {
        let schema = Schema([Field("a", .float64), Field("b", .list(of: .string))])
        let empty = try Table(emptyWith: schema)
        #expect(empty.rowCount == 0)
        #expect(try empty.column(named: "b").count == 0)
        #expect(empty.filter([Bool]()).rowCount == 0)
    }
}
