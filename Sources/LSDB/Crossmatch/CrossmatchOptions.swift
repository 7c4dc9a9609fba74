/// Which rows a crossmatch keeps (LSDB's `how`).
public enum CrossmatchJoin: String, Sendable, Hashable, CaseIterable {
    /// Only left rows with a match, once per neighbour.
    case inner
    /// Every left row; unmatched ones once, with null right columns and distance.
    case left
}

/// Which columns get suffixes (LSDB's `suffix_method`).
public enum SuffixMethod: String, Sendable, Hashable, CaseIterable {
    /// Every column of both sides (LSDB 0.11's default).
    case allColumns = "all_columns"
    /// Only the names present on both sides.
    case overlappingColumns = "overlapping_columns"
}

/// The parameters of a nearest-neighbour crossmatch (LSDB's `KdTreeCrossmatch`).
public struct CrossmatchOptions: Sendable, Hashable {
    /// The match radius, arcseconds (default 1″). Pairs must be strictly closer.
    public var radiusArcsec: Double
    /// The most neighbours kept per left row (default 1).
    public var nNeighbors: Int
    /// Neighbours at this distance or closer are skipped (default 0: none).
    public var minRadiusArcsec: Double
    /// Which left rows are kept.
    public var how: CrossmatchJoin
    /// The left and right suffixes; `nil` for `_<left name>` and `_<right name>` (or `""`
    /// and `"_right"` when the names are equal).
    public var suffixes: (left: String, right: String)?
    /// Which columns get suffixes.
    public var suffixMethod: SuffixMethod
    /// Throw instead of warning when the right catalog has no margin.
    public var requireRightMargin: Bool
    /// The result's name; `nil` for `<left>_x_<right>`.
    public var outputName: String?

    /// Creates options with LSDB's defaults.
    public init(radiusArcsec: Double = 1, nNeighbors: Int = 1, minRadiusArcsec: Double = 0,
                how: CrossmatchJoin = .inner, suffixes: (left: String, right: String)? = nil,
                suffixMethod: SuffixMethod = .allColumns, requireRightMargin: Bool = false,
                outputName: String? = nil) {
        self.radiusArcsec = radiusArcsec
        self.nNeighbors = nNeighbors
        self.minRadiusArcsec = minRadiusArcsec
        self.how = how
        self.suffixes = suffixes
        self.suffixMethod = suffixMethod
        self.requireRightMargin = requireRightMargin
        self.outputName = outputName
    }

    /// LSDB's validation of the numbers.
    func validate() throws(LSDBError) {
        guard radiusArcsec.isFinite, radiusArcsec > 0 else {
            throw .invalidArgument("radius must be positive, got \(radiusArcsec) arcsec")
        }
        guard nNeighbors >= 1 else { throw .invalidArgument("n_neighbors must be at least 1, got \(nNeighbors)") }
        guard minRadiusArcsec.isFinite, minRadiusArcsec >= 0 else {
            throw .invalidArgument("min_radius must be non-negative, got \(minRadiusArcsec) arcsec")
        }
        guard radiusArcsec > minRadiusArcsec else {
            throw .invalidArgument("radius (\(radiusArcsec)″) must be greater than min_radius (\(minRadiusArcsec)″)")
        }
    }

    public static func == (a: CrossmatchOptions, b: CrossmatchOptions) -> Bool {
        a.radiusArcsec == b.radiusArcsec && a.nNeighbors == b.nNeighbors && a.minRadiusArcsec == b.minRadiusArcsec
            && a.how == b.how && a.suffixes?.left == b.suffixes?.left && a.suffixes?.right == b.suffixes?.right
            && a.suffixMethod == b.suffixMethod && a.requireRightMargin == b.requireRightMargin
            && a.outputName == b.outputName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(radiusArcsec); hasher.combine(nNeighbors); hasher.combine(minRadiusArcsec)
        hasher.combine(how); hasher.combine(suffixes?.left); hasher.combine(suffixes?.right)
        hasher.combine(suffixMethod); hasher.combine(requireRightMargin); hasher.combine(outputName)
    }
}
