import Columnar
import Foundation
import HATS
import HEALPix

extension Catalog {
    /// Crossmatches this catalog with another one across the sky (LSDB's `crossmatch`):
    /// each left row with its nearest right rows within a radius, using the right
    /// catalog's margin so that matches across partition edges are found.
    ///
    ///     let matched = try gaia.crossmatch(ztf, radiusArcsec: 1)       // ztf opened with its margin
    ///     let dwarfs = try matched.query("nobs_g_ztf > 50 and parallax_gaia > 0")
    ///
    /// Partitions are aligned as LSDB aligns them (the right tree merged with its margin's,
    /// the right coverage padded by the margin threshold, each overlapping pair matched at
    /// the smaller pixel, left rows cut to it). The result is lazy: it can be queried,
    /// searched, crossmatched again, computed or written. Its columns are the left index
    /// (`_healpix_29`), the left columns with the left suffix, the right columns with the
    /// right suffix, and `_dist_arcsec`; its RA and Dec are the suffixed left ones; it has no
    /// margin.
    ///
    /// - Throws: ``LSDBError/invalidArgument(_:)`` for bad parameters, a radius larger than
    ///   the right margin's threshold, or a missing right margin when it is required.
    public func crossmatch(_ right: Catalog, radiusArcsec: Double = 1, nNeighbors: Int = 1,
                           minRadiusArcsec: Double = 0, how: CrossmatchJoin = .inner,
                           suffixes: (left: String, right: String)? = nil,
                           suffixMethod: SuffixMethod = .allColumns,
                           requireRightMargin: Bool = false, outputName: String? = nil) throws -> Catalog {
        try crossmatch(right, options: CrossmatchOptions(
            radiusArcsec: radiusArcsec, nNeighbors: nNeighbors, minRadiusArcsec: minRadiusArcsec, how: how,
            suffixes: suffixes, suffixMethod: suffixMethod, requireRightMargin: requireRightMargin,
            outputName: outputName))
    }

    /// ``crossmatch(_:radiusArcsec:nNeighbors:minRadiusArcsec:how:suffixes:suffixMethod:requireRightMargin:outputName:)``
    /// with the parameters in one value.
    public func crossmatch(_ right: Catalog, options: CrossmatchOptions) throws -> Catalog {
        try options.validate()
        for (side, catalog) in [("left", self), ("right", right)] {
            for column in [catalog.raColumn, catalog.decColumn] where catalog.schema[column] == nil {
                throw LSDBError.invalidArgument("the \(side) catalog \(catalog.name) has no column '\(column)' for positions")
            }
        }
        var warnings = self.warnings + right.warnings
        if let margin = right.margin {
            let threshold = margin.marginThreshold ?? 0
            guard threshold >= options.radiusArcsec else {
                throw LSDBError.invalidArgument(
                    "Cross match radius is greater than margin threshold (\(options.radiusArcsec)″ > \(threshold)″ of \(margin.name))")
            }
        } else if options.requireRightMargin {
            throw LSDBError.invalidArgument("Right catalog margin cache is required for cross-match.")
        } else {
            warnings.append("Right catalog \(right.name) does not have a margin cache. Results may be incomplete and/or inaccurate.")
        }
        let suffixes = options.suffixes
            ?? (name == right.name ? ("", "_right") : ("_" + name, "_" + right.name))
        let layout = try CrossmatchLayout(
            left: schema, leftIndex: healpixColumn.flatMap { schema[$0] != nil ? $0 : nil },
            right: right.schema, rightIndex: right.healpixColumn,
            suffixes: suffixes, method: options.suffixMethod, how: options.how)
        let (alignment, filterCoverage) = try Self.align(self, right, how: options.how)
        guard !alignment.entries.isEmpty else {
            throw LSDBError.invalidArgument("Catalogs do not overlap (\(name) and \(right.name) share no partition)")
        }
        var mapping: [HealpixPixel: PixelAlignment.Entry] = [:]
        for entry in alignment.entries { mapping[entry.aligned] = entry }
        let source = CrossmatchSource(left: self, right: right, rightMargin: right.margin, options: options,
                                      layout: layout, mapping: mapping)
        let types = [catalogType, right.catalogType].sorted { $0.rawValue < $1.rawValue }
        var result = Catalog(
            name: options.outputName ?? "\(name)_x_\(right.name)", catalogType: types[0],
            raColumn: layout.leftNames[layout.leftColumns.firstIndex(of: raColumn)!],
            decColumn: layout.leftNames[layout.leftColumns.firstIndex(of: decColumn)!],
            healpixColumn: layout.leftIndex, healpixOrder: healpixOrder, schema: layout.schema,
            partitions: alignment.pixels, totalRows: nil, coverage: filterCoverage, metadata: nil,
            plan: Plan(source: source, readColumns: layout.schema.names), margin: nil)
        result.warnings = warnings
        return result
    }

    /// LSDB's `align_catalogs`: the left tree against the right tree merged with its
    /// margin's, keeping the aligned pixels that meet the left coverage and (for inner
    /// joins) the right coverage padded by the margin threshold.
    ///
    /// The padding (one ring of cells) is only worked out near aligned pixels that the
    /// unpadded coverages do not already share: dilating a whole order-10 point map costs
    /// seconds. The full filter MOC is the result's coverage, computed if asked for.
    static func align(_ left: Catalog, _ right: Catalog, how: CrossmatchJoin) throws -> (PixelAlignment, CoverageSource) {
        var rightTree = right.partitions
        // The two point maps are read at the same time.
        let coverages = ConcurrentCoverage()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let catalog = i == 0 ? left : right
            coverages.set(i, Result { try catalog.coverage() ?? MOC(pixels: catalog.partitions) })
        }
        var rightMOC = try coverages.get(1)
        var pad = false
        if let margin = right.margin {
            rightTree = PixelAlignment.align(left: right.partitions, right: margin.partitions, type: .outer).pixels
            let threshold = margin.marginThreshold ?? 0
            let resolution = Healpix.resolutionArcsec(order: rightMOC.maxOrder)
            if threshold >= resolution {
                let delta = Int((log2(threshold / resolution)).rounded(.up))
                rightMOC = rightMOC.degraded(toOrder: max(0, rightMOC.maxOrder - delta))
            }
            pad = true
        }
        let leftMOC = try coverages.get(0)
        let candidates = PixelAlignment.align(left: left.partitions, right: rightTree, type: how == .inner ? .inner : .left)
        guard how == .inner else {
            return (candidates.filtered(by: leftMOC), .known(leftMOC))
        }
        let kept = candidates.entries.filter { entry in
            if leftMOC.overlaps(rightMOC, within: entry.aligned.range29) { return true }
            guard pad else { return false }
            // Only cells within one ring of the aligned pixel can pad into it.
            let near = MOC(pixels: [entry.aligned]).addingNeighbours(atOrder: max(rightMOC.maxOrder, entry.aligned.order))
            guard let first = near.ranges.first, let last = near.ranges.last else { return false }
            let padded = rightMOC.clipped(to: first.lowerBound..<last.upperBound).intersection(near).addingNeighbours()
            return leftMOC.overlaps(padded, within: entry.aligned.range29)
        }
        let order = max(leftMOC.maxOrder, rightMOC.maxOrder)
        let filter: CoverageSource = .lazy(LazyMOC { [leftMOC, rightMOC, pad] in
            leftMOC.intersection(pad ? rightMOC.addingNeighbours() : rightMOC)
        }, order: order)
        return (PixelAlignment(entries: kept), filter)
    }
}

extension Catalog {
    /// Crossmatches with a table in memory (LSDB's free `crossmatch` with a DataFrame on
    /// the right): the table becomes a catalog named `name` with a margin as wide as
    /// the radius, so that matches across its partition edges are found.
    public func crossmatch(_ table: Table, raColumn: String? = nil, decColumn: String? = nil,
                           name: String = "right", options: CrossmatchOptions = CrossmatchOptions()) throws -> Catalog {
        let right = try Catalog(table, raColumn: raColumn, decColumn: decColumn,
                                marginThreshold: options.radiusArcsec, catalogName: name)
        return try crossmatch(right, options: options)
    }
}

/// Two coverages loaded by concurrent iterations.
private final class ConcurrentCoverage: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<MOC, any Error>?] = [nil, nil]

    func set(_ i: Int, _ result: Result<MOC, any Error>) {
        lock.lock(); results[i] = result; lock.unlock()
    }

    func get(_ i: Int) throws -> MOC {
        lock.lock(); defer { lock.unlock() }
        return try results[i]!.get()
    }
}
