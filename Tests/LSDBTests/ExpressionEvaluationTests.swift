import Columnar
import Testing
@testable import LSDB

@Suite struct ExpressionEvaluationTests {
    static let table: Table = {
        do {
            return try Table([
                ("a", Column([true, true, true, false, false, false, nil, nil, nil] as [Bool?])),
                ("b", Column([true, false, nil, true, false, nil, true, false, nil] as [Bool?])),
                ("i8", Column([-7, 7, nil, 0, 100, -100, 1, 2, 3] as [Int8?])),
                ("i64", Column([2, 2, -2, 0, 9, 3, nil, 1, Int64.max] as [Int64?])),
                ("f32", Column([0.5, -1.5, .nan, nil, 2, 3, 4, 5, 6] as [Float?])),
                ("x", Column([-7.5, 7.5, .nan, nil, .infinity, 0, 1, 2, 3] as [Double?])),
                ("s", Column(["b", "a", nil, "", "beta", "B", "b", "c", "ab"] as [String?])),
            ])
        } catch {
            fatalError("\(error)")
        }
    }()

    private func evaluate(_ query: String) throws -> Column {
        try Expression(parsing: query).evaluate(on: Self.table)
    }

    @Test func kleeneTruthTables() throws {
        #expect(try evaluate("a and b").toBools() == [true, false, nil, false, false, false, nil, false, nil])
        #expect(try evaluate("a or b").toBools() == [true, true, true, true, false, nil, true, nil, nil])
        #expect(try evaluate("not a").toBools() == [false, false, false, true, true, true, nil, nil, nil])
        #expect(try evaluate("a & None").toBools() == [nil, nil, nil, false, false, false, nil, nil, nil])
        #expect(try evaluate("b | True").toBools() == Array(repeating: true, count: 9))
        let rows = try Self.table.query("not (a and b)").column(named: "i64").toArray(of: Int64.self)
        #expect(rows == [2, 0, 9, 3, 1])
    }

    @Test func typedAPIBuildsTheParsedTree() throws {
        let typed = Expression.column("teff") > 5380 && .column("logg") < 4.72
        #expect(typed == (try Expression(parsing: "teff > 5380 and logg < 4.72")))
        let other = !(Expression.column("s") .== "b") || .column("x") ** 2 >= -Expression.column("i8").floorDivided(by: 3)
        #expect(other == (try Expression(parsing: "not s == 'b' or x ** 2 >= -(i8 // 3)")))
        #expect(Expression.column("i8").isIn([1, 2, nil]) == (try Expression(parsing: "i8 in [1, 2, None]")))
        #expect(Expression.column("s").isNotIn(["a"]).description == "s not in ['a']")
        #expect(Expression.column("x").isNull().description == "x.isna()")
        #expect((Expression.column("i8") % 2).equals(1).description == "i8 % 2 == 1")
        let kept = try Self.table.filter(Expression.column("i8") > 0 && Expression.column("s").notEquals("c"))
        #expect(try kept.column(named: "i8").toArray(of: Int8.self) == [7, 100, 1, 3])
    }

    @Test func unknownColumnListsTheAvailableOnes() {
        let expected = QueryError.unknownColumn("zz", available: ["a", "b", "i8", "i64", "f32", "x", "s"])
        #expect(throws: expected) { try Expression(parsing: "i8 > 0 and zz < 1").mask(on: Self.table) }
        #expect(expected.description == "unknown column 'zz' in query; available columns: a, b, i8, i64, f32, x, s")
    }

    @Test func stringAgainstNumberNamesTheColumn() {
        for query in ["s > 1", "1 == s", "i8 == 'a'", "s == x + 1", "s in [1]", "i8 in ['a']", "s + 1 > 0"] {
            do {
                _ = try evaluate(query)
                Issue.record("\(query) did not throw")
            } catch {
                guard case .typeMismatch(let message) = error as? QueryError else {
                    Issue.record("\(query): \(error)")
                    continue
                }
                #expect(message.contains("'s'") || message.contains("'i8'"), "\(query): \(message)")
            }
        }
    }

    @Test func resultTypesFollowPandasWithPyarrow() throws {
        #expect(try evaluate("i8 + i8").type == .int64)
        #expect(try evaluate("i8 / i8").type == .float64)
        #expect(try evaluate("f32 + i8").type == .float32)
        #expect(try evaluate("f32 * 2").type == .float32)
        #expect(try evaluate("f32 * 2.5").type == .float64)
        #expect(try evaluate("x + i64").type == .float64)
        #expect(try evaluate("i8 > 0").type == .bool)
        #expect(try evaluate("s").type == .string)
        #expect(try evaluate("1 + 2").toArray(of: Int64.self) == Array(repeating: 3, count: 9))
    }

    @Test func pythonFloorDivisionAndRemainder() throws {
        #expect(try evaluate("i8 // 2").toArray(of: Int64.self) == [-4, 3, nil, 0, 50, -50, 0, 1, 1])
        #expect(try evaluate("i8 % 3").toArray(of: Int64.self) == [2, 1, nil, 0, 1, 2, 1, 2, 0])
        #expect(try evaluate("i8 % -3").toArray(of: Int64.self) == [-1, -2, nil, 0, -2, -1, -2, -1, 0])
        #expect(try evaluate("x % 2").toArray(of: Double.self) == [0.5, 1.5, nil, nil, nil, 0, 1, 0, 1])
        #expect(try evaluate("x // 2").toArray(of: Double.self) == [-4, 3, nil, nil, .infinity, 0, 0, 1, 1])
        #expect(try evaluate("i8 ** 2").toArray(of: Int64.self) == [49, 49, nil, 0, 10_000, 10_000, 1, 4, 9])
        #expect(try evaluate("-2 ** 2").toArray(of: Int64.self)[0] == -4)
        #expect(try evaluate("2 ** 0.5").toArray(of: Double.self)[0] == 2.0.squareRoot())
    }

    @Test func nanFromArithmeticIsNullButNaNInputIsNot() throws {
        #expect(try evaluate("x / x").toArray(of: Double.self) == [1, 1, nil, nil, nil, nil, 1, 1, 1])
        #expect(try evaluate("x != x").toBools() == [false, false, true, nil, false, false, false, false, false])
        #expect(try evaluate("i8 / 0").toArray(of: Double.self)
            == [-.infinity, .infinity, nil, nil, .infinity, -.infinity, .infinity, .infinity, .infinity])
        #expect(try evaluate("-x").toArray(of: Double.self)[2]!.isNaN)
    }

    @Test func arithmeticFailuresOnValidRowsOnly() {
        #expect(throws: QueryError.self) { try evaluate("i64 * i64 > 0") }
        #expect(throws: QueryError.self) { try evaluate("i64 // (i8 - i8)") }
        #expect(throws: QueryError.self) { try evaluate("i8 ** -1") }
        // The only zero divisor sits on a row where i64 is null.
        #expect(throws: Never.self) { try evaluate("i64 // (i8 - 1)") }
        #expect(throws: Never.self) { try evaluate("i64 // (i8 - 1) > 0") }
    }

    @Test func stringComparisonsAreByteWise() throws {
        #expect(try evaluate("s < 'b'").toBools() == [false, true, nil, true, false, true, false, false, true])
        #expect(try evaluate("s == 'b'").toBools() == [true, false, false, false, false, false, true, false, false])
        #expect(try evaluate("s != 'b'").toBools() == [false, true, true, true, true, true, false, true, true])
        #expect(try evaluate("s == s").toBools() == [true, true, nil, true, true, true, true, true, true])
        #expect(try evaluate("s in ['', 'c']").toBools() == [false, false, false, true, false, false, false, true, false])
        #expect(try evaluate("s not in ['b']").toBools() == [false, true, true, true, true, true, false, true, true])
    }

    @Test func membershipAndNullTests() throws {
        #expect(try evaluate("i8 in [1, 7.0, 2.5]").toBools() == [false, true, false, false, false, false, true, false, false])
        #expect(try evaluate("i8 in [None]").toBools() == [false, false, true, false, false, false, false, false, false])
        #expect(try evaluate("f32 in [0.5, 2]").toBools() == [true, false, false, false, true, false, false, false, false])
        #expect(try evaluate("b in [True]").toBools() == [true, false, false, true, false, false, true, false, false])
        #expect(try evaluate("x.isna()").toBools() == [false, false, false, true, false, false, false, false, false])
        #expect(try evaluate("s.notna()").toBools() == [true, true, false, true, true, true, true, true, true])
    }

    @Test func maskNeedsBooleans() throws {
        #expect(throws: QueryError.notBoolean("'x + 1' evaluates to double, not to booleans")) {
            try Expression(parsing: "x + 1").mask(on: Self.table)
        }
        #expect(throws: QueryError.self) { try Self.table.query("s") }
        #expect(try Self.table.query("1 < 2").rowCount == 9)
        #expect(try Self.table.query("None").rowCount == 0)
        #expect(try Expression(parsing: "a").mask(on: Self.table) == Bitmap([true, true, true, false, false, false, false, false, false]))
    }

    @Test func unsupportedColumnTypes() throws {
        let half = try Column(type: .float16, values: Buffer([UInt16](repeating: 0x3C00, count: 2)))
        let table = try Table([("h", half)])
        #expect(throws: QueryError.unsupportedColumnType(column: "h", type: "halffloat")) {
            try table.query("h > 0")
        }
        let big = try Table([("u", Column([1, UInt64.max] as [UInt64]))])
        #expect(throws: QueryError.self) { try big.query("u > 0") }
        #expect(try Table([("u", Column([1, nil] as [UInt64?]))]).query("u > 0").rowCount == 1)
    }

    @Test func filterKeepsTheIndexMark() throws {
        let table = try Self.table.withIndexColumn("i64")
        let kept = try table.query("i8 > 0")
        #expect(kept.indexColumnName == "i64")
        #expect(kept.rowCount == 5)
    }

    @Test func largeColumnsEvaluateInWholeColumnPasses() throws {
        let n = 1_000_003
        let values = (0..<n).map { Double($0 % 1000) }
        let table = try Table([("v", Column(values)), ("k", Column((0..<n).map { Int32($0 % 7) }))])
        let kept = try table.query("v * 2 >= 1000 and k % 7 != 3 or v.isna()")
        let expected = (0..<n).filter { ($0 % 1000) * 2 >= 1000 && $0 % 7 != 3 }.count
        #expect(kept.rowCount == expected)
    }
}
