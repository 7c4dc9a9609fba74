import Foundation
import Testing
@testable import HEALPix

/// MOC operations against mocpy 0.21.0 (`Fixtures/coverage/moc_ops.json`).
struct MOCOperationCase: Decodable {
    var a: String
    var b: String
    var union: String
    var intersection: String
    var difference: String
    var complement: String
    var degrade_to: Int
    var degraded: String
    var sky_fraction: Double
    var neighbours: String
    var points: [[Double]]
    var inside: [Bool]
}

@Suite struct MOCFixtureTests {
    let cases: [MOCOperationCase]

    init() throws {
        cases = try CoverageFixtures.load("moc_ops.json", as: [MOCOperationCase].self)
    }

    func parse(_ text: String) throws -> MOC {
        try #require(MOC(ascii: text), "cannot parse \(text)")
    }

    @Test func asciiRoundTrips() throws {
        #expect(cases.count >= 40)
        for c in cases {
            for text in [c.a, c.b, c.union, c.intersection, c.difference, c.complement, c.degraded, c.neighbours] {
                #expect(try parse(text).description == text)
            }
        }
    }

    @Test func setOperationsEqualMocpy() throws {
        for c in cases {
            let a = try parse(c.a), b = try parse(c.b)
            #expect(a.union(b) == (try parse(c.union)), "union of \(c.a) and \(c.b)")
            #expect(a.intersection(b) == (try parse(c.intersection)), "intersection of \(c.a) and \(c.b)")
            #expect(a.subtracting(b) == (try parse(c.difference)), "difference of \(c.a) and \(c.b)")
            #expect(a.complement == (try parse(c.complement)), "complement of \(c.a)")
        }
    }

    @Test func degradeAndSkyFractionEqualMocpy() throws {
        for c in cases {
            let a = try parse(c.a)
            #expect(a.degraded(toOrder: c.degrade_to) == (try parse(c.degraded)), "\(c.a) to \(c.degrade_to)")
            #expect(abs(a.skyFraction - c.sky_fraction) <= 1e-15)
        }
    }

    @Test func addingNeighboursEqualsMocpy() throws {
        for c in cases {
            let a = try parse(c.a)
            #expect(a.addingNeighbours() == (try parse(c.neighbours)), "neighbours of \(c.a)")
        }
    }

    @Test func containsLonLatEqualsMocpy() throws {
        for c in cases {
            let a = try parse(c.a)
            for (p, inside) in zip(c.points, c.inside) {
                #expect(a.contains(lon: p[0], lat: p[1]) == inside, "(\(p[0]), \(p[1])) in \(c.a)")
            }
        }
    }

    @Test func malformedAsciiIsRejected() {
        #expect(MOC(ascii: "3/1-") == nil)
        #expect(MOC(ascii: "12") == nil)
        #expect(MOC(ascii: "0/12") == nil)
        #expect(MOC(ascii: "30/1") == nil)
        #expect(MOC(ascii: "2/5-3") == nil)
        #expect(MOC(ascii: "") == MOC.empty(maxOrder: 0))
        #expect(MOC(ascii: "3/1-3\n5/") == MOC(order: 3, indices: [1, 2, 3]).withMaxOrder(5))
    }
}
