/// The eight compass directions around a cell.
extension Healpix {
    /// A direction from a cell to one of its 8 neighbours.
    ///
    /// The face coordinate `i` grows towards the north-east and `j` towards
    /// the north-west, so each direction is an offset `(di, dj)`:
    /// S (−1,−1), SE (0,−1), E (1,−1), SW (−1,0), NE (1,0), W (−1,1),
    /// NW (0,1), N (1,1).
    ///
    /// `rawValue` is the direction's slot in cdshealpix's 9-element
    /// `neighbours` row (`[S, SE, E, SW, C, NE, W, NW, N]`, slot 4 being the
    /// cell itself), and `allCases` lists them in that order.
    public enum Direction: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
        /// South: `(−1, −1)`.
        case south = 0
        /// South-east: `(0, −1)`.
        case southEast = 1
        /// East: `(1, −1)`.
        case east = 2
        /// South-west: `(−1, 0)`.
        case southWest = 3
        /// North-east: `(1, 0)`.
        case northEast = 5
        /// West: `(−1, 1)`.
        case west = 6
        /// North-west: `(0, 1)`.
        case northWest = 7
        /// North: `(1, 1)`.
        case north = 8

        /// The offset `(di, dj)` in face coordinates.
        @inlinable
        public var offset: (di: Int, dj: Int) {
            (rawValue % 3 - 1, rawValue / 3 - 1)
        }

        /// The direction pointing the other way.
        @inlinable
        public var opposite: Direction {
            // Slots are symmetric around the centre slot 4.
            Direction(rawValue: 8 - rawValue)!
        }

        /// Whether this is S, E, N or W: the directions of cell vertices.
        @inlinable
        public var isCorner: Bool {
            let o = offset
            return o.di != 0 && o.dj != 0
        }

        /// `S`, `SE`, `E`, ….
        public var description: String {
            switch self {
            case .south: "S"
            case .southEast: "SE"
            case .east: "E"
            case .southWest: "SW"
            case .northEast: "NE"
            case .west: "W"
            case .northWest: "NW"
            case .north: "N"
            }
        }
    }
}
