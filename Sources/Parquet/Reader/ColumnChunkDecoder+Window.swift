/// Reading a column chunk's pages from a local file a window at a time.
///
/// A chunk can be tens of megabytes; reading it whole into a fresh buffer faults in new memory on
/// every read and streams the bytes through the caches twice. One window of about a megabyte,
/// reused for the whole chunk, stays cache-resident while its pages are decoded.
extension ColumnChunkDecoder {
    /// The initial window; it grows to hold any larger page.
    static let windowSize = 1 << 20

    /// Decodes the pages in `range` of `file`, reading at most a window (and whole pages) at once.
    ///
    /// - Parameter stopAfterEntries: stop once this many level entries are decoded in total.
    mutating func decodePages(from file: LocalFileSource, range: Range<Int>, stopAfterEntries: Int?) throws {
        var capacity = Swift.min(Self.windowSize, range.count)
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var position = range.lowerBound
        while position < range.upperBound {
            let end = range.upperBound - position <= capacity ? range.upperBound : position + capacity
            try file.read(position..<end, into: buffer)
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<(end - position)])
            let progress = try decodePages(bytes, stopAfterEntries: stopAfterEntries, isLast: end == range.upperBound,
                                           base: position - range.lowerBound)
            if progress.stopped { return }
            position += progress.consumed
            if let needed = progress.needed {
                if needed > capacity {
                    capacity = Swift.min(needed, range.count)
                    buffer.deallocate()
                    buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
                }
            } else if progress.consumed == 0 {
                return
            }
        }
    }
}
