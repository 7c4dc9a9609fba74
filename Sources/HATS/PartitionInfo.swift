import HEALPix

/// The partitions of a catalog, read from `partition_info.csv` (or, when that
/// file is missing, from the names of the files under `dataset/`).
///
/// Pixels are kept in hats' breadth-first order (hats' `get_pixel_argsort`):
/// by the first order-29 index each pixel covers, which for disjoint pixels is
/// the order of their first `_healpix_29` value. So `[(1,47), (2,66), (0,1), (3,5)]`
/// becomes `(3,5), (0,1), (2,66), (1,47)`. Note that this is not
/// `HealpixPixel`'s `<` (order first).
public struct PartitionInfo: Hashable, Sendable {
    /// The partitions, in breadth-first order.
    public let pixels: [HealpixPixel]

    /// Creates partition info from pixels in any order (duplicates removed).
    public init(pixels: [HealpixPixel]) {
        self.pixels = PartitionInfo.breadthFirst(Array(Set(pixels)))
    }

    /// The number of partitions.
    public var count: Int { pixels.count }

    /// The deepest partition order, or `nil` when there are no partitions.
    public var highestOrder: Int? { pixels.map(\.order).max() }

    /// Sorts pixels as hats does: a stable sort on `index · 4^(29 − order)`.
    public static func breadthFirst(_ pixels: [HealpixPixel]) -> [HealpixPixel] {
        pixels.enumerated()
            .sorted { a, b in
                let ka = a.element.range29.lowerBound, kb = b.element.range29.lowerBound
                return ka != kb ? ka < kb : a.offset < b.offset
            }
            .map(\.element)
    }

    /// Parses the text of `partition_info.csv`, finding the `Norder` and `Npix`
    /// columns by name (other columns, such as hipscat's `Dir` and `num_rows`, are ignored).
    ///
    /// - Throws: ``HATSError`` (`invalidPartitionInfo`) naming the line and value.
    public init(csv text: String, path: String? = nil) throws(HATSError) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .enumerated()
            .map { (number: $0.offset + 1, fields: PartitionInfo.fields($0.element)) }
            .filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        guard !lines.isEmpty else {
            throw HATSError(.invalidPartitionInfo, path: path, "empty file: expected the header Norder,Npix")
        }
        let header = lines.removeFirst().fields
        guard let orderColumn = header.firstIndex(of: "Norder"), let pixelColumn = header.firstIndex(of: "Npix") else {
            throw HATSError(.invalidPartitionInfo, path: path,
                            "line 1: header \(header.joined(separator: ",")) lacks the Norder and Npix columns")
        }
        var pixels: [HealpixPixel] = []
        pixels.reserveCapacity(lines.count)
        for (number, fields) in lines {
            guard fields.count == header.count else {
                throw HATSError(.invalidPartitionInfo, path: path,
                                "line \(number): \(fields.count) fields where the header has \(header.count)")
            }
            let orderText = fields[orderColumn], pixelText = fields[pixelColumn]
            guard let order = Int(orderText), let index = UInt64(pixelText),
                  let pixel = try? HealpixPixel(validatingOrder: order, index: index)
            else {
                throw HATSError(.invalidPartitionInfo, path: path,
                                "line \(number): Norder=\(orderText), Npix=\(pixelText) is not a valid HEALPix pixel")
            }
            pixels.append(pixel)
        }
        self.init(pixels: pixels)
    }

    /// Reads `partition_info.csv`.
    public init(contentsOfFile path: String) throws(HATSError) {
        try self.init(csv: try FileIO.readText(path), path: path)
    }

    /// Reads a catalog's `partition_info.csv`, or lists `dataset/` when the file is missing
    /// (see ``init(listingCatalogDirectory:)``).
    public static func read(catalogDirectory: String) throws(HATSError) -> PartitionInfo {
        let file = HATSPaths.join(catalogDirectory, HATSPaths.partitionInfoFile)
        if FileIO.exists(file) { return try PartitionInfo(contentsOfFile: file) }
        return try PartitionInfo(listingCatalogDirectory: catalogDirectory)
    }

    /// The CSV text hats writes: the header `Norder,Npix`, then one row per pixel, breadth-first.
    public func csv() -> String {
        var out = "Norder,Npix\n"
        for p in pixels { out += "\(p.order),\(p.index)\n" }
        return out
    }

    /// Writes `partition_info.csv` into a catalog directory.
    public func write(toCatalogDirectory directory: String) throws(HATSError) {
        try FileIO.writeText(csv(), to: HATSPaths.join(directory, HATSPaths.partitionInfoFile))
    }

    /// Splits one CSV line on commas, trimming blanks and a trailing carriage return.
    private static func fields(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingBlanks() }
    }
}
