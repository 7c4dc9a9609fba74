import ArgumentParser
import HEALPix
import LSDB

/// The spatial search options of `lsdb select`: at most one of a cone, a box, a
/// polygon or an order range. Lists are comma-separated and may hold negative numbers.
struct SearchOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("A cone search.", valueName: "RA,DEC,RADIUS_ARCSEC"))
    var cone: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("A box search; RA0 > RA1 wraps through RA 0.", valueName: "RA0,RA1,DEC0,DEC1"))
    var box: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("A convex polygon search.", valueName: "RA1,DEC1,RA2,DEC2,..."))
    var polygon: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Keep partitions of these orders.", valueName: "MIN,MAX"))
    var orders: String?

    func validate() throws {
        let given = [cone, box, polygon, orders].compactMap { $0 }
        guard given.count <= 1 else { throw ValidationError("give at most one of --cone, --box, --polygon and --orders") }
        _ = try search()
    }

    /// The search the options describe, if any.
    func search() throws -> (any Search)? {
        if let cone {
            let v = try Self.numbers(cone, option: "--cone", count: 3)
            return ConeSearch(ra: v[0], dec: v[1], radiusArcsec: v[2])
        }
        if let box {
            let v = try Self.numbers(box, option: "--box", count: 4)
            return BoxSearch(ra: (v[0], v[1]), dec: (v[2], v[3]))
        }
        if let polygon {
            let v = try Self.numbers(polygon, option: "--polygon", count: nil)
            guard v.count >= 6, v.count % 2 == 0 else {
                throw ValidationError("--polygon needs RA,DEC pairs for at least 3 vertices")
            }
            return PolygonSearch(vertices: stride(from: 0, to: v.count, by: 2).map { (ra: v[$0], dec: v[$0 + 1]) })
        }
        if let orders {
            let v = try Self.numbers(orders, option: "--orders", count: 2)
            guard v.allSatisfy({ $0 == $0.rounded() }) else { throw ValidationError("--orders takes two integers") }
            return OrderSearch(minOrder: Int(v[0]), maxOrder: Int(v[1]))
        }
        return nil
    }

    /// Parses a comma list of numbers.
    static func numbers(_ text: String, option: String, count: Int?) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ValidationError("\(option): '\(part)' is not a number")
            }
            values.append(value)
        }
        if let count, values.count != count {
            throw ValidationError("\(option) takes \(count) comma-separated numbers, got \(values.count)")
        }
        return values
    }
}

import Foundation
