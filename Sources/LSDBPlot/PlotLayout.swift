import Foundation

/// A rectangle on the figure, in points from the top left.
public struct FigureRect: Hashable, Sendable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double

    /// The centre.
    public var center: PlanePoint { PlanePoint(x: x + width / 2, y: y + height / 2) }
}

/// Where the parts of a figure go: the map (the projection's plane bounds scaled
/// with equal aspect), the colour bar and the margins for title and labels.
struct PlotLayout {
    let bounds: (minX: Double, maxX: Double, minY: Double, maxY: Double)
    let frame: FigureRect
    let colorbarFrame: FigureRect?
    let unitsPerPlane: Double

    init(_ plot: SkyPlot) {
        bounds = plot.projection.planeBounds
        let full = plot.projection.isFullSky
        let top = plot.title.isEmpty ? 20.0 : 50.0
        let bottom = full ? 34.0 : 56.0
        let left = full ? 50.0 : 78.0
        let right = plot.colorbar == nil ? 24.0 : 120.0
        let availableWidth = max(10, plot.size.width - left - right)
        let availableHeight = max(10, plot.size.height - top - bottom)
        let planeWidth = bounds.maxX - bounds.minX, planeHeight = bounds.maxY - bounds.minY
        unitsPerPlane = min(availableWidth / planeWidth, availableHeight / planeHeight)
        let width = planeWidth * unitsPerPlane, height = planeHeight * unitsPerPlane
        frame = FigureRect(x: left + (availableWidth - width) / 2, y: top + (availableHeight - height) / 2,
                           width: width, height: height)
        if plot.colorbar != nil {
            let barHeight = full ? height * 0.8 : height
            colorbarFrame = FigureRect(x: frame.x + width + 24, y: frame.y + (height - barHeight) / 2,
                                       width: 18, height: barHeight)
        } else {
            colorbarFrame = nil
        }
    }

    /// A plane point on the figure (the plane's y grows upwards, the figure's downwards).
    func toFigure(_ p: PlanePoint) -> PlanePoint {
        PlanePoint(x: frame.x + (p.x - bounds.minX) * unitsPerPlane,
                   y: frame.y + (bounds.maxY - p.y) * unitsPerPlane)
    }
}

extension SkyPlot {
    /// The figure's layout.
    var layout: PlotLayout { PlotLayout(self) }

    /// The map's rectangle on the figure, in points from the top left: the
    /// projection's plane bounds (the Mollweide ellipse's bounding box, or the
    /// zoomed field) scaled with equal aspect.
    public var plotFrame: FigureRect { layout.frame }
}
