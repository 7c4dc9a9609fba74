/// The cells adjacent to a cell, as cdshealpix `neighbours`.
extension Healpix {
    /// The up-to-8 neighbours of a cell, one per ``Direction``.
    ///
    /// Most cells have 8. A cell touching one of the 8 points where only
    /// three base cells meet (the E/W vertices of the polar faces) has 7,
    /// and at order 0 each base cell has 6: the missing slots read `nil`.
    /// Iterating yields the existing neighbours in ``Direction/allCases``
    /// order (S, SE, E, SW, NE, W, NW, N).
    public struct Neighbours: Hashable, Sendable, Sequence {
        @usableFromInline var slots: SIMD8<UInt64>

        @inlinable
        init() { slots = SIMD8(repeating: Healpix.invalidIndex) }

        @inlinable
        static func slot(_ d: Direction) -> Int { d.rawValue < 4 ? d.rawValue : d.rawValue - 1 }

        /// The neighbour in direction `d`, or `nil` when there is none.
        @inlinable
        public subscript(_ d: Direction) -> UInt64? {
            get {
                let v = slots[Self.slot(d)]
                return v == Healpix.invalidIndex ? nil : v
            }
            set { slots[Self.slot(d)] = newValue ?? Healpix.invalidIndex }
        }

        /// How many neighbours exist (6, 7 or 8).
        public var count: Int {
            (0..<8).reduce(0) { $0 + (slots[$1] == Healpix.invalidIndex ? 0 : 1) }
        }

        /// The 9-slot row of cdshealpix's Python `neighbours`:
        /// `[S, SE, E, SW, centre, NE, W, NW, N]`, `-1` where none.
        public func cdshealpixRow(center: UInt64) -> [Int64] {
            var row = [Int64](repeating: -1, count: 9)
            row[4] = Int64(bitPattern: center)
            for d in Direction.allCases {
                if let v = self[d] { row[d.rawValue] = Int64(bitPattern: v) }
            }
            return row
        }

        /// Iterates over the existing neighbours, S, SE, E, SW, NE, W, NW, N.
        public func makeIterator() -> some IteratorProtocol<UInt64> {
            Direction.allCases.lazy.compactMap { self[$0] }.makeIterator()
        }
    }

    /// The neighbours of cell `index` at `order`.
    ///
    ///     Healpix.neighbours(order: 0, index: 0)[.north] // 2
    public static func neighbours(order: Int, index: UInt64) -> Neighbours {
        checkCell(order: order, index: index)
        let (face, i, j) = decode(order: order, index: index)
        var result = Neighbours()
        for d in Direction.allCases {
            let o = d.offset
            result[d] = neighbour(
                order: order, face: face, i: Int64(i), j: Int64(j), di: Int64(o.di), dj: Int64(o.dj))
        }
        return result
    }

    /// The neighbour of cell `index` at `order` in direction `direction`, or
    /// `nil` when that corner is one where only three base cells meet.
    public static func neighbour(order: Int, index: UInt64, direction: Direction) -> UInt64? {
        checkCell(order: order, index: index)
        let (face, i, j) = decode(order: order, index: index)
        let o = direction.offset
        return neighbour(order: order, face: face, i: Int64(i), j: Int64(j), di: Int64(o.di), dj: Int64(o.dj))
    }

    /// The cell at face coordinates `(i + di, j + dj)`, following the
    /// coordinate across a base-cell edge when it leaves the face.
    ///
    /// `i`, `j` may be any in-face coordinates and `di`, `dj` any of -1, 0, 1.
    /// Crossing a face edge maps the coordinates into the adjacent face
    /// (rotated for the cap faces around a pole); crossing a face vertex
    /// where only three faces meet gives `nil`.
    @usableFromInline
    static func neighbour(order: Int, face: UInt64, i: Int64, j: Int64, di: Int64, dj: Int64) -> UInt64? {
        let n = Int64(1) << Int64(order)
        let a = i + di, b = j + dj
        if a >= 0 && a < n && b >= 0 && b < n {
            return encode(order: order, face: face, i: UInt64(a), j: UInt64(b))
        }
        let oi = a < 0 ? -1 : (a >= n ? 1 : 0)
        let oj = b < 0 ? -1 : (b >= n ? 1 : 0)
        let m = 2 * n - 1
        let q = face & 3
        let next = (q + 1) & 3, prev = (q + 3) & 3, opposite = (q + 2) & 3
        let target: (face: UInt64, i: Int64, j: Int64)
        switch face >> 2 {
        case 0: // north polar cap
            switch (oi, oj) {
            case (-1, -1): target = (8 + q, a + n, b + n)
            case (0, -1): target = (4 + next, a, b + n)
            case (-1, 0): target = (4 + q, a + n, b)
            case (1, 0): target = (next, b, m - a)
            case (0, 1): target = (prev, m - b, a)
            case (1, 1): target = (opposite, m - a, m - b)
            default: return nil
            }
        case 1: // equatorial
            switch (oi, oj) {
            case (0, -1): target = (8 + q, a, b + n)
            case (1, -1): target = (4 + next, a - n, b + n)
            case (-1, 0): target = (8 + prev, a + n, b)
            case (1, 0): target = (q, a - n, b)
            case (-1, 1): target = (4 + prev, a + n, b - n)
            case (0, 1): target = (prev, a, b - n)
            default: return nil
            }
        default: // south polar cap
            switch (oi, oj) {
            case (-1, -1): target = (8 + opposite, -a - 1, -b - 1)
            case (0, -1): target = (8 + next, -b - 1, a)
            case (-1, 0): target = (8 + prev, b, -a - 1)
            case (1, 0): target = (4 + next, a - n, b)
            case (0, 1): target = (4 + q, a, b - n)
            case (1, 1): target = (q, a - n, b - n)
            default: return nil
            }
        }
        return encode(order: order, face: target.face, i: UInt64(target.i), j: UInt64(target.j))
    }
}
