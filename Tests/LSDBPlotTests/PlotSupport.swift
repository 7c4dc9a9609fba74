import Foundation
import HEALPix
@testable import LSDBPlot

/// Paths, temporary files and an independent Mollweide/gnomonic placement for the plot tests.
enum PlotSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func sample(_ name: String) -> String { root + "/Samples/" + name }

    static func temporaryFile(_ name: String) -> String {
        NSTemporaryDirectory() + "lsdb-plot-\(UInt32.random(in: 0...UInt32.max))-" + name
    }

    /// The six Rubin DP1 fields of the walkthrough with their styles.
    static let fields: [(name: String, ra: Double, dec: Double, color: PlotColor, style: LineStyle)] = [
        ("ECDFS", 53.13, -28.10, .red, .solid), ("EDFS", 59.10, -48.73, .red, .dashed),
        ("Rubin_SV_38_7", 37.86, 6.98, .red, .dotted), ("Rubin_SV_95_-25", 95.00, -25.00, .orange, .solid),
        ("47_Tuc", 6.02, -72.08, .orange, .dashed), ("Fornax_dSph", 40.00, -34.45, .orange, .dotted),
    ]

    /// Where `(ra, dec)` should land in a Mollweide map centred on `centerRA`, computed
    /// here from the textbook formulas and the map's frame (RA grows to the left).
    static func mollweidePixel(ra: Double, dec: Double, centerRA: Double = 0, frame: FigureRect,
                               scale: Double = 2) -> (x: Int, y: Int) {
        var offset = (ra - centerRA).truncatingRemainder(dividingBy: 360)
        if offset > 180 { offset -= 360 }
        if offset < -180 { offset += 360 }
        let phi = dec * .pi / 180
        var theta = phi
        for _ in 0..<100 where abs(abs(phi) - .pi / 2) > 1e-9 {
            theta -= (2 * theta + sin(2 * theta) - .pi * sin(phi)) / (2 + 2 * cos(2 * theta))
        }
        let x = frame.center.x - frame.width / 2 * (offset / 180) * cos(theta)
        let y = frame.center.y - frame.height / 2 * sin(theta)
        return (Int((x * scale).rounded(.down)), Int((y * scale).rounded(.down)))
    }

    /// Where `(ra, dec)` lands in a gnomonic field of `fov` degrees centred on `(ra0, dec0)`.
    static func gnomonicPixel(ra: Double, dec: Double, ra0: Double, dec0: Double, fov: Double,
                              frame: FigureRect, scale: Double = 2) -> (x: Int, y: Int) {
        let r = Double.pi / 180
        let cosc = sin(dec0 * r) * sin(dec * r) + cos(dec0 * r) * cos(dec * r) * cos((ra - ra0) * r)
        let xi = cos(dec * r) * sin((ra - ra0) * r) / cosc
        let eta = (cos(dec0 * r) * sin(dec * r) - sin(dec0 * r) * cos(dec * r) * cos((ra - ra0) * r)) / cosc
        let half = tan(fov / 2 * r)
        let x = frame.center.x - xi / half * frame.width / 2
        let y = frame.center.y - eta / half * frame.height / 2
        return (Int((x * scale).rounded(.down)), Int((y * scale).rounded(.down)))
    }

    /// A point on the small circle of `radius` degrees around a centre, at a bearing (degrees east of north).
    static func onCircle(ra: Double, dec: Double, radius: Double, bearing: Double) -> (ra: Double, dec: Double) {
        let r = Double.pi / 180
        let lat = asin(sin(dec * r) * cos(radius * r) + cos(dec * r) * sin(radius * r) * cos(bearing * r))
        let lon = ra * r + atan2(sin(bearing * r) * sin(radius * r) * cos(dec * r), cos(radius * r) - sin(dec * r) * sin(lat))
        return (lon / r, lat / r)
    }

    /// Whether some pixel within `radius` of `(x, y)` is close to `color`.
    static func near(_ image: PNGImage, x: Int, y: Int, radius: Int = 2, _ color: PlotColor, tolerance: Int = 40) -> Bool {
        for dy in -radius...radius {
            for dx in -radius...radius where image.matches(x: x + dx, y: y + dy, color, tolerance: tolerance) {
                return true
            }
        }
        return false
    }

    /// The fill colours of the SVG's `<path` elements (cairo writes `style="…fill:rgb(R%,G%,B%)…"`),
    /// `nil` for paths without a solid fill.
    static func svgPathFills(_ svg: String) -> [PlotColor?] {
        svg.components(separatedBy: "<path").dropFirst().map { element in
            let head = element.prefix { $0 != ">" }
            guard let range = head.range(of: "fill:rgb(") else { return nil }
            let parts = head[range.upperBound...].prefix { $0 != ")" }.split(separator: ",")
                .compactMap { Double($0.trimmingCharacters(in: .whitespaces).dropLast()) }
            guard parts.count == 3 else { return nil }
            return PlotColor(red: parts[0] / 100, green: parts[1] / 100, blue: parts[2] / 100)
        }
    }

    /// Whether two colours agree to 8 bits.
    static func same(_ a: PlotColor?, _ b: PlotColor) -> Bool {
        guard let a else { return false }
        return abs(a.red - b.red) < 0.002 && abs(a.green - b.green) < 0.002 && abs(a.blue - b.blue) < 0.002
    }
}
