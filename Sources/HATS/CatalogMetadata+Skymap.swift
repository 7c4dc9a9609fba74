extension CatalogMetadata {
    /// The row counts per pixel at an order, from the best stored map, as hats'
    /// `read_skymap` chooses it: the smallest `skymap.K.fits` with K ≥ `order`
    /// (from `hats_skymap_alt_orders`), else `skymap.fits` (at `hats_skymap_order`),
    /// else `point_map.fits`; summed down to `order` when the map is deeper.
    ///
    /// - Parameter order: the wanted order, or `nil` for the stored map's own order.
    /// - Throws: ``HATSError`` when there is no map, or `order` is deeper than every stored map.
    public func loadSkymap(order: Int? = nil) throws(HATSError) -> PointMap {
        if let order, let alt = properties.skymapAltOrders?.first(where: { $0 >= order }) {
            let map = try PointMap(contentsOfFile: HATSPaths.join(path, "skymap.\(alt).fits"))
            return alt == order ? map : try map.degraded(toOrder: order)
        }
        let file: String
        if properties.skymapOrder != nil {
            file = HATSPaths.join(path, HATSPaths.skymapFile)
        } else {
            file = HATSPaths.join(path, HATSPaths.pointMapFile)
            guard FileIO.isFile(file) else { throw .notFound(path, "no skymap.fits or point_map.fits in this catalog") }
        }
        let map = try PointMap(contentsOfFile: file)
        guard let order, order != map.order else { return map }
        guard order < map.order else {
            throw HATSError(.invalidFITS, path: file, "order \(order) is deeper than the stored map's order \(map.order)")
        }
        return try map.degraded(toOrder: order)
    }
}
