import Foundation
import Testing
@testable import HATS

/// Deterministic random damage to real files: every outcome must be a value or
/// a ``HATSError``, never a crash or a hang.
@Suite("Robustness against damaged files")
struct RobustnessTests {
    /// splitmix64, for reproducible damage.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test("damaged point maps", arguments: ["rubin/point_map.fits", "gaia/point_map.fits"])
    func damagedFITS(sample: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: HATSFixture.sample(sample)))
        var random = Random(state: 42)
        let printable = Array("0123456789 '=-KJIBEDPX".utf8)
        var failures = 0
        for round in 0..<600 {
            var bytes = original
            switch round % 3 {
            case 0:
                bytes = bytes.prefix(random.below(bytes.count))
            case 1:
                for _ in 0..<(1 + random.below(4)) {
                    bytes[2880 + random.below(2880)] = printable[random.below(printable.count)]
                }
            default:
                bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            }
            do {
                _ = try PointMap(fits: bytes).moc()
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0)
    }

    @Test("damaged properties and partition files")
    func damagedText() throws {
        let properties = try String(contentsOfFile: HATSFixture.sample("ztf/ztf_10arcs/hats.properties"), encoding: .utf8)
        let csv = try String(contentsOfFile: HATSFixture.sample("rubin/partition_info.csv"), encoding: .utf8)
        let alphabet = Array("=:\\ \t\n\r#!u0123456789abcdefxyz,".unicodeScalars)
        var random = Random(state: 7)
        for _ in 0..<1000 {
            for text in [properties, csv] {
                var scalars = Array(text.unicodeScalars)
                for _ in 0..<(1 + random.below(3)) {
                    scalars[random.below(scalars.count)] = alphabet[random.below(alphabet.count)]
                }
                var damaged = ""
                damaged.unicodeScalars.append(contentsOf: scalars)
                _ = try? TableProperties(parsing: damaged)
                _ = try? CollectionProperties(parsing: damaged)
                _ = try? PartitionInfo(csv: damaged)
            }
        }
    }
}
