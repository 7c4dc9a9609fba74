extension MOC {
    /// The MOC dilated by one cell: every cell of `order` that touches the MOC, by an
    /// edge or a corner, is added (mocpy's `add_neighbours`).
    ///
    /// Each cell of the multi-order decomposition contributes its external
    /// neighbours at `order` (edges and corners, as hats' margins), unless all its
    /// same-order neighbours are already covered; the cost is proportional to the
    /// MOC's border, not its area.
    ///
    /// - Parameter order: the order of the added cells; defaults to ``maxOrder``.
    ///   The result's ``maxOrder`` is the larger of the two.
    public func addingNeighbours(atOrder order: Int? = nil) -> MOC {
        let order = order ?? maxOrder
        precondition(Healpix.isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        let base = order < maxOrder ? degraded(toOrder: order) : self
        var added: [UInt64] = []
        for cell in base.cells {
            let around = Healpix.neighbours(order: cell.order, index: cell.index)
            if around.allSatisfy({ base.contains(order: cell.order, index: $0) }) { continue }
            added.append(contentsOf: Healpix.externalNeighbours(
                order: cell.order, index: cell.index, deltaOrder: order - cell.order).all)
        }
        return base.union(MOC(order: order, indices: added)).withMaxOrder(Swift.max(order, maxOrder))
    }

    /// The same coverage with another ``maxOrder``, which must not be below the
    /// alignment of the ranges.
    func withMaxOrder(_ order: Int) -> MOC {
        order == maxOrder ? self : MOC(normalisedRanges: ranges, maxOrder: order)
    }
}
