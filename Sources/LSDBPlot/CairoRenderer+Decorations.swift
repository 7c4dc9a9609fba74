import CCairo
import Foundation

/// The graticule, title, axis titles, colour bar and legend.
extension CairoRenderer {
    /// A grid line: meridians carry their RA, parallels their Dec.
    struct GridLine {
        var isMeridian: Bool
        var value: Double
        var polylines: [[PlanePoint]]
    }

    /// Meridians and parallels: every 30° on the full sky, at a round step in a field.
    var gridLines: [GridLine] {
        let projection = plot.projection
        var lines: [GridLine] = []
        switch projection {
        case .mollweide, .plateCarree:
            let (raStep, decStep, raSpan, decRange) = gridSteps
            let ra0 = projection.centerRA
            var ra = ((ra0 - raSpan) / raStep).rounded(.up) * raStep
            while ra <= ra0 + raSpan {
                let offset = SkyProjection.wrap180(ra - ra0)
                if abs(offset) < 180 - 1e-9 {
                    let line = stride(from: decRange.lowerBound, through: decRange.upperBound, by: decStep / 20)
                        .compactMap { projection.project(offset: offset, dec: max(-90, min(90, $0))) }
                    lines.append(GridLine(isMeridian: true, value: ra, polylines: [line]))
                }
                ra += raStep
            }
            var dec = (decRange.lowerBound / decStep).rounded(.up) * decStep
            while dec <= decRange.upperBound {
                if abs(dec) < 90 {
                    let line = stride(from: -min(raSpan, 180), through: min(raSpan, 180), by: raStep / 20)
                        .compactMap { projection.project(offset: $0, dec: dec) }
                    lines.append(GridLine(isMeridian: false, value: dec, polylines: [line]))
                }
                dec += decStep
            }
        case .gnomonic:
            let (raStep, decStep, raSpan, decRange) = gridSteps
            let ra0 = projection.centerRA
            var ra = ((ra0 - raSpan) / raStep).rounded(.up) * raStep
            while ra <= ra0 + raSpan {
                let path = stride(from: decRange.lowerBound, through: decRange.upperBound, by: decStep / 20)
                    .map { SkyPoint(ra: ra, dec: $0) }
                lines.append(GridLine(isMeridian: true, value: ra, polylines: projection.strokePolylines(path, closed: false)))
                ra += raStep
            }
            var dec = (decRange.lowerBound / decStep).rounded(.up) * decStep
            while dec <= decRange.upperBound {
                let path = stride(from: ra0 - raSpan, through: ra0 + raSpan, by: raStep / 20).map { SkyPoint(ra: $0, dec: dec) }
                lines.append(GridLine(isMeridian: false, value: dec, polylines: projection.strokePolylines(path, closed: false)))
                dec += decStep
            }
        }
        return lines
    }

    /// RA and Dec steps, the RA half-span and the Dec range that cover the view.
    var gridSteps: (raStep: Double, decStep: Double, raSpan: Double, decRange: ClosedRange<Double>) {
        switch plot.projection {
        case .mollweide: return (30, 30, 180, -90...90)
        case .gnomonic(_, let dec, let fov), .plateCarree(_, let dec, let fov):
            let half = fov * 0.75
            let decRange = max(-90, dec - half)...min(90, dec + half)
            let widest = max(abs(decRange.lowerBound), abs(decRange.upperBound))
            let raSpan = min(180, half / max(cos(widest * .pi / 180), 0.02))
            let isPlate = if case .plateCarree = plot.projection { true } else { false }
            let decStep = Self.niceStep(fov / 5)
            let raStep = isPlate ? decStep : Self.niceStep(fov / 5 / max(cos(dec * .pi / 180), 0.05))
            return (raStep, decStep, isPlate ? fov * 0.5 : raSpan, decRange)
        }
    }

    /// The smallest round step at least `x`.
    static func niceStep(_ x: Double) -> Double {
        let candidates = [1.0, 2, 2.5, 5, 10]
        let power = pow(10, floor(log10(max(x, 1e-9))))
        for c in candidates where c * power >= x { return c * power }
        return 10 * power
    }

    func drawGraticuleLines() {
        cairo_new_path(cr)
        for line in gridLines { for polyline in line.polylines { addPolyline(polyline) } }
        stroke(color: PlotColor.gray.withAlpha(0.55), width: 0.6, style: .solid)
    }

    func drawGraticuleLabels() {
        let frame = layout.frame
        if case .mollweide(let ra0) = plot.projection {
            for offset in stride(from: -150.0, through: 150, by: 30) {
                guard let p = plot.projection.project(offset: offset, dec: 0) else { continue }
                let f = layout.toFigure(p)
                let ra = (ra0 + offset).truncatingRemainder(dividingBy: 360)
                text("\(Int((ra < 0 ? ra + 360 : ra).rounded()))°", x: f.x, y: f.y + 3, size: 9, v: 0, halo: true)
            }
            for dec in stride(from: -60.0, through: 60, by: 30) {
                guard let p = plot.projection.project(offset: 180, dec: dec) else { continue }
                let f = layout.toFigure(p)
                text("\(Int(dec))°", x: f.x - 4, y: f.y, size: 10, h: 1)
            }
            return
        }
        let decimals = { (step: Double) in max(0, Int(-floor(log10(step) + 1e-9)) + (step * pow(10, floor(-log10(step) + 1e-9)) == 2.5 ? 1 : 0)) }
        let (raStep, decStep, _, _) = gridSteps
        for line in gridLines {
            let points = line.polylines.flatMap { $0.map(layout.toFigure) }
            if line.isMeridian, let x = Self.crossing(points, atY: frame.y + frame.height), x >= frame.x, x <= frame.x + frame.width {
                let ra = line.value.truncatingRemainder(dividingBy: 360)
                text(String(format: "%.\(decimals(raStep))f", ra < 0 ? ra + 360 : ra), x: x, y: frame.y + frame.height + 5, size: 11, v: 0)
            } else if !line.isMeridian, let y = Self.crossing(points.map { PlanePoint(x: $0.y, y: $0.x) }, atY: frame.x),
                      y >= frame.y, y <= frame.y + frame.height {
                text(String(format: "%.\(decimals(decStep))f", line.value), x: frame.x - 5, y: y, size: 11, h: 1)
            }
        }
    }

    /// The `x` where a polyline crosses the horizontal line `y`, if it does.
    static func crossing(_ points: [PlanePoint], atY y: Double) -> Double? {
        guard points.count >= 2 else { return nil }
        for i in 0..<points.count - 1 {
            let a = points[i], b = points[i + 1]
            guard (a.y - y) * (b.y - y) <= 0, a.y != b.y else { continue }
            return a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x)
        }
        return nil
    }

    func drawTitleAndAxes() {
        let frame = layout.frame
        if !plot.title.isEmpty { text(plot.title, x: plot.size.width / 2, y: 24, size: 16) }
        let full = plot.projection.isFullSky
        text(plot.axisLabels.x, x: frame.center.x, y: frame.y + frame.height + (full ? 18 : 32), size: full ? 12 : 14, v: 0)
        text(plot.axisLabels.y, x: frame.x - (full ? 36 : 58), y: frame.center.y, size: full ? 12 : 14, angle: -.pi / 2)
    }

    func drawColorbar(_ bar: Colorbar, in f: FigureRect) {
        let ticks: [(value: Double, y: Double)]
        if bar.isDiscrete {
            let lo = Int(bar.minimum.rounded()), hi = max(lo, Int(bar.maximum.rounded()))
            let block = f.height / Double(hi - lo + 1)
            var t: [(Double, Double)] = []
            for k in lo...hi {
                let top = f.y + f.height - Double(k - lo + 1) * block
                cairo_rectangle(cr, f.x, top, f.width, block)
                setColor(bar.color(for: Double(k)))
                cairo_fill(cr)
                t.append((Double(k), top + block / 2))
            }
            ticks = t
        } else {
            let pattern = cairo_pattern_create_linear(0, f.y + f.height, 0, f.y)
            let anchors = bar.colormap.anchors
            for (i, c) in anchors.enumerated() {
                cairo_pattern_add_color_stop_rgba(pattern, Double(i) / Double(anchors.count - 1), c.red, c.green, c.blue, c.alpha)
            }
            cairo_rectangle(cr, f.x, f.y, f.width, f.height)
            cairo_set_source(cr, pattern)
            cairo_fill(cr)
            cairo_pattern_destroy(pattern)
            var values: [Double] = []
            if bar.isLogarithmic {
                var e = floor(log10(bar.minimum))
                while pow(10, e) <= bar.maximum * (1 + 1e-9) {
                    if pow(10, e) >= bar.minimum * (1 - 1e-9) { values.append(pow(10, e)) }
                    e += 1
                }
            } else if bar.maximum > bar.minimum {
                let step = Self.niceStep((bar.maximum - bar.minimum) / 5)
                var v = (bar.minimum / step).rounded(.up) * step
                while v <= bar.maximum + step * 1e-9 {
                    values.append(v)
                    v += step
                }
            }
            ticks = values.map { ($0, f.y + f.height - bar.position(of: $0) * f.height) }
        }
        cairo_new_path(cr)
        cairo_rectangle(cr, f.x, f.y, f.width, f.height)
        for tick in ticks {
            cairo_move_to(cr, f.x + f.width, tick.y)
            cairo_line_to(cr, f.x + f.width + 4, tick.y)
        }
        stroke(color: .black, width: 0.8, style: .solid)
        var widest = 0.0
        for tick in ticks {
            let label = Self.format(tick.value)
            widest = max(widest, textWidth(label, size: 10))
            text(label, x: f.x + f.width + 7, y: tick.y, size: 10, h: 0)
        }
        text(bar.label, x: f.x + f.width + 16 + widest, y: f.center.y, size: 12, angle: -.pi / 2)
    }

    /// Compact tick labels: integers plainly, others with three significant digits.
    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e7 { return String(Int(v)) }
        return String(format: "%.3g", v)
    }

    func drawLegend() {
        let entries = plot.legendEntries
        guard !entries.isEmpty else { return }
        let size = 11.0, row = 18.0, sample = 30.0
        let width = entries.map { textWidth($0.label, size: size) }.max()! + sample + 24
        let height = Double(entries.count) * row + 10
        let frame = layout.frame
        let x = frame.x + frame.width - width - 4, y = frame.y + 4
        cairo_rectangle(cr, x, y, width, height)
        setColor(PlotColor.white.withAlpha(0.85))
        cairo_fill_preserve(cr)
        stroke(color: PlotColor.gray.withAlpha(0.8), width: 0.8, style: .solid)
        for (i, entry) in entries.enumerated() {
            let cy = y + 5 + row * (Double(i) + 0.5), sx = x + 8
            switch entry.layer {
            case .region(let r):
                cairo_move_to(cr, sx, cy)
                cairo_line_to(cr, sx + sample, cy)
                stroke(color: r.color, width: min(r.lineWidth, 3), style: r.style)
            case .points(let p):
                cairo_arc(cr, sx + sample / 2, cy, 3.5, 0, 2 * .pi)
                setColor(p.color)
                cairo_fill(cr)
            case .cells(let c):
                cairo_rectangle(cr, sx + 6, cy - 6, sample - 12, 12)
                setColor(c.colors.first ?? .gray)
                cairo_fill(cr)
            }
            text(entry.label, x: sx + sample + 8, y: cy, size: size, h: 0)
        }
    }
}
