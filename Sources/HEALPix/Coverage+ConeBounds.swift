import Foundation

/// Distance bounds that drive cdshealpix's approximate cone coverage
/// (`cone_coverage_approx_custom`), reproduced so that our cone MOCs equal
/// mocpy's `MOC.from_cone` cell for cell.
///
/// The constants come from cds-healpix-rust (MIT/Apache-2.0, © CDS, F.-X. Pineau);
/// they are measured values, not re-derivable from a closed formula (see
/// `healpix_brief.md` §9a, §13).
enum ConeBounds {
    /// cdshealpix `SMALLER_EDGE2OPEDGE_DIST`: per order, a lower bound (radians) on
    /// the distance between a cell edge and its opposite edge. A cone whose radius
    /// is below the value of an order overlaps at most the 9 cells around its centre.
    static let smallerEdgeToOppositeEdge: [Double] = [
        0.8410686705679302, 0.37723631722170065, 0.18203364957037313, 0.0891145416330163,
        0.043989734509169175, 0.021817362566054977, 0.010854009694242892, 0.005409888140793663,
        0.0026995833266547898, 0.0013481074874673246, 6.735240905806414e-4, 3.365953703015157e-4,
        1.682452196838741e-4, 8.410609042173736e-5, 4.204784317861652e-5, 2.1022283297961136e-5,
        1.0510625670060442e-5, 5.255150320257332e-6, 2.6275239729465538e-6, 1.3137458638808036e-6,
        6.568678535571394e-7, 3.284323270983175e-7, 1.642156595517884e-7, 8.21076709163242e-8,
        4.105378528139296e-8, 2.0526876713226626e-8, 1.0263433216329513e-8, 5.131714858175969e-9,
        2.5658567623093986e-9, 1.2829280665188905e-9,
    ]

    /// The latitude (radians) at which equatorial cells are squares.
    static let latitudeOfSquareCell: Double = 0.39934019947897775
    /// `cos(latitudeOfSquareCell)`, as cdshealpix writes it.
    static let cosLatitudeOfSquareCell: Double = 0.9213177319235613

    /// The order to start a cone descent from (cdshealpix `best_starting_depth`):
    /// the deepest order whose edge-to-edge bound still exceeds `radius`, or `nil`
    /// when the radius is too large (≥ 48.19°) and all 12 base cells must be tested.
    static func startingOrder(radius: Double) -> Int? {
        guard radius < smallerEdgeToOppositeEdge[0] else { return nil }
        var order = Healpix.maxOrder
        while !(radius < smallerEdgeToOppositeEdge[order]) { order -= 1 }
        return order
    }

    /// The per-order coefficients of the centre-to-vertex upper bounds
    /// (cdshealpix `ConstantsC2V`): a linear law in the polar caps, a linear law
    /// above `latitudeOfSquareCell` and a parabola below it.
    struct Coefficients: Sendable {
        var slopeNPC: Double
        var interceptNPC: Double
        var slopeEQR: Double
        var interceptEQR: Double
        var coeffX2EQR: Double
        var coeffCstEQR: Double

        init(order: Int) {
            let tl = Healpix.transitionLatitude
            let distCW = 1.0 / Double(UInt64(1) << UInt64(order))
            let oneMinusDistCW = 1.0 - distCW
            let latNorth = asin(1.0 - (oneMinusDistCW * oneMinusDistCW) / 3.0)
            let dMinNPC = latNorth - tl
            let dMaxNPC = ConeBounds.distance(
                squaredHalfSegment: ConeBounds.squaredHalfSegment(
                    dlon: Healpix.piOverFour * distCW, dlat: dMinNPC, cosLat1: cos(latNorth), cosLat2: cos(tl)))
            slopeNPC = (dMaxNPC - dMinNPC) / (Healpix.piOverFour * oneMinusDistCW)
            interceptNPC = dMinNPC
            let dMinEQRTop = Healpix.piOverFour * distCW * ConeBounds.cosLatitudeOfSquareCell
            let dMaxEQRTop = tl - asin(oneMinusDistCW * Healpix.transitionZ)
            slopeEQR = (dMaxEQRTop - dMinEQRTop) / (tl - ConeBounds.latitudeOfSquareCell)
            interceptEQR = dMinEQRTop - slopeEQR * ConeBounds.latitudeOfSquareCell
            let dMax = Healpix.piOverFour * distCW
            coeffCstEQR = dMax
            let lsc = ConeBounds.latitudeOfSquareCell
            coeffX2EQR = (dMinEQRTop - dMax) / (lsc * lsc)
        }

        func polarCap(_ x: Double) -> Double { slopeNPC * x + interceptNPC }
        func equatorialTop(_ latAbs: Double) -> Double { slopeEQR * latAbs + interceptEQR }
        func equatorialBottom(_ latAbs: Double) -> Double { coeffX2EQR * (latAbs * latAbs) + coeffCstEQR }
    }

    /// ``Coefficients`` for orders 0...29 (order 0 is never read).
    static let coefficients: [Coefficients] = (0...Healpix.maxOrder).map { Coefficients(order: max($0, 1)) }

    /// The centre-to-vertex bound of order-0 cells.
    static var baseCellBound: Double { Healpix.piOverTwo - Healpix.transitionLatitude }

    /// Upper bounds on the centre-to-furthest-vertex distance of the cells of orders
    /// `from..<to` that a cone of centre `(lon, lat)` and `radius` can touch
    /// (cdshealpix `largest_center_to_vertex_distances_with_radius`). Radians.
    static func centreToVertexBounds(from: Int, to: Int, lon: Double, lat: Double, radius: Double) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(to - from)
        var first = from
        if first == 0 {
            result.append(baseCellBound)
            first = 1
        }
        guard first < to else { return result }
        let latAbs = abs(lat)
        let latMax = latAbs + radius
        let latMin = latAbs - radius
        let lsc = latitudeOfSquareCell
        if latMax >= Healpix.transitionLatitude {
            let x = min(abs(Healpix.piOverFour - lon.truncatingRemainder(dividingBy: Healpix.piOverTwo)) + radius,
                        Healpix.piOverFour)
            for order in first..<to { result.append(coefficients[order].polarCap(x)) }
        } else if latMin >= lsc {
            for order in first..<to { result.append(coefficients[order].equatorialTop(latMax)) }
        } else if latMax <= lsc {
            let low = max(latMin, 0)
            for order in first..<to { result.append(coefficients[order].equatorialBottom(low)) }
        } else {
            let high = min(latMax, Healpix.transitionLatitude)
            let low = max(latMin, 0)
            for order in first..<to {
                let c = coefficients[order]
                result.append(max(c.equatorialTop(high), c.equatorialBottom(low)))
            }
        }
        return result
    }

    /// The bound of ``centreToVertexBounds(from:to:lon:lat:radius:)`` for one order
    /// (cdshealpix `largest_center_to_vertex_distance_with_radius`).
    static func centreToVertexBound(order: Int, lon: Double, lat: Double, radius: Double) -> Double {
        if order == 0 { return baseCellBound }
        let c = coefficients[order]
        let latAbs = abs(lat)
        let latMax = latAbs + radius
        let latMin = max(latAbs - radius, 0)
        let lsc = latitudeOfSquareCell
        if latMax >= Healpix.transitionLatitude {
            let x = min(abs(Healpix.piOverFour - lon.truncatingRemainder(dividingBy: Healpix.piOverTwo)) + radius,
                        Healpix.piOverFour)
            return c.polarCap(x)
        } else if latMin >= lsc {
            return c.equatorialTop(latMax)
        } else if latMax <= lsc {
            return c.equatorialBottom(latMin)
        } else {
            return max(c.equatorialTop(latMax), c.equatorialBottom(latMin))
        }
    }

    /// `sin²(dlat/2) + cos₁·cos₂·sin²(dlon/2)`, the squared half chord between two
    /// points, evaluated in cdshealpix's operation order.
    @inline(__always)
    static func squaredHalfSegment(dlon: Double, dlat: Double, cosLat1: Double, cosLat2: Double) -> Double {
        let a = sin(0.5 * dlat)
        let b = sin(0.5 * dlon)
        return a * a + cosLat1 * cosLat2 * (b * b)
    }

    /// The squared half chord of an angular distance: `sin²(d/2)`.
    @inline(__always)
    static func squaredHalfSegment(distance: Double) -> Double {
        let a = sin(0.5 * distance)
        return a * a
    }

    /// The angular distance of a squared half chord: `2·asin(√shs)`.
    @inline(__always)
    static func distance(squaredHalfSegment shs: Double) -> Double {
        2.0 * asin(shs.squareRoot())
    }
}
