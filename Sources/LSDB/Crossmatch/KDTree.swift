/// A static 3-d tree over unit vectors, answering "the k nearest points closer
/// than a chord" queries, as scipy's `KDTree.query(k, distance_upper_bound)`
/// does for LSDB's crossmatch.
///
/// Points are stored permuted into tree order as `(x, y, z, original index)`
/// vectors in one contiguous array; nodes are implicit (the median of each
/// range), so a tree is that array plus one axis byte per point.
struct KDTree: Sendable {
    private var points: [SIMD4<Double>]
    private var axis: [UInt8]
    static let leafSize = 12

    /// The number of points.
    var count: Int { points.count }

    /// Builds the tree over points given by their unit vectors and original indices.
    init(points source: [SIMD4<Double>]) {
        points = source
        axis = [UInt8](repeating: 0, count: source.count)
        let n = points.count
        points.withUnsafeMutableBufferPointer { p in
            axis.withUnsafeMutableBufferPointer { a in
                var stack = [(0, n)]
                while let (lo, hi) = stack.popLast() {
                    guard hi - lo > KDTree.leafSize else { continue }
                    let dim = Self.widestAxis(p, lo, hi)
                    let mid = (lo + hi) / 2
                    Self.select(p, lo, hi, mid, dim)
                    a[mid] = UInt8(dim)
                    stack.append((lo, mid))
                    stack.append((mid + 1, hi))
                }
            }
        }
    }

    /// The axis of largest spread, estimated from at most 64 evenly spaced points.
    private static func widestAxis(_ p: UnsafeMutableBufferPointer<SIMD4<Double>>, _ lo: Int, _ hi: Int) -> Int {
        let step = Swift.max(1, (hi - lo) / 64)
        var low = SIMD4<Double>(repeating: .infinity), high = SIMD4<Double>(repeating: -.infinity)
        var i = lo
        while i < hi {
            low = pointwiseMin(low, p[i])
            high = pointwiseMax(high, p[i])
            i += step
        }
        let spread = high - low
        return spread.x >= spread.y ? (spread.x >= spread.z ? 0 : 2) : (spread.y >= spread.z ? 1 : 2)
    }

    /// Quickselect: puts the `k`-th smallest along `dim` at `k`, smaller ones before it.
    private static func select(_ p: UnsafeMutableBufferPointer<SIMD4<Double>>, _ lo: Int, _ hi: Int, _ k: Int, _ dim: Int) {
        // Coordinates read through a flat pointer: element i's coordinate `dim` is at 4i + dim.
        let c = UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: Double.self) + dim
        @inline(__always) func key(_ i: Int) -> Double { c[i &<< 2] }
        var a = lo, b = hi - 1
        while a < b {
            let m = (a + b) / 2
            if key(m) < key(a) { p.swapAt(m, a) }
            if key(b) < key(a) { p.swapAt(b, a) }
            if key(b) < key(m) { p.swapAt(b, m) }
            let pivot = key(m)
            var i = a, j = b
            while i <= j {
                while key(i) < pivot { i &+= 1 }
                while key(j) > pivot { j &-= 1 }
                if i <= j { p.swapAt(i, j); i &+= 1; j &-= 1 }
            }
            if k <= j { b = j } else if k >= i { a = i } else { return }
        }
    }

    /// Calls `body` with a searcher over the tree's memory (valid only inside `body`).
    func withSearcher<R>(_ body: (Searcher) throws -> R) rethrows -> R {
        try points.withUnsafeBufferPointer { p in
            try axis.withUnsafeBufferPointer { a in try body(Searcher(points: p, axis: a)) }
        }
    }

    /// Queries over a tree's memory, with no reference counting per query.
    struct Searcher: NeighbourSearcher {
        let points: UnsafeBufferPointer<SIMD4<Double>>
        let axis: UnsafeBufferPointer<UInt8>

        var count: Int { points.count }

        func nearest(to q: SIMD3<Double>, maxChord2: Double, minChord2: Double,
                     best: inout NeighbourHeap, into out: inout [(Double, Int32)]) {
            guard points.count > 0 else { return }
            best.reset(bound: maxChord2)
            KDTree.search(SIMD4(q.x, q.y, q.z, 0), 0, points.count, points, axis, minChord2, &best)
            best.drain(into: &out)
        }

        func prefetch(_ q: SIMD3<Double>) {}
    }

    private static func search(_ q: SIMD4<Double>, _ lo: Int, _ hi: Int, _ p: UnsafeBufferPointer<SIMD4<Double>>,
                               _ a: UnsafeBufferPointer<UInt8>, _ minChord2: Double, _ best: inout NeighbourHeap) {
        if hi - lo <= KDTree.leafSize {
            for i in lo..<hi { consider(p[i], q, minChord2, &best) }
            return
        }
        let mid = (lo + hi) / 2
        let node = p[mid]
        let dim = Int(a[mid])
        let diff = q[dim] - node[dim]
        consider(node, q, minChord2, &best)
        if diff < 0 {
            search(q, lo, mid, p, a, minChord2, &best)
            if diff * diff < best.bound { search(q, mid + 1, hi, p, a, minChord2, &best) }
        } else {
            search(q, mid + 1, hi, p, a, minChord2, &best)
            if diff * diff < best.bound { search(q, lo, mid, p, a, minChord2, &best) }
        }
    }

    @inline(__always)
    static func consider(_ point: SIMD4<Double>, _ q: SIMD4<Double>, _ minChord2: Double,
                                 _ best: inout NeighbourHeap) {
        var d = point - q
        d.w = 0
        let d2 = (d * d).sum()
        if d2 < best.bound, d2 > minChord2 { best.insert(d2, Int32(point.w)) }
    }
}

/// The k best candidates so far, as a sorted array (k is small), reused from
/// query to query so that queries allocate nothing.
struct NeighbourHeap {
    private var distances: [Double] = []
    private var indices: [Int32] = []
    let capacity: Int
    /// The distance a candidate must beat: the k-th best so far, or the search bound.
    private(set) var bound: Double = 0

    init(capacity: Int) {
        self.capacity = capacity
        distances.reserveCapacity(capacity + 1)
        indices.reserveCapacity(capacity + 1)
    }

    /// Empties the heap for a new query with a new bound.
    mutating func reset(bound: Double) {
        distances.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
        self.bound = bound
    }

    mutating func insert(_ d2: Double, _ index: Int32) {
        if capacity == 1 {
            // The common k = 1: a strictly better candidate, or an equal one with a lower row.
            if distances.isEmpty {
                distances.append(d2)
                indices.append(index)
            } else if d2 < distances[0] || (d2 == distances[0] && index < indices[0]) {
                distances[0] = d2
                indices[0] = index
            }
            bound = distances[0]
            return
        }
        var at = distances.count
        while at > 0, distances[at - 1] > d2 || (distances[at - 1] == d2 && indices[at - 1] > index) { at -= 1 }
        if distances.count == capacity {
            distances.removeLast()
            indices.removeLast()
        }
        distances.insert(d2, at: at)
        indices.insert(index, at: at)
        if distances.count == capacity { bound = distances[capacity - 1] }
    }

    func drain(into out: inout [(Double, Int32)]) {
        for j in 0..<distances.count { out.append((distances[j], indices[j])) }
    }
}
