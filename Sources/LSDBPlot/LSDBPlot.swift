/// Sky plots of catalogs: partition maps, density maps, coverage, search-region
/// overlays and point scatters, rendered with cairo to PNG, SVG or PDF.
public enum LSDBPlot {}
