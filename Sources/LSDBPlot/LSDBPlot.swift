/// Sky plots of catalogs: partition maps, density maps, coverage, search-region
/// overlays and point scatters, rendered with cairo to PNG, SVG or PDF.
///
/// Start from a catalog (``LSDB/Catalog/plotPixels(title:projection:)``,
/// ``LSDB/Catalog/plotDensity(order:logarithmic:title:projection:)``,
/// ``LSDB/Catalog/plotCoverage(title:color:projection:)``) or from an empty
/// ``SkyPlot`` (``SkyPlot/field(ra:dec:fov:title:)`` for a zoomed view), add
/// overlays and scatters, then ``SkyPlot/write(to:scale:)``.
public enum LSDBPlot {}
