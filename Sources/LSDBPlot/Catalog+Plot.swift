import Foundation
import HATS
import HEALPix
import LSDB

extension Catalog {
    /// The partitions as filled HEALPix cells coloured by order (hats' `plot_pixels`):
    /// viridis with a discrete colour bar labelled "HEALPix order", titled
    /// "Catalog pixel map - NAME", on a full-sky Mollweide map by default.
    ///
    /// - Throws: ``PlotError/noPixels(_:)`` when the catalog has no partitions.
    public func plotPixels(title: String? = nil, projection: SkyProjection = .fullSky) throws(PlotError) -> SkyPlot {
        let title = title ?? "Catalog pixel map - \(name)"
        guard !partitions.isEmpty else { throw .noPixels(title) }
        let orders = partitions.map(\.order)
        let bar = Colorbar(minimum: Double(orders.min()!), maximum: Double(orders.max()!),
                           label: "HEALPix order", isDiscrete: true)
        var plot = SkyPlot(projection: projection, title: title)
        plot.colorbar = bar
        let colors = orders.map { bar.color(for: Double($0)) }
        return plot.adding(.cells(CellLayer(cells: partitions, colors: colors,
                                            edgeColor: PlotColor.white.withAlpha(0.35))))
    }

    /// Rows per square degree from the catalog's point map or skymap (hats'
    /// `plot_density`), optionally summed to a coarser `order`, with a continuous
    /// viridis colour bar labelled "count / deg2" (linear, as hats draws it, or
    /// logarithmic). Cells with no rows take the bottom colour. The map of a searched
    /// or queried catalog is still the whole catalog's, as in hats.
    ///
    /// - Throws: ``PlotError/noDensityMap(_:)`` for a catalog without a map on disk.
    public func plotDensity(order: Int? = nil, logarithmic: Bool = false, title: String? = nil,
                            projection: SkyProjection = .fullSky) throws(PlotError) -> SkyPlot {
        guard let metadata else { throw .noDensityMap("catalog '\(name)' is not on disk") }
        let map: PointMap
        do {
            map = try metadata.loadSkymap(order: order)
        } catch {
            throw .noDensityMap(String(describing: error))
        }
        let area = Healpix.pixelAreaDegrees(order: map.order)
        let densities = map.counts.map { Double($0) / area }
        let hasEmptyCells = UInt64(map.pixels.count) < map.pixelCount
        let low = logarithmic ? densities.min() ?? 0 : hasEmptyCells ? 0 : densities.min() ?? 0
        var plot = SkyPlot(projection: projection, title: title ?? "Angular density of catalog \(name)")
        let bar = Colorbar(minimum: low, maximum: max(low, densities.max() ?? 0), label: "count / deg2",
                           isLogarithmic: logarithmic)
        plot.colorbar = bar
        let cells = map.pixels.map { HealpixPixel(order: map.order, index: $0) }
        return plot.adding(.cells(CellLayer(cells: cells, colors: densities.map(bar.color(for:)))))
    }

    /// The catalog's coverage (its MOC) as filled cells, titled "Coverage of NAME".
    ///
    /// - Throws: ``PlotError/noCoverage(_:)`` when there is no MOC and no partition.
    public func plotCoverage(title: String? = nil, color: PlotColor = .blue,
                             projection: SkyProjection = .fullSky) throws(PlotError) -> SkyPlot {
        let moc: MOC?
        do {
            moc = try coverage()
        } catch {
            throw .noCoverage("\(name) (\(error))")
        }
        let cells: [HealpixPixel]
        if let moc {
            cells = moc.cells.map { HealpixPixel(order: $0.order, index: $0.index) }
        } else {
            cells = partitions
        }
        guard !cells.isEmpty else { throw .noCoverage(name) }
        let plot = SkyPlot(projection: projection, title: title ?? "Coverage of \(name)")
        return plot.adding(.cells(CellLayer(cells: cells, colors: cells.map { _ in color.withAlpha(0.7) },
                                            edgeColor: color)))
    }
}

extension SkyPlot {
    /// A MOC as filled cells on a new figure.
    public static func coverage(_ moc: MOC, title: String = "", color: PlotColor = .blue,
                                projection: SkyProjection = .fullSky) -> SkyPlot {
        let cells = moc.cells.map { HealpixPixel(order: $0.order, index: $0.index) }
        return SkyPlot(projection: projection, title: title)
            .adding(.cells(CellLayer(cells: cells, colors: cells.map { _ in color.withAlpha(0.7) }, edgeColor: color)))
    }
}
