import Testing
@testable import Columnar

@Suite struct CastTests {
    @Test func integersWidenToFloats() throws {
        let column = Column([Int32(1), nil, -3])
        let cast = try column.cast(to: .float64)
        #expect(cast.type == .float64)
        #expect(cast.toArray(of: Double.self) == [1, nil, -3])
        #expect(try Column([true, false]).cast(to: .int64) == Column([Int64(1), 0]))
        #expect(try Column([Float(0.5)]).cast(to: .float64) == Column([0.5]))
        #expect(try column.cast(to: .int32) == column)
    }

    @Test func narrowingIsChecked() throws {
        #expect(try Column([Int64(200), nil]).cast(to: .uint8).toArray(of: UInt8.self) == [200, nil])
        #expect(throws: ColumnarError.self) { try Column([Int64(300)]).cast(to: .uint8) }
        #expect(throws: ColumnarError.self) { try Column([Int64(-1)]).cast(to: .uint64) }
        #expect(try Column([2.0, nil]).cast(to: .int16).toArray(of: Int16.self) == [2, nil])
        #expect(throws: ColumnarError.self) { try Column([2.5]).cast(to: .int64) }
        #expect(throws: ColumnarError.self) { try Column([Double.nan]).cast(to: .int64) }
    }

    @Test func nullSlotsAreNotChecked() throws {
        let column = Column([1.0, 1e300]).withValidity(Bitmap([true, false]))
        #expect(try column.cast(to: .int32).toArray(of: Int32.self) == [1, nil])
    }

    @Test func nonNumericCastsThrow() {
        #expect(throws: ColumnarError.self) { try Column(["1"]).cast(to: .int64) }
        #expect(throws: ColumnarError.self) { try Column([1.0]).cast(to: .string) }
    }
}
