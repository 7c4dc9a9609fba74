import HEALPix

/// The partitions whose HEALPix order is in a range (LSDB's `OrderSearch`).
/// Rows are not filtered.
public struct OrderSearch: Search, Hashable {
    /// The lowest order kept.
    public var minOrder: Int
    /// The highest order kept; `nil` for the catalog's highest.
    public var maxOrder: Int?

    /// Creates an order search.
    public init(minOrder: Int = 0, maxOrder: Int? = nil) {
        self.minOrder = minOrder
        self.maxOrder = maxOrder
    }

    /// Whole partitions only.
    public var isFine: Bool { false }

    /// Orders within 0...29, `minOrder ≤ maxOrder`.
    public func validate() throws(LSDBError) {
        guard Healpix.isValidOrder(minOrder) else {
            throw .invalidArgument("min order \(minOrder) is outside 0...29")
        }
        if let maxOrder {
            guard Healpix.isValidOrder(maxOrder) else {
                throw .invalidArgument("max order \(maxOrder) is outside 0...29")
            }
            guard minOrder <= maxOrder else {
                throw .invalidArgument("min order \(minOrder) is above max order \(maxOrder)")
            }
        }
    }

    /// No region: partitions are chosen by order.
    public func coverage(maxOrder: Int) -> MOC? { nil }

    /// The partitions with `minOrder ≤ order ≤ maxOrder`.
    public func selectPartitions(_ pixels: [HealpixPixel], maxOrder catalogMax: Int) -> [HealpixPixel] {
        let upper = maxOrder ?? catalogMax
        return pixels.filter { $0.order >= minOrder && $0.order <= upper }
    }

    /// Every row.
    public func contains(ra: UnsafeBufferPointer<Double>, dec: UnsafeBufferPointer<Double>,
                         into mask: UnsafeMutableBufferPointer<Bool>) {
        for i in 0..<mask.count { mask[i] = true }
    }

    /// `OrderSearch(minOrder: …, maxOrder: …)`.
    public var description: String {
        "OrderSearch(minOrder: \(minOrder), maxOrder: \(maxOrder.map(String.init) ?? "nil"))"
    }
}
