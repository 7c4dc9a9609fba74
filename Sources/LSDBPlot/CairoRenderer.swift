import CCairo
import Foundation

/// The output formats, chosen by file extension.
public enum PlotFormat: String, Sendable, CaseIterable {
    /// A raster image (cairo image surface).
    case png
    /// Scalable vector graphics.
    case svg
    /// Portable document format.
    case pdf

    /// The format named by a path's extension (case-insensitive), or `nil`.
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }
}

extension SkyPlot {
    /// Renders the figure to `path`; the format follows the extension (`.png`,
    /// `.svg`, `.pdf`). The file is written to a temporary sibling and renamed.
    ///
    /// - Parameter scale: PNG pixels per point (vector formats ignore it).
    /// - Throws: ``PlotError/unsupportedFormat(_:)`` or ``PlotError/cairo(_:)``.
    public func write(to path: String, scale: Double = 2) throws(PlotError) {
        guard let format = PlotFormat(path: path) else { throw .unsupportedFormat(path) }
        let temporary = path + ".tmp-\(UInt32.random(in: 0...UInt32.max))." + format.rawValue
        do {
            try render(format: format, to: temporary, scale: scale)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cairo("cannot write \(path): \(reason)")
        }
    }

    private func render(format: PlotFormat, to path: String, scale: Double) throws(PlotError) {
        let (w, h) = size
        let surface: OpaquePointer?
        switch format {
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((w * scale).rounded()), Int32((h * scale).rounded()))
        case .svg: surface = cairo_svg_surface_create(path, w, h)
        case .pdf: surface = cairo_pdf_surface_create(path, w, h)
        }
        guard let surface else { throw .cairo("cannot create a surface") }
        defer { cairo_surface_destroy(surface) }
        try Self.check(cairo_surface_status(surface))
        guard let cr = cairo_create(surface) else { throw .cairo("cannot create a context") }
        if format == .png { cairo_scale(cr, scale, scale) }
        CairoRenderer(plot: self, cr: cr).draw()
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        try Self.check(drawStatus)
        if format == .png { try Self.check(cairo_surface_write_to_png(surface, path)) }
        cairo_surface_finish(surface)
        try Self.check(cairo_surface_status(surface))
    }

    private static func check(_ status: cairo_status_t) throws(PlotError) {
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
    }
}

/// Draws a ``SkyPlot`` on a cairo context, in figure points.
struct CairoRenderer {
    let plot: SkyPlot
    let cr: OpaquePointer
    let layout: PlotLayout

    init(plot: SkyPlot, cr: OpaquePointer) {
        self.plot = plot
        self.cr = cr
        self.layout = plot.layout
    }

    func draw() {
        setColor(.white)
        cairo_paint(cr)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_save(cr)
        frameOutline()
        cairo_clip_preserve(cr)
        setColor(mapBackground)
        cairo_fill(cr)
        for layer in plot.layers {
            if case .cells(let cells) = layer { drawCells(cells) }
        }
        if plot.showsGraticule { drawGraticuleLines() }
        for layer in plot.layers {
            switch layer {
            case .cells: break
            case .region(let region): drawRegion(region)
            case .points(let points): drawPoints(points)
            }
        }
        cairo_restore(cr)
        frameOutline()
        setColor(.black)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        if plot.showsGraticule { drawGraticuleLabels() }
        drawTitleAndAxes()
        if let bar = plot.colorbar, let frame = layout.colorbarFrame { drawColorbar(bar, in: frame) }
        if plot.showsLegend { drawLegend() }
    }

    /// The map's inside: white, or the colour bar's bottom colour for a density map
    /// whose empty cells (not drawn one by one) belong on the bar.
    var mapBackground: PlotColor {
        if let bar = plot.colorbar, !bar.isDiscrete, bar.minimum == 0 || bar.isLogarithmic { return bar.color(for: 0) }
        return .white
    }

    /// The map's outline as the current path: the Mollweide ellipse, or the field's square.
    func frameOutline() {
        cairo_new_path(cr)
        if plot.projection.isFullSky {
            let r2 = 2.0.squareRoot()
            let ellipse = (0...360).map { k -> PlanePoint in
                let t = Double(k) * .pi / 180
                return PlanePoint(x: 2 * r2 * cos(t), y: r2 * sin(t))
            }
            addPolygon(ellipse)
        } else {
            let f = layout.frame
            cairo_rectangle(cr, f.x, f.y, f.width, f.height)
        }
    }

    func drawCells(_ layer: CellLayer) {
        var outlines: [[PlanePoint]] = []
        for (cell, color) in zip(layer.cells, layer.colors) {
            let polygons = plot.projection.fillPolygons(SkyGeometry.cellRing(cell))
            guard !polygons.isEmpty else { continue }
            cairo_new_path(cr)
            for polygon in polygons { addPolygon(polygon) }
            setColor(color)
            cairo_fill(cr)
            if layer.edgeColor != nil { outlines += polygons }
        }
        guard let edge = layer.edgeColor, !outlines.isEmpty else { return }
        cairo_new_path(cr)
        for polygon in outlines { addPolygon(polygon) }
        setColor(edge)
        cairo_set_line_width(cr, 0.5)
        cairo_stroke(cr)
    }

    func drawRegion(_ region: RegionOverlay) {
        let ring = region.shape.ring
        if let fill = region.fill {
            cairo_new_path(cr)
            for polygon in plot.projection.fillPolygons(ring) { addPolygon(polygon) }
            setColor(fill)
            cairo_fill(cr)
        }
        cairo_new_path(cr)
        for outline in region.shape.outlines {
            for line in plot.projection.strokePolylines(outline.path, closed: outline.closed) { addPolyline(line) }
        }
        stroke(color: region.color, width: region.lineWidth, style: region.style)
    }

    func drawPoints(_ layer: PointLayer) {
        cairo_new_path(cr)
        let radius = layer.markerSize / 2
        let bounds = plot.projection.clipBounds
        for p in layer.points {
            guard let q = plot.projection.project(ra: p.ra, dec: p.dec),
                  q.x >= bounds.minX, q.x <= bounds.maxX, q.y >= bounds.minY, q.y <= bounds.maxY else { continue }
            let f = layout.toFigure(q)
            cairo_new_sub_path(cr)
            cairo_arc(cr, f.x, f.y, radius, 0, 2 * .pi)
        }
        setColor(layer.color)
        cairo_fill(cr)
    }

    // MARK: Primitives

    func setColor(_ c: PlotColor) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    /// Adds a closed polygon (plane coordinates) to the current path.
    func addPolygon(_ polygon: [PlanePoint]) {
        addPolyline(polygon)
        cairo_close_path(cr)
    }

    /// Adds an open polyline (plane coordinates) to the current path.
    func addPolyline(_ line: [PlanePoint]) {
        for (i, p) in line.enumerated() {
            let f = layout.toFigure(p)
            if i == 0 { cairo_move_to(cr, f.x, f.y) } else { cairo_line_to(cr, f.x, f.y) }
        }
    }

    /// Strokes the current path.
    func stroke(color: PlotColor, width: Double, style: LineStyle) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        let dashes = style.dashPattern.map { $0 * width }
        cairo_set_line_cap(cr, style == .dotted ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        dashes.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    /// Draws `text` with its anchor point at `(x, y)`: `h` 0 (left) to 1 (right),
    /// `v` 0 (top) to 1 (baseline-ish bottom); rotated by `angle` radians; with a
    /// white halo when drawn over the map.
    func text(_ s: String, x: Double, y: Double, size: Double, h: Double = 0.5, v: Double = 0.5,
              angle: Double = 0, bold: Bool = false, color: PlotColor = .black, halo: Bool = false) {
        cairo_save(cr)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, s, &extents)
        cairo_translate(cr, x, y)
        cairo_rotate(cr, angle)
        let capHeight = size * 0.72
        cairo_move_to(cr, -extents.x_advance * h, capHeight * (1 - v))
        if halo {
            cairo_text_path(cr, s)
            setColor(PlotColor.white.withAlpha(0.8))
            cairo_set_line_width(cr, 2.5)
            cairo_stroke_preserve(cr)
            setColor(color)
            cairo_fill(cr)
        } else {
            setColor(color)
            cairo_show_text(cr, s)
        }
        cairo_restore(cr)
    }

    /// The advance width of `text` at `size`.
    func textWidth(_ s: String, size: Double) -> Double {
        cairo_save(cr)
        cairo_set_font_size(cr, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, s, &extents)
        cairo_restore(cr)
        return extents.x_advance
    }
}
