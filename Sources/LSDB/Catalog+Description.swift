import Foundation
import Columnar
import HEALPix

extension Catalog: CustomStringConvertible {
    /// LSDB's repr: the name and type, one row per partition (abbreviated when
    /// there are many) under the columns and their types, the partition count,
    /// the total rows when known, the margin, and a note that no data was read.
    ///
    ///     lsdb Catalog ztf (object):
    ///                          _healpix_29  objectid       ra      dec ...
    ///     npartitions=21
    ///     Order: 0, Pixel: 0         int64     int64   double   double ...
    ///     ...
    public var description: String {
        var lines = ["lsdb Catalog \(name) (\(catalogType)):"]
        let header = [""] + schema.names
        let types = schema.fields.map { "\($0.type)" }
        var rows: [[String]] = [["npartitions=\(partitions.count)"] + Array(repeating: "", count: types.count)]
        let shown = Self.abbreviatedPartitions(partitions, head: 3, tail: 2)
        for (i, pixel) in shown.enumerated() {
            guard let pixel else {
                rows.append(["..."] + Array(repeating: "...", count: types.count))
                continue
            }
            rows.append(["Order: \(pixel.order), Pixel: \(pixel.index)"] + (i == 0 ? types : Array(repeating: "...", count: types.count)))
        }
        let table = [header] + rows
        let widths = (0..<header.count).map { c in table.map { $0[c].count }.max() ?? 0 }
        for row in table {
            let cells = row.enumerated().map { c, text in
                c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - text.count) + text
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
        }
        if let totalRows { lines.append("total rows: \(totalRows)") }
        if let margin {
            let threshold = margin.marginThreshold.map { "\(Self.format($0))″" } ?? "unknown threshold"
            let place = margin.metadata?.path ?? "in memory"
            lines.append("margin: \(margin.name) (\(threshold), \(margin.partitions.count) partitions) at \(place)")
        } else {
            lines.append("margin: none")
        }
        let available = availableColumnCount ?? schema.count
        lines.append("\(schema.count) out of \(available) available columns in the catalog have been loaded lazily, "
                     + "meaning no data has been read, only the catalog schema")
        return lines.joined(separator: "\n")
    }

    /// The first `head` and last `tail` partitions, with `nil` standing for the ones left out.
    static func abbreviatedPartitions(_ pixels: [HealpixPixel], head: Int, tail: Int) -> [HealpixPixel?] {
        guard pixels.count > head + tail + 1 else { return pixels }
        return Array(pixels.prefix(head)) + [nil] + Array(pixels.suffix(tail))
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
