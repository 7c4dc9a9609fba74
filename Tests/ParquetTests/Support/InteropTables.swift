import Columnar
import Foundation

/// A small deterministic generator (SplitMix64) for test data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Tables the interop tests write with our writer: every type it supports, nulls in every
/// nullable column, float specials, unicode, lists with null/empty lists and null elements.
enum InteropTables {
    /// `nil` at rows where `row % every == offset`.
    static func nulling<T>(_ values: [T], every: Int, offset: Int = 0) -> [T?] {
        values.enumerated().map { $0.offset % every == offset ? nil : $0.element }
    }

    /// A `fixed_size_binary[width]` column; `nil` elements are null.
    static func fixedBinary(_ values: [[UInt8]?], width: Int) -> Column {
        let bytes = values.flatMap { $0 ?? [UInt8](repeating: 0, count: width) }
        let validity = values.contains { $0 == nil } ? Bitmap(values.map { $0 != nil }) : nil
        return try! Column(type: .fixedSizeBinary(byteWidth: width), count: values.count, values: Buffer(bytes),
                           validity: validity)
    }

    /// A decimal column stored as `width`-byte big-endian two's complement (Parquet FLBA decimals).
    static func decimalFLBA(_ values: [Int128?], precision: Int, scale: Int, width: Int) -> Column {
        let bytes: [[UInt8]?] = values.map { value in
            value.map { v in (0..<width).map { k in UInt8(truncatingIfNeeded: v >> (8 * (width - 1 - k))) } }
        }
        let raw = bytes.flatMap { $0 ?? [UInt8](repeating: 0, count: width) }
        let validity = values.contains { $0 == nil } ? Bitmap(values.map { $0 != nil }) : nil
        return try! Column(type: .decimal(precision: precision, scale: scale, storage: .bigEndian(byteWidth: width)),
                           count: values.count, values: Buffer(raw), validity: validity)
    }

    static let doubleSpecials: [Double] = [0.1, .nan, .infinity, -.infinity, -0.0, 0.0,
                                           .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5, 1e-300]
    static let floatSpecials: [Float] = [0.1, .nan, .infinity, -.infinity, -0.0, 0.0,
                                         .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5, 1e-30]
    /// IEEE binary16 bit patterns: 1.0, NaN, +inf, -inf, -0.0, 0.0, 65504, the smallest subnormal,
    /// -2.0, 0.5.
    static let halfSpecials: [UInt16] = [0x3C00, 0x7E00, 0x7C00, 0xFC00, 0x8000, 0x0000, 0x7BFF, 0x0001, 0xC000, 0x3800]
    static let strings = ["", "a", "héllo", "日本語", "emoji 🚀", "tab\tnew\nline", "quote \"x\"",
                          String(repeating: "x", count: 40), "NUL\u{0}in", "last"]

    /// One column per flat type the writer stores, plus lists; `rows` rows (≥ 10).
    static func allTypes(rows n: Int = 60, seed: UInt64 = 1) -> Table {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ extremes: [T], _ random: () -> T) -> [T] {
            (0..<n).map { $0 < extremes.count ? extremes[$0] : random() }
        }
        let i8 = pick([Int8.min, .max, 0, -1]) { Int8.random(in: .min ... .max, using: &rng) }
        let i16 = pick([Int16.min, .max, 0, -1]) { Int16.random(in: .min ... .max, using: &rng) }
        let i32 = pick([Int32.min, .max, 0, -1]) { Int32.random(in: .min ... .max, using: &rng) }
        let i64 = pick([Int64.min, .max, 0, -1, 1 << 53 + 1]) { Int64.random(in: .min ... .max, using: &rng) }
        let u8 = pick([UInt8.min, .max, 128]) { UInt8.random(in: .min ... .max, using: &rng) }
        let u16 = pick([UInt16.min, .max, 32768]) { UInt16.random(in: .min ... .max, using: &rng) }
        let u32 = pick([UInt32.min, .max, 1 << 31]) { UInt32.random(in: .min ... .max, using: &rng) }
        let u64 = pick([UInt64.min, .max, 1 << 63]) { UInt64.random(in: .min ... .max, using: &rng) }
        let f32 = pick(floatSpecials) { Float.random(in: -1e6 ... 1e6, using: &rng) }
        let f64 = pick(doubleSpecials) { Double.random(in: -1e9 ... 1e9, using: &rng) }
        let bools = (0..<n).map { _ in Bool.random(using: &rng) }
        let text = (0..<n).map { strings[$0 % strings.count] + ($0 >= strings.count ? String($0) : "") }
        let bytes: [[UInt8]] = (0..<n).map { i in (0..<(i % 7)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        let fixed: [[UInt8]] = (0..<n).map { _ in (0..<4).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        let days = pick([Int32(-719_162), 0, 1, -1, 2_932_896]) { Int32.random(in: -30_000 ... 30_000, using: &rng) }
        let micros = pick([Int64(0), 1, -1, 1_700_000_000_123_456]) {
            Int64.random(in: -2_000_000_000_000_000 ... 4_000_000_000_000_000, using: &rng)
        }
        let dec32 = pick([Int32(-999_999_999), 999_999_999, 0, -1]) { Int32.random(in: -999_999_999 ... 999_999_999, using: &rng) }
        let dec64 = pick([Int64(-999_999_999_999_999_999), 999_999_999_999_999_999, 0]) {
            Int64.random(in: -999_999_999_999_999_999 ... 999_999_999_999_999_999, using: &rng)
        }
        let listDoubles: [[Double?]?] = (0..<n).map { i in
            switch i % 6 {
            case 0: return nil
            case 1: return []
            case 2: return [nil]
            case 3: return [1.5, nil, .nan, -0.0]
            default: return (0..<(i % 5)).map { _ in Double.random(in: -1 ... 1, using: &rng) }
            }
        }
        let listInts: [[Int64?]?] = (0..<n).map { i in
            i % 5 == 0 ? nil : (0..<(i % 4)).map { k in k == 1 && i % 3 == 0 ? nil : Int64(i * 1000 + k) }
        }
        let listStrings: [[String?]?] = (0..<n).map { i in
            i % 7 == 0 ? nil : (0..<(i % 3)).map { k in k == 1 ? nil : strings[(i + k) % strings.count] }
        }
        let columns: [(String, Column)] = [
            ("bool", Column(nulling(bools, every: 9, offset: 1))),
            ("int8", Column(nulling(i8, every: 8, offset: 5))),
            ("int16", Column(nulling(i16, every: 8, offset: 6))),
            ("int32", Column(nulling(i32, every: 8, offset: 7))),
            ("int64", Column(nulling(i64, every: 11, offset: 10))),
            ("uint8", Column(nulling(u8, every: 8, offset: 4))),
            ("uint16", Column(nulling(u16, every: 8, offset: 4))),
            ("uint32", Column(nulling(u32, every: 8, offset: 4))),
            ("uint64", Column(nulling(u64, every: 8, offset: 4))),
            ("float", Column(nulling(f32, every: 12, offset: 11))),
            ("double", Column(nulling(f64, every: 12, offset: 11))),
            ("halffloat", Column(nulling(pick(halfSpecials) { UInt16.random(in: 0 ... 0x7BFF, using: &rng) }, every: 12, offset: 10),
                                 type: .float16)),
            ("string", Column(nulling(text, every: 13, offset: 12))),
            ("binary", Column(binary: nulling(bytes, every: 5, offset: 2))),
            ("fixed_size_binary", fixedBinary(nulling(fixed, every: 6, offset: 3), width: 4)),
            ("date32", Column(nulling(days, every: 7, offset: 6), type: .date32)),
            ("ts_ms", Column(nulling(micros.map { $0 / 1000 }, every: 7, offset: 5), type: .timestamp(.millisecond))),
            ("ts_us_utc", Column(nulling(micros, every: 7, offset: 4), type: .timestamp(.microsecond, timezone: "UTC"))),
            ("ts_ns", Column(nulling(micros.map { $0 &* 1000 &+ 7 }, every: 7, offset: 3), type: .timestamp(.nanosecond))),
            ("decimal_9_2", Column(nulling(dec32, every: 9, offset: 8), type: .decimal(precision: 9, scale: 2, storage: .int32))),
            ("decimal_18_4", Column(nulling(dec64, every: 9, offset: 7), type: .decimal(precision: 18, scale: 4, storage: .int64))),
            ("decimal_30_5", decimalFLBA(nulling(dec64.map { Int128($0) * 1_000_000_007 }, every: 10, offset: 9),
                                         precision: 30, scale: 5, width: 13)),
            ("time32_ms", Column(nulling(days.map { Int32(abs(Int($0)) * 1_000 % 86_400_000) }, every: 8, offset: 2),
                                 type: .time32(.millisecond))),
            ("time64_us", Column(nulling(micros.map { (($0 % 86_400_000_000) + 86_400_000_000) % 86_400_000_000 },
                                         every: 8, offset: 3), type: .time64(.microsecond))),
            ("list_double", Column(listDoubles)),
            ("list_int64", Column(listInts)),
            ("list_string", Column(listStrings)),
        ]
        return try! Table(columns.map { (name: $0.0, column: $0.1) })
    }

    /// Nested columns: a struct, a list of structs (nested-pandas-like), a struct holding a list
    /// and a list of lists, with nulls at every level.
    static func nested(rows n: Int = 60, seed: UInt64 = 5) -> Table {
        var rng = SplitMix64(seed: seed)
        let bands = ["g", "r", "i", "z", "y", "é"]
        // struct<x: int32, y: string, z: double>, null every 5th row
        let structColumn = try! Column(structOf: [
            ("x", Column((0..<n).map { $0 % 4 == 2 ? nil : Int32($0) - 30 } as [Int32?])),
            ("y", Column((0..<n).map { $0 % 6 == 3 ? nil : strings[$0 % strings.count] } as [String?])),
            ("z", Column((0..<n).map { $0 % 7 == 4 ? nil : doubleSpecials[$0 % doubleSpecials.count] } as [Double?])),
        ], count: n, validity: Bitmap((0..<n).map { $0 % 5 != 1 }))
        // list<struct<mjd: double, flux: float, band: string>>
        let lengths: [Int?] = (0..<n).map { $0 % 9 == 0 ? nil : $0 % 4 }
        let total = lengths.reduce(0) { $0 + ($1 ?? 0) }
        let observations = try! Column(structOf: [
            ("mjd", Column((0..<total).map { _ in 60_000 + Double.random(in: 0 ..< 1_000, using: &rng) })),
            ("flux", Column((0..<total).map { $0 % 5 == 3 ? nil : Float.random(in: -1 ... 10, using: &rng) } as [Float?])),
            ("band", Column((0..<total).map { $0 % 7 == 6 ? nil : bands[$0 % bands.count] } as [String?])),
        ], count: total, validity: Bitmap((0..<total).map { $0 % 11 != 10 }))
        let lightcurve = Column(lists: lengths, child: observations)
        // struct<id: int64, vals: list<double>>
        let vals = Column((0..<n).map { i in i % 3 == 0 ? nil : (0..<(i % 4)).map { k in k == 2 ? nil : Double(i) + Double(k) / 4 } } as [[Double?]?])
        let structList = try! Column(structOf: [
            ("id", Column((0..<n).map { $0 % 8 == 5 ? nil : Int64($0) << 40 } as [Int64?])),
            ("vals", vals),
        ], count: n, validity: Bitmap((0..<n).map { $0 % 6 != 4 }))
        // list<list<int32>>
        let outer: [Int?] = (0..<n).map { $0 % 7 == 0 ? nil : $0 % 3 }
        let innerCount = outer.reduce(0) { $0 + ($1 ?? 0) }
        let inner = Column((0..<innerCount).map { j in j % 5 == 4 ? nil : (0..<(j % 3)).map { k in k == 1 && j % 2 == 0 ? nil : Int32(j * 10 + k) } } as [[Int32?]?])
        let listList = Column(lists: outer, child: inner)
        return try! Table([
            (name: "id", column: Column((0..<n).map { Int64($0) })),
            (name: "struct", column: structColumn),
            (name: "lightcurve", column: lightcurve),
            (name: "struct_list", column: structList),
            (name: "list_list", column: listList),
        ])
    }

    /// The same flat columns as non-nullable (REQUIRED) fields with no nulls.
    static func required(rows n: Int = 40) -> Table {
        var rng = SplitMix64(seed: 7)
        let columns: [(String, Column)] = [
            ("id", Column((0..<n).map { Int64($0) })),
            ("x", Column((0..<n).map { _ in Double.random(in: -1 ... 1, using: &rng) })),
            ("n", Column((0..<n).map { Int32($0 * 3) })),
            ("flag", Column((0..<n).map { $0 % 3 == 0 })),
            ("name", Column((0..<n).map { "row \($0)" })),
            ("vals", Column((0..<n).map { i in (0..<(i % 4)).map { Double($0) + 0.5 } } as [[Double]?])),
        ]
        let schema = Schema(columns.map { Field($0.0, $0.1.type, nullable: false) })
        return try! Table(schema: schema, columns: columns.map(\.1))
    }

    /// Columns with no value at all, and nearly-null ones.
    static func nulls(rows n: Int = 50) -> Table {
        try! Table([
            ("all_null_double", Column(nullsOf: .float64, count: n)),
            ("all_null_string", Column(nullsOf: .string, count: n)),
            ("all_null_int64", Column(nullsOf: .int64, count: n)),
            ("all_null_bool", Column(nullsOf: .bool, count: n)),
            ("all_null_list", Column(nullsOf: .list(of: .float64), count: n)),
            ("one_value", Column((0..<n).map { $0 == n / 2 ? 3.0 : nil } as [Double?])),
            ("list_of_nulls", Column((0..<n).map { _ in [nil, nil] } as [[Int64?]?])),
        ])
    }

    /// A HATS-like partition: sorted `_healpix_29` first, coordinates, a magnitude, counts, a
    /// class name (few distinct values), a unique name and a list of fluxes.
    static func healpix(rows n: Int, seed: UInt64 = 3, start: Int64 = 0) -> Table {
        var rng = SplitMix64(seed: seed)
        var pixel = start
        let hp: [Int64] = (0..<n).map { _ in pixel += Int64.random(in: 1 ... 1 << 30, using: &rng); return pixel }
        let classes = ["galaxy", "star", "qso", "unknown", "étoile"]
        let columns: [(String, Column)] = [
            ("_healpix_29", Column(hp)),
            ("ra", Column((0..<n).map { _ in Double.random(in: 0 ..< 360, using: &rng) })),
            ("dec", Column(nulling((0..<n).map { _ in Double.random(in: -90 ... 90, using: &rng) }, every: 17, offset: 3))),
            ("mag", Column(nulling((0..<n).map { _ in Float.random(in: 12 ... 24, using: &rng) }, every: 13, offset: 5))),
            ("nobs", Column(nulling((0..<n).map { _ in Int32.random(in: 0 ... 500, using: &rng) }, every: 19, offset: 1))),
            ("class", Column(nulling((0..<n).map { _ in classes[Int.random(in: 0 ..< classes.count, using: &rng)] }, every: 23, offset: 2))),
            ("name", Column((0..<n).map { "source-\($0)-\(UInt32.random(in: 0 ... .max, using: &rng))" })),
            ("fluxes", Column((0..<n).map { i in i % 29 == 0 ? nil : (0..<(i % 4)).map { _ in Double.random(in: 0 ... 10, using: &rng) } } as [[Double?]?])),
        ]
        return try! Table(columns.map { (name: $0.0, column: $0.1) })
    }
}
