import Foundation

/// Reads the CSV reference vectors written by Scripts/make_healpix_fixtures.py.
enum HealpixFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The data rows (header and `#` comments dropped), split on commas.
    static func rows(_ name: String) throws -> [[Substring]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var rows: [[Substring]] = []
        var sawHeader = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            rows.append(line.split(separator: ",", omittingEmptySubsequences: false))
        }
        return rows
    }

    static func double(_ s: Substring) -> Double {
        guard let v = Double(s) else { fatalError("not a double: \(s)") }
        return v
    }

    static func uint(_ s: Substring) -> UInt64 {
        guard let v = UInt64(s) else { fatalError("not an index: \(s)") }
        return v
    }

    static func int(_ s: Substring) -> Int64 {
        guard let v = Int64(s) else { fatalError("not an integer: \(s)") }
        return v
    }
}

/// The splitmix64 generator shared with the fixture script.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1), exactly as the script computes it.
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}
