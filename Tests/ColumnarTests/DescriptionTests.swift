import Testing
@testable import Columnar

@Suite struct DescriptionTests {
    @Test func shortTableShowsEveryRow() throws {
        let table = try Table([
            ("ra", Column([1.5, nil, 300.25])),
            ("name", Column(["x", "long", nil] as [String?])),
            ("ok", Column([true, false, nil] as [Bool?])),
        ])
        let lines = table.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == [
            "       ra  name     ok",
            "0     1.5     x   True",
            "1    <NA>  long  False",
            "2  300.25  <NA>   <NA>",
            "",
            "[3 rows x 3 columns]",
        ])
    }

    @Test func longTableShowsHeadEllipsisTail() throws {
        let table = try Table([("v", Column((0..<100).map { Int64($0) }))])
        let lines = table.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 1 + 5 + 1 + 5 + 2)
        #expect(lines[0] == "     v")
        #expect(lines[1] == "0    0")
        #expect(lines[5] == "4    4")
        #expect(lines[6] == "..  ..")
        #expect(lines[7] == "95  95")
        #expect(lines[11] == "99  99")
        #expect(lines.last == "[100 rows x 1 columns]")
        let custom = table.formatted(head: 2, tail: 1).split(separator: "\n").map(String.init)
        #expect(custom.count == 1 + 2 + 1 + 1 + 1)
        let wide = try Table([("value", Column((0..<12).map { Double($0) / 4 }))])
        #expect(wide.description.split(separator: "\n")[6] == "..    ...")
    }

    @Test func indexColumnLabelsTheRows() throws {
        let table = try Table([
            ("_healpix_29", Column([Int64(12345), 99])),
            ("ra", Column([1.0, 2.0])),
        ], indexColumnName: "_healpix_29")
        let lines = table.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "              ra",
            "_healpix_29",
            "12345        1.0",
            "99           2.0",
            "",
            "[2 rows x 1 columns]",
        ])
    }

    @Test func scalarsPrintAsPandasDoes() {
        #expect(Scalar.null.description == "<NA>")
        #expect(Scalar.double(0.1).description == "0.1")
        #expect(Scalar.double(1e-05).description == "1e-05")
        #expect(Scalar.bool(true).description == "True")
        #expect(Scalar.binary([0x61, 0x00, 0x27]).description == "b'a\\x00\\x27'")
        #expect(Scalar.date(days: 0).description == "1970-01-01")
        #expect(Scalar.date(days: 19_753).description == "2024-01-31")
        #expect(Scalar.date(days: -1).description == "1969-12-31")
        #expect(Scalar.timestamp(1_706_702_400_500_000, .microsecond, timezone: nil).description == "2024-01-31 12:00:00.5")
        #expect(Scalar.timestamp(-1, .second, timezone: "UTC").description == "1969-12-31 23:59:59+00:00")
        #expect(Scalar.decimal(unscaled: -1234, scale: 2).description == "-12.34")
        #expect(Scalar.decimal(unscaled: 5, scale: 3).description == "0.005")
        #expect(Scalar.list([.double(1), .null]).description == "[1.0, <NA>]")
        #expect(Scalar.struct(["a", "b"], [.int(1), .string("x")]).description == "{'a': 1, 'b': 'x'}")
    }

    @Test func columnValuesBoxForDisplay() {
        #expect(Samples.bigEndianDecimal()[0].description == "-50.00")
        #expect(Samples.bigEndianDecimal()[12].description == "70.00")
        #expect(Samples.fixedSizeBinary()[2] == .binary([6, 7, 8]))
        #expect(Samples.doubleLists()[0] == .list([.double(1), .null]))
        #expect(Samples.structs()[0] == .struct(["a", "b"], [.int(1), .string("a")]))
        #expect(Column([1.5, nil]).description == "double[2]: [1.5, <NA>]")
    }
}
