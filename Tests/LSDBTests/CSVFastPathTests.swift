import Columnar
import Foundation
import Testing
@testable import LSDB

/// The CSV reader's single-pass path for plain records, and its hand-over to the general
/// path for everything else (quotes, blank lines, CRLF, bad values).
@Suite struct CSVFastPathTests {
    static func read(_ text: String, types: [String: CSVColumnType]? = nil, chunkBytes: Int = 1 << 16) throws -> Table {
        let dir = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ImportTests.write(text, to: dir + "/a.csv")
        let reader = try CSVChunkReader(path: dir + "/a.csv", chunkBytes: chunkBytes, types: types)
        var tables: [Table] = []
        while let table = try reader.next() { tables.append(table) }
        return try tables.count == 1 ? tables[0] : Table.concatenate(tables)
    }

    @Test func plainQuotedBlankAndCRLFRecordsMix() throws {
        let text = "id,x,flag,name\r\n"
            + "9223372036854775807,1.5,true,abc\r\n"
            + "-9223372036854775808,,False,\"q,uoted\"\r\n"
            + "\r\n"
            + "2205905751665278976,333.8831081390381,,\r\n"
            + "3,-0.0,TRUE,plain \"inner\" quote\n"
            + "4,1e-5,false,last"
        let types: [String: CSVColumnType] = ["id": .int64, "x": .double, "flag": .bool, "name": .string]
        let table = try Self.read(text, types: types)
        #expect(table.rowCount == 5)
        #expect(Array(try table.column(named: "id").values(as: Int64.self))
                == [Int64.max, Int64.min, 2205905751665278976, 3, 4])
        let x = try table.column(named: "x")
        #expect(x.validity?[1] == false)
        let xs = Array(x.values(as: Double.self))
        #expect(xs[0] == 1.5 && xs[2] == 333.8831081390381 && xs[3].sign == .minus && xs[4] == 1e-5)
        let flag = try table.column(named: "flag")
        #expect(flag.validity?[2] == false)
        let name = try table.column(named: "name")
        #expect(name.validity?[2] == false)
        #expect(name.strings.string(at: 0) == "abc" && name.strings.string(at: 1) == "q,uoted")
        #expect(name.strings.string(at: 3) == "plain \"inner\" quote" && name.strings.string(at: 4) == "last")
    }

    @Test func badValuesStillNameTheirLine() throws {
        let types: [String: CSVColumnType] = ["a": .int64, "b": .double]
        for (text, line) in [("a,b\n1,2\n99999999999999999999,3\n", 3), ("a,b\n1,2\n5,6\n7,1.5x\n", 4),
                             ("a,b\n1,2,3\n", 2), ("a,b\n1\n", 2)] {
            #expect { _ = try Self.read(text, types: types) } throws: { error in
                "\(error)".contains("a.csv:\(line):")
            }
        }
    }

    @Test func oneColumnFilesKeepNullsAndSkipBlankLines() throws {
        let table = try Self.read("v\n1.25\n\n2\n", types: ["v": .double])
        #expect(Array(try table.column(named: "v").values(as: Double.self)) == [1.25, 2])
    }

    @Test func recordsLongerThanAChunkAreRead() throws {
        let long = String(repeating: "x", count: 200_000)
        let table = try Self.read("a,b\n1,\(long)\n2,y\n", types: ["a": .int64, "b": .string], chunkBytes: 1 << 16)
        #expect(table.rowCount == 2)
        #expect(try table.column(named: "b").strings.string(at: 0).count == 200_000)
    }

    @Test func eightDigitsAtOnceEqualsOneByOne() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes = (0..<8).map { _ in UInt8(48 + generator.next() % 10) }
            if Bool.random() { bytes[Int(generator.next() % 8)] = UInt8(truncatingIfNeeded: generator.next()) }
            let expected: UInt64? = bytes.allSatisfy { (48...57).contains($0) }
                ? bytes.reduce(0) { $0 * 10 + UInt64($1 - 48) } : nil
            #expect(bytes.withUnsafeBufferPointer { CSVParse.eightDigits($0.baseAddress!) } == expected, "\(bytes)")
        }
    }
}
