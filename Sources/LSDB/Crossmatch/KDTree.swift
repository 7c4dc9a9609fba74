/// A static 3-d tree over unit vectors, answering "the k nearest points closer
/// than a chord" queries, as scipy's `KDTree.query(k, distance_upper_bound)`
/// does for LSDB's crossmatch.
///
/// Points are stored permuted into tree order in contiguous coordinate arrays;
/// nodes are implicit (the median of each range), so building allocates three
/// coordinate arrays, the index permutation and one axis byte per point.
struct KDTree {
    private(set) var x: [Double]
    private(set) var y: [Double]
    private(set) var z: [Double]
    /// The original index of each stored point.
    private(set) var index: [Int32]
    /// The split axis of the node whose median sits at each position.
    private var axis: [UInt8]
    static let leafSize = 12

    /// The number of points.
    var count: Int { index.count }

    /// Builds the tree over points given by their unit vectors.
    init(x xs: UnsafeBufferPointer<Double>, y ys: UnsafeBufferPointer<Double>, z zs: UnsafeBufferPointer<Double>) {
        let n = xs.count
        x = Array(xs); y = Array(ys); z = Array(zs)
        index = (0..<n).map { Int32(truncatingIfNeeded: $0) }
        axis = [UInt8](repeating: 0, count: n)
        x.withUnsafeMutableBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                z.withUnsafeMutableBufferPointer { pz in
                    index.withUnsafeMutableBufferPointer { pi in
                        axis.withUnsafeMutableBufferPointer { pa in
                            var builder = Builder(x: px, y: py, z: pz, index: pi, axis: pa)
                            builder.build(0, n)
                        }
                    }
                }
            }
        }
    }

    /// Builds nodes in place: each range is split at its median along its widest axis.
    private struct Builder {
        let x, y, z: UnsafeMutableBufferPointer<Double>
        let index: UnsafeMutableBufferPointer<Int32>
        let axis: UnsafeMutableBufferPointer<UInt8>

        mutating func build(_ lo: Int, _ hi: Int) {
            var stack = [(lo, hi)]
            while let (a, b) = stack.popLast() {
                guard b - a > KDTree.leafSize else { continue }
                let dim = widestAxis(a, b)
                let mid = (a + b) / 2
                select(a, b, mid, dim)
                axis[mid] = UInt8(dim)
                stack.append((a, mid))
                stack.append((mid + 1, b))
            }
        }

        func coordinate(_ i: Int, _ dim: Int) -> Double {
            dim == 0 ? x[i] : (dim == 1 ? y[i] : z[i])
        }

        func widestAxis(_ a: Int, _ b: Int) -> Int {
            var lo = SIMD3<Double>(repeating: .infinity), hi = SIMD3<Double>(repeating: -.infinity)
            for i in a..<b {
                let p = SIMD3(x[i], y[i], z[i])
                lo = pointwiseMin(lo, p)
                hi = pointwiseMax(hi, p)
            }
            let spread = hi - lo
            return spread.x >= spread.y ? (spread.x >= spread.z ? 0 : 2) : (spread.y >= spread.z ? 1 : 2)
        }

        func swapAt(_ i: Int, _ j: Int) {
            x.swapAt(i, j); y.swapAt(i, j); z.swapAt(i, j); index.swapAt(i, j)
        }

        /// Quickselect: puts the `k`-th smallest along `dim` at `k`, smaller ones before it.
        func select(_ lo: Int, _ hi: Int, _ k: Int, _ dim: Int) {
            var a = lo, b = hi - 1
            while a < b {
                // Median of three as the pivot.
                let m = (a + b) / 2
                if coordinate(m, dim) < coordinate(a, dim) { swapAt(m, a) }
                if coordinate(b, dim) < coordinate(a, dim) { swapAt(b, a) }
                if coordinate(b, dim) < coordinate(m, dim) { swapAt(b, m) }
                let pivot = coordinate(m, dim)
                var i = a, j = b
                while i <= j {
                    while coordinate(i, dim) < pivot { i += 1 }
                    while coordinate(j, dim) > pivot { j -= 1 }
                    if i <= j { swapAt(i, j); i += 1; j -= 1 }
                }
                if k <= j { b = j } else if k >= i { a = i } else { return }
            }
        }
    }

    /// The up to `k` nearest points with `minChord² < d² < maxChord²`, nearest first
    /// (ties by stored order), as (squared chord, original index) pairs appended to `out`.
    func nearest(to q: SIMD3<Double>, maxChord2: Double, minChord2: Double,
                 best: inout NeighbourHeap, into out: inout [(Double, Int32)]) {
        guard count > 0 else { return }
        best.reset(bound: maxChord2)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                z.withUnsafeBufferPointer { pz in
                    axis.withUnsafeBufferPointer { pa in
                        search(q, 0, count, px, py, pz, pa, minChord2, &best)
                    }
                }
            }
        }
        best.drain(into: &out, index: index)
    }

    private func search(_ q: SIMD3<Double>, _ lo: Int, _ hi: Int,
                        _ px: UnsafeBufferPointer<Double>, _ py: UnsafeBufferPointer<Double>,
                        _ pz: UnsafeBufferPointer<Double>, _ pa: UnsafeBufferPointer<UInt8>,
                        _ minChord2: Double, _ best: inout NeighbourHeap) {
        if hi - lo <= KDTree.leafSize {
            for i in lo..<hi { consider(i, q, px, py, pz, minChord2, &best) }
            return
        }
        let mid = (lo + hi) / 2
        let dim = Int(pa[mid])
        let split = dim == 0 ? px[mid] : (dim == 1 ? py[mid] : pz[mid])
        let diff = (dim == 0 ? q.x : (dim == 1 ? q.y : q.z)) - split
        consider(mid, q, px, py, pz, minChord2, &best)
        if diff < 0 {
            search(q, lo, mid, px, py, pz, pa, minChord2, &best)
            if diff * diff < best.bound { search(q, mid + 1, hi, px, py, pz, pa, minChord2, &best) }
        } else {
            search(q, mid + 1, hi, px, py, pz, pa, minChord2, &best)
            if diff * diff < best.bound { search(q, lo, mid, px, py, pz, pa, minChord2, &best) }
        }
    }

    @inline(__always)
    private func consider(_ i: Int, _ q: SIMD3<Double>, _ px: UnsafeBufferPointer<Double>,
                          _ py: UnsafeBufferPointer<Double>, _ pz: UnsafeBufferPointer<Double>,
                          _ minChord2: Double, _ best: inout NeighbourHeap) {
        let dx = px[i] - q.x, dy = py[i] - q.y, dz = pz[i] - q.z
        let d2 = dx * dx + dy * dy + dz * dz
        if d2 < best.bound, d2 > minChord2 { best.insert(d2, i) }
    }
}

/// The k best candidates so far, as a sorted array (k is small), reused from
/// query to query so that queries allocate nothing.
struct NeighbourHeap {
    private var distances: [Double] = []
    private var positions: [Int] = []
    let capacity: Int
    private var maxBound: Double = 0

    init(capacity: Int) {
        self.capacity = capacity
        distances.reserveCapacity(capacity + 1)
        positions.reserveCapacity(capacity + 1)
    }

    /// Empties the heap for a new query with a new bound.
    mutating func reset(bound: Double) {
        distances.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        maxBound = bound
    }

    /// The distance a candidate must beat.
    var bound: Double { distances.count == capacity ? distances[capacity - 1] : maxBound }

    mutating func insert(_ d2: Double, _ position: Int) {
        var at = distances.count
        while at > 0, distances[at - 1] > d2 || (distances[at - 1] == d2 && positions[at - 1] > position) { at -= 1 }
        if distances.count == capacity {
            distances.removeLast()
            positions.removeLast()
        }
        distances.insert(d2, at: at)
        positions.insert(position, at: at)
    }

    func drain(into out: inout [(Double, Int32)], index: [Int32]) {
        for (d, p) in zip(distances, positions) { out.append((d, index[p])) }
    }
}
