/// The ring of deeper cells just outside a cell (cdshealpix
/// `external_neighbours`; hats margins).
extension Healpix {
    /// The cells at order `order + deltaOrder` that touch a cell from the
    /// outside: one block per edge and one cell per corner.
    public struct ExternalNeighbours: Hashable, Sendable {
        /// The order of the returned cells (`order + deltaOrder`).
        public let order: Int
        /// The `2^deltaOrder` cells beyond the south-east edge, ascending.
        public var southEastEdge: [UInt64]
        /// The `2^deltaOrder` cells beyond the north-east edge, ascending.
        public var northEastEdge: [UInt64]
        /// The `2^deltaOrder` cells beyond the north-west edge, ascending.
        public var northWestEdge: [UInt64]
        /// The `2^deltaOrder` cells beyond the south-west edge, ascending.
        public var southWestEdge: [UInt64]
        /// The cell beyond the south vertex, if any.
        public var southCorner: UInt64?
        /// The cell beyond the east vertex, if any.
        public var eastCorner: UInt64?
        /// The cell beyond the north vertex, if any.
        public var northCorner: UInt64?
        /// The cell beyond the west vertex, if any.
        public var westCorner: UInt64?

        /// The edge cells in cdshealpix's layout: SE, NE, NW, SW blocks.
        public var edges: [UInt64] { southEastEdge + northEastEdge + northWestEdge + southWestEdge }

        /// The corner cells in cdshealpix's layout (S, E, N, W), `nil` where
        /// the vertex is one where only three base cells meet.
        public var corners: [UInt64?] { [southCorner, eastCorner, northCorner, westCorner] }

        /// Edges and existing corners, sorted ascending: hats' `get_margin`.
        public var all: [UInt64] {
            var cells = edges
            for c in corners { if let c { cells.append(c) } }
            cells.sort()
            return cells
        }
    }

    /// The external neighbours of cell `index` at `order`, at order
    /// `order + deltaOrder`.
    ///
    /// - Precondition: `order + deltaOrder <= 29`, `deltaOrder >= 0`.
    /// - Complexity: O(2^deltaOrder).
    public static func externalNeighbours(order: Int, index: UInt64, deltaOrder: Int) -> ExternalNeighbours {
        checkCell(order: order, index: index)
        precondition(deltaOrder >= 0 && order + deltaOrder <= maxOrder, "order + deltaOrder must be in 0...29")
        let depth = order + deltaOrder
        let k = Int64(1) << Int64(deltaOrder)
        let (face, pi, pj) = decode(order: order, index: index)
        let i0 = Int64(pi) * k, j0 = Int64(pj) * k
        let last = k - 1

        func step(_ u: Int64, _ v: Int64, _ d: Direction) -> UInt64? {
            let o = d.offset
            return neighbour(order: depth, face: face, i: i0 + u, j: j0 + v, di: Int64(o.di), dj: Int64(o.dj))
        }
        func edge(_ cell: (Int64) -> (Int64, Int64), _ d: Direction) -> [UInt64] {
            var cells = [UInt64]()
            cells.reserveCapacity(Int(k))
            for t in 0..<k {
                let (u, v) = cell(t)
                // Every edge has a neighbouring face, so this never fails.
                if let h = step(u, v, d) { cells.append(h) }
            }
            cells.sort()
            return cells
        }
        return ExternalNeighbours(
            order: depth,
            southEastEdge: edge({ ($0, 0) }, .southEast),
            northEastEdge: edge({ (last, $0) }, .northEast),
            northWestEdge: edge({ ($0, last) }, .northWest),
            southWestEdge: edge({ (0, $0) }, .southWest),
            southCorner: step(0, 0, .south),
            eastCorner: step(last, 0, .east),
            northCorner: step(last, last, .north),
            westCorner: step(0, last, .west))
    }
}
