import Testing
@testable import Parquet

@Test func parquetLinks() { #expect(Bool(true)) }
