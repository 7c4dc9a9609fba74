import Columnar
import Foundation
import LSDB

extension SkyPlot {
    /// A zoomed view of a field: a gnomonic projection `fov` degrees across, centred
    /// on `(ra, dec)`, with RA increasing to the left.
    public static func field(ra: Double, dec: Double, fov: Double, title: String = "") -> SkyPlot {
        SkyPlot(projection: .gnomonic(ra: ra, dec: dec, fov: fov), title: title)
    }

    /// Adds a layer on top.
    public func adding(_ layer: Layer) -> SkyPlot {
        var copy = self
        copy.layers.append(layer)
        return copy
    }

    /// Adds a region outline.
    public func overlay(_ shape: RegionShape, color: PlotColor = .red, style: LineStyle = .solid,
                        lineWidth: Double = 2.5, label: String? = nil) -> SkyPlot {
        adding(.region(RegionOverlay(shape: shape, color: color, style: style, lineWidth: lineWidth, label: label)))
    }

    /// Draws a cone search as its spherical circle.
    public func overlay(_ search: ConeSearch, color: PlotColor = .red, style: LineStyle = .solid,
                        lineWidth: Double = 2.5, label: String? = nil) -> SkyPlot {
        overlay(.circle(center: SkyPoint(ra: search.ra, dec: search.dec), radius: search.radiusArcsec / 3600),
                color: color, style: style, lineWidth: lineWidth, label: label)
    }

    /// Draws a box search: meridians at its RA limits and parallels at its Dec limits.
    public func overlay(_ search: BoxSearch, color: PlotColor = .red, style: LineStyle = .solid,
                        lineWidth: Double = 2.5, label: String? = nil) -> SkyPlot {
        let (ra0, ra1) = search.ra
        let shape: RegionShape = ra0 == ra1
            ? .box(ra: 0...360, dec: search.dec.0...search.dec.1, wraps: false)
            : .box(ra: min(ra0, ra1)...max(ra0, ra1), dec: search.dec.0...search.dec.1, wraps: ra0 > ra1)
        return overlay(shape, color: color, style: style, lineWidth: lineWidth, label: label)
    }

    /// Draws a polygon search with great-circle edges.
    public func overlay(_ search: PolygonSearch, color: PlotColor = .red, style: LineStyle = .solid,
                        lineWidth: Double = 2.5, label: String? = nil) -> SkyPlot {
        overlay(.polygon(search.vertices.map { SkyPoint(ra: $0.ra, dec: $0.dec) }),
                color: color, style: style, lineWidth: lineWidth, label: label)
    }

    /// Draws any cone, box or polygon search.
    ///
    /// - Throws: ``PlotError/unsupportedRegion(_:)`` for other searches.
    public func overlay(search: any Search, color: PlotColor = .red, style: LineStyle = .solid,
                        lineWidth: Double = 2.5, label: String? = nil) throws(PlotError) -> SkyPlot {
        switch search {
        case let cone as ConeSearch: return overlay(cone, color: color, style: style, lineWidth: lineWidth, label: label)
        case let box as BoxSearch: return overlay(box, color: color, style: style, lineWidth: lineWidth, label: label)
        case let polygon as PolygonSearch:
            return overlay(polygon, color: color, style: style, lineWidth: lineWidth, label: label)
        default: throw .unsupportedRegion(search.description)
        }
    }

    /// Adds a scatter of positions.
    public func scatter(ra: [Double], dec: [Double], color: PlotColor = .black, markerSize: Double = 2.5,
                        label: String? = nil) -> SkyPlot {
        let points = zip(ra, dec).compactMap { r, d in
            r.isFinite && d.isFinite ? SkyPoint(ra: r, dec: d) : nil
        }
        return adding(.points(PointLayer(points: points, color: color, markerSize: markerSize, label: label)))
    }

    /// Adds a scatter of a table's RA/Dec columns (any numeric type; null rows are skipped).
    ///
    /// - Throws: ``PlotError/badColumn(_:)`` for a missing or non-numeric column.
    public func scatter(_ table: Table, raColumn: String = "ra", decColumn: String = "dec",
                        color: PlotColor = .black, markerSize: Double = 2.5, label: String? = nil) throws(PlotError) -> SkyPlot {
        let ra = try Self.doubles(table, raColumn), dec = try Self.doubles(table, decColumn)
        return scatter(ra: ra, dec: dec, color: color, markerSize: markerSize, label: label)
    }

    /// A numeric column as doubles, NaN for nulls.
    static func doubles(_ table: Table, _ name: String) throws(PlotError) -> [Double] {
        do {
            let column = try table.column(named: name).cast(to: .float64)
            let values = column.values(as: Double.self)
            return (0..<column.count).map { column.isNull($0) ? .nan : values[$0] }
        } catch {
            throw .badColumn("\(name): \(error)")
        }
    }

    /// The position of a sky point on the figure, in points from the top left
    /// (multiply by the PNG scale for pixels), or `nil` if it is not shown.
    public func figurePoint(ra: Double, dec: Double) -> PlanePoint? {
        guard let p = projection.project(ra: ra, dec: dec) else { return nil }
        return layout.toFigure(p)
    }
}

/// Errors from building or writing a plot.
public enum PlotError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The catalog has no partitions to draw.
    case noPixels(String)
    /// The catalog has no point map or skymap (an in-memory catalog, or a missing file).
    case noDensityMap(String)
    /// The catalog has no coverage.
    case noCoverage(String)
    /// A search region that cannot be drawn.
    case unsupportedRegion(String)
    /// A missing or non-numeric column.
    case badColumn(String)
    /// An output name whose extension is not `.png`, `.svg` or `.pdf`.
    case unsupportedFormat(String)
    /// cairo failed (the message is cairo's).
    case cairo(String)

    /// A one-line message.
    public var description: String {
        switch self {
        case .noPixels(let name): return "no pixels to plot for '\(name)'"
        case .noDensityMap(let why): return "cannot plot density: \(why)"
        case .noCoverage(let name): return "catalog '\(name)' has no coverage to plot"
        case .unsupportedRegion(let s): return "cannot draw the region of \(s)"
        case .badColumn(let why): return "bad RA/Dec column \(why)"
        case .unsupportedFormat(let path): return "'\(path)': the output must end in .png, .svg or .pdf"
        case .cairo(let message): return "cairo: \(message)"
        }
    }
}
