import HEALPix

/// The partitions a histogram aligns to: hats' `generate_alignment` with
/// `use_lower_order`, as hats-import and lsdb's `from_dataframe` call it.
///
/// Every non-empty histogram pixel maps to one destination partition (its own
/// pixel, or a coarser ancestor). Partitions are disjoint, listed breadth-first,
/// and empty ones are dropped.
///
///     var histogram = PixelHistogram(order: 5)
///     histogram.add(index: healpix29Values)
///     let alignment = try Alignment(rows: histogram, options: .init(highestOrder: 5, threshold: .rows(3000)))
///     alignment.partitions   // e.g. [2/66, 2/176, …, 1/47]
public struct Alignment: Hashable, Sendable {
    /// The histogram's order (the highest order asked for).
    public let histogramOrder: Int
    /// The highest order after lowering it while everything fits (hats' effective highest order).
    public let effectiveHighestOrder: Int
    /// The partitions, breadth-first.
    public let partitions: [HealpixPixel]
    /// The rows in each partition, in the order of ``partitions``.
    public let rowCounts: [Int64]
    /// The first order-29 index of each partition, ascending (for lookups).
    private let starts29: [UInt64]

    /// The deepest partition order (hats' `hats_order`), or 0 without partitions.
    public var highestOrder: Int { partitions.map(\.order).max() ?? 0 }
    /// The largest partition's row count.
    public var maxRows: Int64 { rowCounts.max() ?? 0 }

    /// Aligns a row-count histogram.
    ///
    /// - Parameters:
    ///   - rows: rows per pixel at `options.highestOrder`.
    ///   - supplemental: in byte mode, bytes per pixel at the same order; the
    ///     thresholds then apply to it (hats' `supplemental_count_histogram`).
    ///   - options: the orders, threshold and rules.
    /// - Throws: ``HATSError`` (`invalidArgument`) when the histogram is not at the
    ///   highest order, the lowest order is above the highest, byte mode has no byte
    ///   histogram, or one histogram pixel alone exceeds the threshold.
    public init(rows: PixelHistogram, supplemental: PixelHistogram? = nil, options: PartitioningOptions) throws(HATSError) {
        let high = options.highestOrder, low = options.lowestOrder
        guard rows.order == high else {
            throw HATSError(.invalidArgument, path: nil, "the histogram is at order \(rows.order), not the highest order \(high)")
        }
        guard low >= 0, low <= high else {
            throw HATSError(.invalidArgument, path: nil, "lowest order \(low) must be between 0 and the highest order \(high)")
        }
        if case .bytes = options.threshold, supplemental?.order != high {
            throw HATSError(.invalidArgument, path: nil, "a byte threshold needs a byte histogram at order \(high)")
        }
        let threshold = Int64(clamping: options.threshold.value)
        var bytes: PixelHistogram?
        if case .bytes = options.threshold { bytes = supplemental }
        let testHistogram = bytes ?? rows
        if let worst = testHistogram.counts.max(), worst > threshold {
            let what = bytes == nil ? "row count" : "supplement"
            throw HATSError(.invalidArgument, path: nil, "single pixel \(what) \(worst) exceeds threshold \(threshold)")
        }
        let rowSums = Alignment.nestedSums(rows.counts, highest: high, lowest: low)
        let testSums = bytes.map { Alignment.nestedSums($0.counts, highest: high, lowest: low) } ?? rowSums

        var effective = high
        if options.useLowerOrder {
            var order = high
            while order > low {
                if (testSums[order].max() ?? 0) > threshold { break }
                effective = order
                order -= 1
            }
        }

        // Each non-empty pixel at the effective order goes to its coarsest qualifying ancestor.
        var destinations: [HealpixPixel: Int64] = [:]
        let leaves = testSums[effective]
        let leafRows = rowSums[effective]
        for index in 0..<leaves.count where leafRows[index] > 0 || leaves[index] > 0 {
            var order = effective
            for k in low..<effective {
                let q = index >> (2 * (effective - k))
                let sum = testSums[k][q]
                if options.dropEmptySiblings {
                    let children = testSums[k + 1][(q << 2)..<((q << 2) + 4)]
                    if sum <= threshold && sum != children.max()! { order = k; break }
                } else if sum > 0 && sum <= threshold {
                    order = k; break
                }
            }
            let pixel = HealpixPixel(order: order, index: UInt64(index >> (2 * (effective - order))))
            if destinations[pixel] == nil { destinations[pixel] = rowSums[order][Int(pixel.index)] }
        }
        let kept = PartitionInfo.breadthFirst(destinations.filter { $0.value > 0 }.map(\.key))
        self.histogramOrder = high
        self.effectiveHighestOrder = effective
        self.partitions = kept
        self.rowCounts = kept.map { destinations[$0]! }
        self.starts29 = kept.map(\.range29.lowerBound)
    }

    /// The position in ``partitions`` of the partition holding an order-29 index, or `nil`.
    public func partitionIndex(ofIndex29 value: Int64) -> Int? {
        partitionIndex(ofIndex29: UInt64(bitPattern: value))
    }

    /// The position in ``partitions`` of the partition holding an order-29 index, or `nil`.
    public func partitionIndex(ofIndex29 value: UInt64) -> Int? {
        var lo = 0, hi = starts29.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if starts29[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, partitions[lo - 1].range29.contains(value) else { return nil }
        return lo - 1
    }

    /// hats' per-bin destination list: for each histogram pixel, its partition's
    /// `(order, pixel, rows)`, or `nil` for an empty bin.
    public func destinations(histogram: PixelHistogram) -> [(order: Int, pixel: UInt64, rows: Int64)?] {
        let shift = 2 * (29 - histogram.order)
        return histogram.counts.indices.map { i in
            guard histogram.counts[i] > 0, let p = partitionIndex(ofIndex29: UInt64(i) << UInt64(shift)) else { return nil }
            return (partitions[p].order, partitions[p].index, rowCounts[p])
        }
    }

    /// The sums of a histogram at every order from `lowest` to `highest` (lower orders stay empty).
    static func nestedSums(_ histogram: [Int64], highest: Int, lowest: Int) -> [[Int64]] {
        var sums: [[Int64]] = (0..<highest).map { [Int64](repeating: 0, count: Int(Healpix.pixelCount(order: $0))) }
        sums.append(histogram)
        var order = highest
        while order > lowest {
            let child = sums[order]
            sums[order - 1].withUnsafeMutableBufferPointer { parent in
                for (i, c) in child.enumerated() where c != 0 { parent[i >> 2] &+= c }
            }
            order -= 1
        }
        return sums
    }
}
