import Foundation
import HEALPix

/// A sky figure: a projection, layers drawn in order, a title, an optional colour
/// bar, a legend and a graticule. A plain value: build it, add overlays, then
/// ``write(to:scale:)`` it to PNG, SVG or PDF.
///
///     let gaia = try Catalog.open("Samples/gaia")
///     try gaia.plotPixels()
///         .overlay(ConeSearch(ra: 95, dec: -25, radiusArcsec: 7200), color: .orange, label: "Rubin_SV_95_-25")
///         .write(to: "gaia.png")
public struct SkyPlot: Sendable {
    /// How the sky is mapped.
    public var projection: SkyProjection
    /// What is drawn, first to last.
    public var layers: [Layer]
    /// The title above the map.
    public var title: String
    /// The colour bar at the right, if any.
    public var colorbar: Colorbar?
    /// Whether RA/Dec grid lines and labels are drawn.
    public var showsGraticule: Bool
    /// Whether labelled layers are listed in a legend (upper right).
    public var showsLegend: Bool
    /// Axis titles (`RA`, `Dec` by default; `RA [deg]`, `Dec [deg]` for zoomed views).
    public var axisLabels: (x: String, y: String)
    /// The figure size in points (one point is one PNG pixel at scale 1).
    public var size: (width: Double, height: Double)

    /// Creates an empty figure.
    public init(projection: SkyProjection = .fullSky, title: String = "",
                size: (width: Double, height: Double)? = nil) {
        self.projection = projection
        self.layers = []
        self.title = title
        self.colorbar = nil
        self.showsGraticule = true
        self.showsLegend = true
        self.axisLabels = projection.isFullSky ? ("RA", "Dec") : ("RA [deg]", "Dec [deg]")
        self.size = size ?? (projection.isFullSky ? (1000, 560) : (760, 700))
    }

    /// One drawing layer.
    public enum Layer: Sendable {
        /// Filled HEALPix cells.
        case cells(CellLayer)
        /// The outline of a search region.
        case region(RegionOverlay)
        /// A scatter of positions.
        case points(PointLayer)
    }

    /// A layer's legend label, if it has one.
    var legendEntries: [(label: String, layer: Layer)] {
        layers.compactMap { layer in
            switch layer {
            case .region(let r): return r.label.map { ($0, layer) }
            case .points(let p): return p.label.map { ($0, layer) }
            case .cells(let c): return c.label.map { ($0, layer) }
            }
        }
    }
}

/// Filled HEALPix cells, each with its own colour.
public struct CellLayer: Sendable {
    /// The cells.
    public var cells: [HealpixPixel]
    /// One fill colour per cell.
    public var colors: [PlotColor]
    /// The cell outline colour, or `nil` for none.
    public var edgeColor: PlotColor?
    /// A legend label, if any.
    public var label: String?

    /// Creates a layer; `colors` has one colour per cell.
    public init(cells: [HealpixPixel], colors: [PlotColor], edgeColor: PlotColor? = nil, label: String? = nil) {
        precondition(cells.count == colors.count, "one colour per cell")
        self.cells = cells
        self.colors = colors
        self.edgeColor = edgeColor
        self.label = label
    }
}

/// A region on the sky drawn as its true outline.
public enum RegionShape: Hashable, Sendable {
    /// A spherical circle (a cone search), radius in degrees.
    case circle(center: SkyPoint, radius: Double)
    /// An RA/Dec box: meridians at the RA limits, parallels at the Dec limits.
    case box(ra: ClosedRange<Double>, dec: ClosedRange<Double>, wraps: Bool)
    /// A polygon with great-circle edges.
    case polygon([SkyPoint])

    /// The sampled closed outline.
    var ring: [SkyPoint] {
        switch self {
        case .circle(let c, let r): return SkyGeometry.smallCircle(center: c, radius: r)
        case .box(let ra, let dec, let wraps):
            let ends = wraps ? (ra.upperBound, ra.lowerBound) : (ra.lowerBound, ra.upperBound)
            return SkyGeometry.boxRing(ra: ends, dec: (dec.lowerBound, dec.upperBound))
        case .polygon(let vertices): return SkyGeometry.polygonRing(vertices)
        }
    }

    /// The outlines to stroke, and whether each is closed: a box spanning all RA is
    /// two parallels, with no meridian edge.
    var outlines: [(path: [SkyPoint], closed: Bool)] {
        if case .box(let ra, let dec, false) = self, ra.upperBound - ra.lowerBound >= 360 {
            return [dec.lowerBound, dec.upperBound].filter { abs($0) < 90 }.map { d in
                ((0...720).map { SkyPoint(ra: ra.lowerBound + Double($0) / 2, dec: d) }, false)
            }
        }
        return [(ring, true)]
    }
}

/// A region outline with its style.
public struct RegionOverlay: Sendable {
    /// The region.
    public var shape: RegionShape
    /// The line colour.
    public var color: PlotColor
    /// The line style.
    public var style: LineStyle
    /// The line width in points.
    public var lineWidth: Double
    /// A fill colour, or `nil` to leave the inside clear.
    public var fill: PlotColor?
    /// The legend label, if any.
    public var label: String?

    /// Creates an overlay.
    public init(shape: RegionShape, color: PlotColor, style: LineStyle = .solid, lineWidth: Double = 2.5,
                fill: PlotColor? = nil, label: String? = nil) {
        self.shape = shape
        self.color = color
        self.style = style
        self.lineWidth = lineWidth
        self.fill = fill
        self.label = label
    }
}

/// A scatter of sky positions.
public struct PointLayer: Sendable {
    /// The positions.
    public var points: [SkyPoint]
    /// The marker colour.
    public var color: PlotColor
    /// The marker diameter in points.
    public var markerSize: Double
    /// The legend label, if any.
    public var label: String?

    /// Creates a scatter layer.
    public init(points: [SkyPoint], color: PlotColor = .black, markerSize: Double = 2.5, label: String? = nil) {
        self.points = points
        self.color = color
        self.markerSize = markerSize
        self.label = label
    }
}

/// A colour bar: a colour map over a value range, or discrete integer steps.
public struct Colorbar: Sendable {
    /// The map.
    public var colormap: Colormap
    /// The value at the bottom.
    public var minimum: Double
    /// The value at the top.
    public var maximum: Double
    /// The label along the bar.
    public var label: String
    /// Whether the bar shows one block per integer from `minimum` to `maximum`
    /// (HEALPix orders), ticked at block centres.
    public var isDiscrete: Bool
    /// Whether colours follow `log10(value)` (both limits must then be positive).
    public var isLogarithmic: Bool

    /// Creates a colour bar.
    public init(colormap: Colormap = .viridis, minimum: Double, maximum: Double, label: String,
                isDiscrete: Bool = false, isLogarithmic: Bool = false) {
        self.colormap = colormap
        self.minimum = minimum
        self.maximum = maximum
        self.label = label
        self.isDiscrete = isDiscrete
        self.isLogarithmic = isLogarithmic && minimum > 0
    }

    /// Where `value` falls on the bar, `0` at the bottom and `1` at the top (unclamped).
    public func position(of value: Double) -> Double {
        guard maximum > minimum else { return 0 }
        if isLogarithmic {
            return value > 0 ? (log10(value) - log10(minimum)) / (log10(maximum) - log10(minimum)) : 0
        }
        return (value - minimum) / (maximum - minimum)
    }

    /// The colour of `value`: linear (or logarithmic) between the limits; a
    /// single-valued range maps to the bottom colour.
    public func color(for value: Double) -> PlotColor {
        colormap.color(at: position(of: value))
    }
}
