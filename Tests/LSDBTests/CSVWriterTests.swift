import Columnar
import Foundation
import Testing
@testable import LSDB

/// The CSV format of the contract: nulls empty, integers exact, floats shortest, text quoted when needed.
@Suite struct CSVWriterTests {
    @Test func formatsEveryKindOfValue() throws {
        let table = try Table([
            ("i", Column([Int64.min, -7, 0, nil, Int64.max] as [Int64?])),
            ("u", Column([UInt64.max, 0, 10, 5, nil] as [UInt64?])),
            ("b", Column([Int8(-128), 127, 0, -1, nil] as [Int8?])),
            ("d", Column([0.1, -1e-05, .nan, -.infinity, nil] as [Double?])),
            ("s", Column(["plain", "a,b", "say \"hi\"", "", nil] as [String?])),
            ("t", Column([true, false, nil, true, false] as [Bool?])),
        ])
        let path = try Repo.temporaryDirectory() + "/values.csv"
        try table.writeCSV(to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == [
            "i,u,b,d,s,t",
            "-9223372036854775808,18446744073709551615,-128,0.1,plain,true",
            "-7,0,127,-1e-05,\"a,b\",false",
            "0,10,0,nan,\"say \"\"hi\"\"\",",
            ",5,-1,-inf,\"\",true",
            "9223372036854775807,,,,,false",
            "",
        ])
    }
}
