import Columnar
@testable import Parquet

/// Tables and helpers shared by the writer tests.
enum WriterFixtures {
    /// A table with every type the writer stores, nulls, NaN, ±0 and lists (null, empty, null
    /// elements). `_healpix_29` is sorted.
    static func allTypes(rows: Int, seed: UInt64 = 7) throws -> Table {
        var rng = SeededGenerator(seed: seed)
        var healpix: [Int64] = []
        var h: Int64 = 1 << 40
        for _ in 0..<rows { h += Int64.random(in: 0...1000, using: &rng); healpix.append(h) }
        let ra = (0..<rows).map { _ in Double.random(in: 0..<360, using: &rng) }
        var dec: [Double?] = []
        for i in 0..<rows {
            if i % 97 == 5 {
                dec.append(nil)
            } else if i % 89 == 3 {
                dec.append(Double.nan)
            } else if i % 83 == 1 {
                dec.append(-0.0)
            } else {
                dec.append(Double.random(in: -90...90, using: &rng))
            }
        }
        let mag: [Float?] = (0..<rows).map { i in i % 7 == 0 ? nil : Float.random(in: 10...25, using: &rng) }
        let names: [String?] = (0..<rows).map { i in i % 11 == 0 ? nil : "star-\(i % 50)" }
        let flags: [Bool?] = (0..<rows).map { i in i % 13 == 0 ? nil : i % 3 == 0 }
        let i8: [Int8?] = (0..<rows).map { i in i % 17 == 0 ? nil : Int8(truncatingIfNeeded: i * 7) }
        let u8: [UInt8] = (0..<rows).map { UInt8(truncatingIfNeeded: $0 * 5) }
        let i16: [Int16] = (0..<rows).map { Int16(truncatingIfNeeded: $0 * 301) }
        let u16: [UInt16?] = (0..<rows).map { i in i % 5 == 0 ? nil : UInt16(truncatingIfNeeded: i * 977) }
        let i32: [Int32] = (0..<rows).map { Int32(truncatingIfNeeded: $0 &* 100_003) }
        let u32: [UInt32] = (0..<rows).map { UInt32(truncatingIfNeeded: $0 &* 2_654_435_761) }
        let u64: [UInt64] = (0..<rows).map { UInt64(truncatingIfNeeded: $0) &* 0x9E37_79B9_7F4A_7C15 }
        let ts: [Int64?] = (0..<rows).map { (i: Int) -> Int64? in
            let micros: Int64 = 1_700_000_000_000_000 + Int64(i) * 1_000_003
            return i % 19 == 0 ? nil : micros
        }
        let dates: [Int32] = (0..<rows).map { 19_000 + Int32($0 % 400) }
        let lists: [[Double?]?] = (0..<rows).map { i in
            switch i % 6 {
            case 0: nil
            case 1: []
            case 2: [Double(i)]
            case 3: [Double(i), nil]
            default: (0..<(i % 5)).map { Double($0) * 0.5 }
            }
        }
        let notes: [String] = (0..<rows).map { "note \($0) " + String(repeating: "x", count: $0 % 9) }
        return try Table([
            ("_healpix_29", Column(healpix)),
            ("ra", Column(ra)),
            ("dec", Column(dec)),
            ("mag", Column(mag)),
            ("name", Column(names)),
            ("flag", Column(flags)),
            ("i8", Column(i8)),
            ("u8", Column(u8)),
            ("i16", Column(i16)),
            ("u16", Column(u16)),
            ("i32", Column(i32)),
            ("u32", Column(u32)),
            ("u64", Column(u64)),
            ("ts", Column(ts, type: .timestamp(.microsecond, timezone: "UTC"))),
            ("day", Column(dates.map { Optional($0) }, type: .date32)),
            ("lst", Column(lists)),
            ("notes", Column(notes, type: .largeString)),
        ])
    }

    /// Decodes the footer of a complete Parquet file.
    static func footer(_ bytes: [UInt8]) throws -> FileMetaData {
        precondition(bytes.count >= 12)
        let n = bytes.count
        let length = Int(UInt32(bytes[n - 8]) | UInt32(bytes[n - 7]) << 8 | UInt32(bytes[n - 6]) << 16 | UInt32(bytes[n - 5]) << 24)
        let start = n - 8 - length
        return try bytes[start..<(n - 8)].withUnsafeBytes { try ThriftCompactReader.decode(FileMetaData.self, from: $0).0 }
    }

    /// Decodes a Thrift struct at `offset` of `bytes`.
    static func decode<T: ThriftDecodable>(_ type: T.Type, _ bytes: [UInt8], at offset: Int64, length: Int32) throws -> T {
        try bytes[Int(offset)..<(Int(offset) + Int(length))].withUnsafeBytes { try ThriftCompactReader.decode(T.self, from: $0).0 }
    }

    /// A directory for files the tests leave for manual inspection (`LSDB_WRITER_OUT`), if set.
    static var inspectionDirectory: String? {
        guard let value = getenv("LSDB_WRITER_OUT") else { return nil }
        return String(cString: value)
    }
}

#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
