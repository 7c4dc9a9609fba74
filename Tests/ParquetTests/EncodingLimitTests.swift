import Testing
@testable import Parquet

/// A DELTA header that declares far more values than its input could hold must not allocate them.
@Suite("DELTA value-count limits")
struct EncodingLimitTests {
    /// Block 128, 4 miniblocks, `count` values, first value 0.
    static func header(count: UInt64) -> [UInt8] {
        var bytes: [UInt8] = [0x80, 0x01, 0x04]
        var v = count
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
        bytes.append(0)
        return bytes
    }

    @Test func deltaBinaryPackedRejectsCountsPastTheLimit() {
        let bytes = Self.header(count: 1_000_000_000)
        #expect(throws: ParquetError.self) {
            try bytes.withUnsafeBytes { _ = try DeltaBinaryPacked.decodeInt32($0, limit: 1000) }
        }
    }

    @Test func deltaByteArrayRejectsAHugeDeclaredCount() {
        let bytes = Self.header(count: 1_000_000_000) + [0, 0, 0, 0]
        var offsets: [Int64] = [0]
        var data: [UInt8] = []
        #expect(throws: ParquetError.self) {
            try bytes.withUnsafeBytes { _ = try DeltaByteArray.decode($0, count: 3, offsets: &offsets, bytes: &data) }
        }
        #expect(throws: ParquetError.self) {
            try bytes.withUnsafeBytes { _ = try DeltaLengthByteArray.decode($0, count: 3, offsets: &offsets, bytes: &data) }
        }
    }
}
