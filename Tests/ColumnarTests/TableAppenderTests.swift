import Testing
@testable import Columnar

/// ``TableAppender`` gives what ``Table/concatenate(_:)`` gives, and large builders grow
/// by remapping without losing bytes.
@Suite struct TableAppenderTests {
    static func part(_ seed: Int, rows: Int, nulls: Bool) throws -> Table {
        let ids = (0..<rows).map { Int64(seed * 1000 + $0) }
        let values: [Double?] = (0..<rows).map { nulls && $0 % 3 == 1 ? nil : Double(seed) + Double($0) / 8 }
        let flags: [Bool?] = (0..<rows).map { nulls && $0 % 4 == 0 ? nil : ($0 + seed) % 2 == 0 }
        let names: [String?] = (0..<rows).map { nulls && $0 % 5 == 2 ? nil : String(repeating: "ab", count: $0 % 4) + "\(seed)" }
        let lists: [[Int32]?] = (0..<rows).map { nulls && $0 == 0 ? nil : Array(repeating: Int32(seed), count: $0 % 3) }
        let point = try Column(structFields: [Field("x", .float64), Field("y", .float64)],
                               children: [Column((0..<rows).map { Double($0) }), Column((0..<rows).map { -Double($0) })],
                               count: rows)
        let schema = Schema([Field("id", .int64, nullable: false), Field("v", .float64), Field("flag", .bool),
                             Field("name", .string), Field("list", .list(of: .int32)),
                             Field("point", point.type)])
        return try Table(schema: schema, columns: [Column(ids), Column(values), Column(flags), Column(names),
                                                    Column(lists), point],
                         rowCount: rows, indexColumnName: "id")
    }

    @Test func equalsConcatenate() throws {
        let parts = [try Self.part(1, rows: 7, nulls: false), try Self.part(2, rows: 0, nulls: true),
                     try Self.part(3, rows: 11, nulls: true), try Self.part(4, rows: 5, nulls: false)]
        var appender = TableAppender()
        for part in parts { try appender.append(part) }
        let joined = try #require(try appender.finish())
        let expected = try Table.concatenate(parts)
        #expect(joined == expected)
        #expect(joined.rowCount == 23)
        #expect(joined.indexColumnName == "id")
        #expect(try joined.column(named: "v").nullCount == 4)
    }

    @Test func emptyAndMismatched() throws {
        #expect(try TableAppender().finish() == nil)
        var appender = TableAppender()
        let part = try Self.part(1, rows: 3, nulls: false)
        try appender.append(part)
        #expect(throws: ColumnarError.self) { try appender.append(try part.selecting(["id", "v"])) }
        let retyped = try part.replacing("v", with: Column([Float(1), 2, 3]))
        #expect(throws: ColumnarError.typeMismatch(expected: "double", actual: "float", context: "concatenate column 'v'")) {
            try appender.append(retyped)
        }
        #expect(appender.rowCount == 3)
    }

    @Test func largeBuilderGrowsByRemapping() {
        var builder = BufferBuilder<Int64>()
        let chunk = (0..<1_000_000).map { Int64($0) }
        for round in 0..<12 {
            builder.append(contentsOf: chunk.map { $0 + Int64(round) * 1_000_000 })
        }
        #if os(Linux)
        #expect(builder.storage.isMapping)
        #endif
        let buffer = builder.finish()
        let values = buffer.withUnsafeBufferPointer(as: Int64.self) { Array($0) }
        #expect(values.count == 12_000_000)
        #expect(values.enumerated().allSatisfy { $0.offset == Int($0.element) })
    }
}
