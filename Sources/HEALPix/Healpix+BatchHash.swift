/// Hashing many positions at once: the hot path of catalog building.
extension Healpix {
    /// Hashes `lon.count` positions (degrees) at `order` into `out`.
    ///
    /// Each value equals ``hash(order:lon:lat:)`` for the same position;
    /// invalid positions get ``invalidIndex``. No allocation happens.
    ///
    /// - Parameters:
    ///   - order: the order, `0...29` (29 for `_healpix_29`).
    ///   - lon: longitudes in degrees.
    ///   - lat: latitudes in degrees, as many as `lon`.
    ///   - out: receives the indices; at least `lon.count` long.
    /// - Returns: how many positions were invalid.
    @discardableResult
    public static func hash(
        order: Int,
        lon: UnsafeBufferPointer<Double>,
        lat: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<UInt64>
    ) -> Int {
        precondition(isValidOrder(order), "HEALPix order \(order) is outside 0...29")
        precondition(lon.count == lat.count, "lon and lat have different lengths")
        precondition(out.count >= lon.count, "output buffer too small")
        guard let lonBase = lon.baseAddress, let latBase = lat.baseAddress,
              let outBase = out.baseAddress else { return 0 }
        let count = lon.count
        let scale = halfNside(order: order)
        let nside = UInt64(1) << UInt64(order)
        let twiceOrder = UInt64(2 * order)
        var invalid = 0
        for k in 0..<count {
            let lonDeg = lonBase[k]
            let latDeg = latBase[k]
            let lonRad: Double
            if lonDeg >= 0 && lonDeg < 360 && latDeg >= -90 && latDeg <= 90 {
                lonRad = lonDeg * degToRad
            } else if let r = hashableRadians(lon: lonDeg, lat: latDeg) {
                lonRad = r.lon
            } else {
                outBase[k] = invalidIndex
                invalid += 1
                continue
            }
            let p = projectInBaseCell(lon: lonRad, lat: latDeg * degToRad)
            let fi = (p.y + p.x) * scale
            let fj = (p.y - p.x) * scale
            var i: UInt64 = fi > 0 ? UInt64(Int64(fi)) : 0
            var j: UInt64 = fj > 0 ? UInt64(Int64(fj)) : 0
            if i == nside { i = nside &- 1 }
            if j == nside { j = nside &- 1 }
            outBase[k] = (p.face << twiceOrder) | spreadBits(i) | (spreadBits(j) << 1)
        }
        return invalid
    }

    /// ``hash(order:lon:lat:into:)`` writing signed indices (an `int64`
    /// column such as `_healpix_29`); invalid positions get `-1`.
    @discardableResult
    public static func hash(
        order: Int,
        lon: UnsafeBufferPointer<Double>,
        lat: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Int64>
    ) -> Int {
        out.withMemoryRebound(to: UInt64.self) { hash(order: order, lon: lon, lat: lat, into: $0) }
    }

    /// Hashes arrays of positions (degrees); see
    /// ``hash(order:lon:lat:into:)``. Invalid positions give ``invalidIndex``.
    public static func hash(order: Int, lon: [Double], lat: [Double]) -> [UInt64] {
        precondition(lon.count == lat.count, "lon and lat have different lengths")
        return [UInt64](unsafeUninitializedCapacity: lon.count) { buffer, initialized in
            lon.withUnsafeBufferPointer { lonBuf in
                lat.withUnsafeBufferPointer { latBuf in
                    _ = hash(order: order, lon: lonBuf, lat: latBuf, into: buffer)
                }
            }
            initialized = lon.count
        }
    }
}
