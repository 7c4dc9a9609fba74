/// Errors raised by the throwing entry points of the HEALPix module.
public enum HealpixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A latitude that is NaN or outside `[-90°, 90°]` (the payload is in degrees,
    /// or radians for the radian entry points).
    case invalidLatitude(Double)
    /// A longitude that is NaN or infinite.
    case invalidLongitude(Double)
    /// An order outside `0...29`.
    case invalidOrder(Int)
    /// An index outside `0 ..< 12·4^order`.
    case invalidIndex(order: Int, index: UInt64)

    /// A one-line message naming the offending value.
    public var description: String {
        switch self {
        case .invalidLatitude(let v): "invalid latitude \(v): expected a value in [-90, 90]"
        case .invalidLongitude(let v): "invalid longitude \(v): expected a finite value"
        case .invalidOrder(let o): "invalid HEALPix order \(o): expected 0...29"
        case .invalidIndex(let o, let i):
            "invalid HEALPix index \(i) at order \(o): expected < \(12 << UInt64(2 * max(0, min(o, 29))))"
        }
    }
}
