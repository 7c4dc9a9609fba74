import Columnar
import HEALPix

extension Catalog {
    /// The rows inside a search region (LSDB's `search`), in this catalog and its margin.
    ///
    /// On a freshly opened catalog the search is pushed into the reads, as LSDB
    /// re-opens the catalog with it; otherwise partitions are selected and rows
    /// filtered. Both give the same rows. A search that keeps no partition gives
    /// an empty catalog here (LSDB raises only for a search given at open time).
    public func search(_ search: any Search) throws -> Catalog {
        try search.validate()
        var result = narrowed(by: search, pushdown: nil)
        if isFresh {
            result.plan.pushdown = pushdownRanges(try result.coverageSource.load())
            result.plan.exactPushdown = result.plan.pushdown != nil
        }
        if let margin {
            var narrowedMargin = margin.narrowed(by: search, pushdown: nil)
            if isFresh, margin.isFresh {
                // LSDB's loader reuses the main catalog's filters for the margin.
                narrowedMargin.plan.pushdown = result.plan.pushdown
                narrowedMargin.plan.exactPushdown = result.plan.exactPushdown
            }
            result = result.withMargin(narrowedMargin)
        }
        return result
    }

    /// The coverage: the point map's non-zero pixels narrowed by the searches applied,
    /// or `nil` when the catalog has no point map. Reads the point map.
    public func coverage() throws -> MOC? {
        try coverageSource.load()
    }

    /// A cone search (LSDB's `cone_search`).
    public func coneSearch(ra: Double, dec: Double, radiusArcsec: Double) throws -> Catalog {
        try search(ConeSearch(ra: ra, dec: dec, radiusArcsec: radiusArcsec))
    }

    /// A box search (LSDB's `box_search`).
    public func boxSearch(ra: (Double, Double), dec: (Double, Double)) throws -> Catalog {
        try search(BoxSearch(ra: ra, dec: dec))
    }

    /// A polygon search (LSDB's `polygon_search`).
    public func polygonSearch(vertices: [(ra: Double, dec: Double)]) throws -> Catalog {
        try search(PolygonSearch(vertices: vertices))
    }

    /// An order search (LSDB's `order_search`).
    public func orderSearch(minOrder: Int = 0, maxOrder: Int? = nil) throws -> Catalog {
        try search(OrderSearch(minOrder: minOrder, maxOrder: maxOrder))
    }

    /// A pixel search (LSDB's `pixel_search`).
    public func pixelSearch(_ pixels: [HealpixPixel]) throws -> Catalog {
        try search(PixelSearch(pixels: pixels))
    }

    /// A MOC search (LSDB's `moc_search`).
    public func mocSearch(_ moc: MOC, fine: Bool = true) throws -> Catalog {
        try search(MOCSearch(moc, fine: fine))
    }

    /// The catalog with partitions chosen by the search, its MOC narrowed, and the
    /// row filter added for fine searches.
    func narrowed(by search: any Search, pushdown: [Range<Int64>]?) -> Catalog {
        var result = self
        let order = maxCoverageOrder
        let region = search.coverage(maxOrder: order)
        if catalogType == .margin, let region {
            result.partitions = Self.marginSearchRegion(region, threshold: marginThreshold ?? 0).overlapping(partitions)
        } else {
            result.partitions = search.selectPartitions(partitions, maxOrder: order)
        }
        if !search.isFine {
            // A coarse search's coverage is the partitions it keeps (lsdb's `filter_hc_catalog`).
            result.coverageSource = .known(MOC(pixels: result.partitions))
        } else if let region {
            result.coverageSource = coverageSource.intersection(region)
        }
        result.totalRows = nil
        if search.isFine {
            result.plan.steps.append(.search(search, ra: raColumn, dec: decColumn))
        }
        return result
    }

    /// The region a margin's partitions are chosen by (hats' `MarginCatalog.filter_by_moc`):
    /// the search region, degraded to the margin's order when the threshold is wider than
    /// its cells, plus one ring of neighbouring cells, so that partitions whose margin area
    /// may meet the region are kept.
    static func marginSearchRegion(_ region: MOC, threshold: Double) -> MOC {
        var moc = region
        if threshold > Healpix.order2mindist(region.maxOrder) * 60 {
            moc = moc.degraded(toOrder: Healpix.margin2order(marginThresholdArcsec: threshold))
        }
        return moc.addingNeighbours()
    }

    /// LSDB's pyarrow filters from a filtered MOC: its ranges at the index order, or,
    /// when there are more than 10, the span from the first to the last (LSDB merges
    /// them into overlapping ranges whose union is that span).
    func pushdownRanges(_ filteredMOC: MOC?) -> [Range<Int64>]? {
        guard let filteredMOC, healpixColumn != nil, healpixOrder >= 0, healpixOrder <= 29 else { return nil }
        let moc = healpixOrder >= filteredMOC.maxOrder ? filteredMOC : filteredMOC.degraded(toOrder: healpixOrder)
        let shift = UInt64(2 * (29 - healpixOrder))
        var ranges = moc.ranges.map { Int64($0.lowerBound >> shift)..<Int64($0.upperBound >> shift) }
        if ranges.isEmpty { return nil }
        if ranges.count > 10, let first = ranges.first, let last = ranges.last {
            ranges = [first.lowerBound..<last.upperBound]
        }
        return ranges
    }
}
