// Order-29 hashing throughput of the batch API on one core.
//
//     swift build -c release --product HealpixBench
//     .build/release/HealpixBench [count] [repeats]
//
// Points are uniform on the sphere (splitmix64, fixed seed); generation is
// not timed. The best of `repeats` runs is reported, with a checksum so the
// work cannot be optimised away.
import Foundation
import HEALPix

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }
}

@inline(never)
func hashAll(_ lon: [Double], _ lat: [Double], _ out: inout [Int64]) -> Int {
    lon.withUnsafeBufferPointer { l in
        lat.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { Healpix.hash(order: 29, lon: l, lat: b, into: $0) }
        }
    }
}

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000_000 : 10_000_000
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

var generator = SplitMix64(state: 42)
var lon = [Double](repeating: 0, count: count)
var lat = [Double](repeating: 0, count: count)
for k in 0..<count {
    lon[k] = generator.unit() * 360
    lat[k] = asin(2 * generator.unit() - 1) * (180 / Double.pi)
}
var out = [Int64](repeating: 0, count: count)

var best = Double.infinity
var checksum: UInt64 = 0
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let invalid = hashAll(lon, lat, &out)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    precondition(invalid == 0)
    best = min(best, seconds)
    checksum = out.reduce(0) { $0 &+ UInt64(bitPattern: $1) }
}
let rate = Double(count) / best
print("swift HEALPix order-29 batch hash: \(count) points, best of \(repeats): "
      + String(format: "%.3f s, %.2f Mhash/s (%.0f hashes/s)", best, rate / 1e6, rate)
      + ", checksum \(checksum)")
