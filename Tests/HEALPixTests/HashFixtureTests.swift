import Foundation
import Testing
@testable import HEALPix

/// Bit-exact agreement with cdshealpix `lonlat_to_healpix` (hats' radec2pix).
@Suite struct HashFixtureTests {
    static let orders = [0, 1, 3, 10, 19, 29]

    @Test func edgeCasePointsMatchAtEveryOrder() throws {
        let rows = try HealpixFixture.rows("hash_points.csv")
        #expect(rows.count > 10_000)
        var lon: [Double] = [], lat: [Double] = []
        var expected: [Int: [UInt64]] = [:]
        for row in rows {
            lon.append(HealpixFixture.double(row[0]))
            lat.append(HealpixFixture.double(row[1]))
            let h29 = HealpixFixture.uint(row[2])
            var exceptions: [Int: UInt64] = [:]
            for item in row[3].split(separator: ";") {
                let parts = item.split(separator: ":")
                exceptions[Int(parts[0])!] = UInt64(parts[1])!
            }
            for order in Self.orders {
                expected[order, default: []].append(exceptions[order] ?? h29 >> UInt64(2 * (29 - order)))
            }
        }
        for order in Self.orders {
            let batch = Healpix.hash(order: order, lon: lon, lat: lat)
            var mismatches = 0
            for k in lon.indices {
                let scalar = Healpix.hash(order: order, lon: lon[k], lat: lat[k])
                if scalar != expected[order]![k] || batch[k] != scalar {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record("order \(order) (\(lon[k]), \(lat[k])): expected \(expected[order]![k]), scalar \(scalar), batch \(batch[k])")
                    }
                }
            }
            #expect(mismatches == 0, "order \(order)")
        }
    }

    @Test func randomPointDigestsMatch() throws {
        let rows = try HealpixFixture.rows("hash_random.csv")
        let count = 200_000, block = 2000
        var generator = SplitMix64(state: 20_261_124)
        var lon = [Double](repeating: 0, count: count), lat = lon
        for k in 0..<count {
            lon[k] = generator.unit() * 360.0
            lat[k] = asin(2.0 * generator.unit() - 1.0) * (180.0 / Double.pi)
        }
        var digests: [Int: [UInt64]] = [:]
        for row in rows { digests[Int(row[0])!, default: []].append(HealpixFixture.uint(row[2])) }
        #expect(digests.count == 30)
        for order in 0...29 {
            var out = [Int64](repeating: 0, count: count)
            let invalid = lon.withUnsafeBufferPointer { lonBuf in
                lat.withUnsafeBufferPointer { latBuf in
                    out.withUnsafeMutableBufferPointer {
                        Healpix.hash(order: order, lon: lonBuf, lat: latBuf, into: $0)
                    }
                }
            }
            #expect(invalid == 0)
            var badBlocks: [Int] = []
            for b in 0..<(count / block) {
                var acc: UInt64 = 0
                for k in 0..<block {
                    acc &+= UInt64(bitPattern: out[b * block + k]) &* UInt64(2 * k + 1)
                }
                if acc != digests[order]![b] { badBlocks.append(b) }
            }
            #expect(badBlocks.isEmpty, "order \(order): blocks \(badBlocks.prefix(10))")
            // The scalar entry point agrees with the batch one.
            for k in stride(from: 0, to: count, by: 997) {
                #expect(Int64(bitPattern: Healpix.hash(order: order, lon: lon[k], lat: lat[k])) == out[k])
            }
        }
    }

    @Test func exactVerticesHashLikeCdshealpix() throws {
        let rows = try HealpixFixture.rows("hash_vertices.csv")
        #expect(rows.count == 6)
        for row in rows {
            let order = Int(row[0])!
            var generator = SplitMix64(state: 77 + UInt64(order))
            let npix = Healpix.pixelCount(order: order)
            var acc: UInt64 = 0, k: UInt64 = 0
            for _ in 0..<25_000 {
                let cell = generator.next() % npix
                for v in Healpix.verticesRadians(order: order, index: cell).all {
                    acc &+= Healpix.hash(order: order, lonRadians: v.lon, latRadians: v.lat) &* (2 * k + 1)
                    k += 1
                }
            }
            #expect(acc == HealpixFixture.uint(row[1]), "order \(order)")
        }
    }

    @Test func offsetsMatchHashWithDxDy() throws {
        for row in try HealpixFixture.rows("hash_offsets.csv") {
            let lon = HealpixFixture.double(row[0]), lat = HealpixFixture.double(row[1])
            let order = Int(row[2])!
            let r = Healpix.hashWithOffsets(order: order, lon: lon, lat: lat)
            #expect(r.index == HealpixFixture.uint(row[3]))
            #expect(r.dx == HealpixFixture.double(row[4]), "dx at (\(lon), \(lat)) order \(order)")
            #expect(r.dy == HealpixFixture.double(row[5]), "dy at (\(lon), \(lat)) order \(order)")
        }
    }
}
