import ArgumentParser
import Columnar
import Foundation
import LSDBPlot
import Parquet

/// `lsdb plot points`: a scatter of a CSV or Parquet file's RA/Dec columns.
struct PlotPointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "A scatter of a table's RA/Dec, full-sky or zoomed on a field.",
        discussion: """
            Reads FILE.csv (with a header row) or FILE.parquet. Rows with an empty or \
            non-numeric RA or Dec are skipped. Example, the walkthrough's field: \
            lsdb plot points stars.csv --center 95,-25 --fov 2 --cone 95,-25,2520 --output field.png
            """)

    @Argument(help: "The table: FILE.csv or FILE.parquet.")
    var file: String

    @Option(name: .customLong("ra-column"), help: "The right-ascension column, degrees.")
    var raColumn = "ra"

    @Option(name: .customLong("dec-column"), help: "The declination column, degrees.")
    var decColumn = "dec"

    @Option(help: "The points' legend label.")
    var label: String?

    @Option(help: ArgumentHelp("The points' colour: a name (black, red, orange, blue…) or #rrggbb.", valueName: "COLOR"))
    var color = "black"

    @Option(name: .customLong("marker-size"), help: "The marker diameter in points.")
    var markerSize = 3.0

    @OptionGroup var plot: PlotOptions

    func validate() throws {
        let lower = file.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".parquet") else {
            throw ValidationError("the table must be a .csv or .parquet file")
        }
        guard PlotColor(color) != nil else { throw ValidationError("--color: unknown colour '\(color)'") }
        guard markerSize > 0 else { throw ValidationError("--marker-size must be positive") }
    }

    func run() throws {
        try reportingFailures {
            let (ra, dec) = try readPositions()
            var figure = SkyPlot(projection: try plot.projection(), title: "")
            figure.title = (file as NSString).lastPathComponent
            figure = figure.scatter(ra: ra, dec: dec, color: PlotColor(color) ?? .black,
                                    markerSize: markerSize, label: label)
            try plot.finish(figure)
        }
    }

    /// The RA and Dec values of the file, NaN where missing.
    func readPositions() throws -> ([Double], [Double]) {
        if file.lowercased().hasSuffix(".parquet") {
            let table = try ParquetFileReader(path: file).read(columns: [raColumn, decColumn])
            return (try Self.doubles(table, raColumn), try Self.doubles(table, decColumn))
        }
        return try CSVColumns.read(file, columns: (raColumn, decColumn))
    }

    static func doubles(_ table: Table, _ name: String) throws -> [Double] {
        let column = try table.column(named: name).cast(to: .float64)
        let values = column.values(as: Double.self)
        return (0..<column.count).map { column.isNull($0) ? .nan : values[$0] }
    }
}

/// Two numeric columns of a CSV file with a header row (RFC 4180 quoting).
enum CSVColumns {
    static func read(_ path: String, columns: (String, String)) throws -> ([Double], [Double]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        var rows = Self.rows(String(decoding: data, as: UTF8.self)).makeIterator()
        guard let header = rows.next() else { throw CommandFailure("\(path): the file is empty") }
        guard let a = header.firstIndex(of: columns.0) else {
            throw CommandFailure("\(path): no column '\(columns.0)' (columns: \(header.joined(separator: ", ")))")
        }
        guard let b = header.firstIndex(of: columns.1) else {
            throw CommandFailure("\(path): no column '\(columns.1)' (columns: \(header.joined(separator: ", ")))")
        }
        var first: [Double] = [], second: [Double] = []
        while let row = rows.next() {
            if row.count == 1, row[0].isEmpty { continue }
            first.append(a < row.count ? Double(row[a]) ?? .nan : .nan)
            second.append(b < row.count ? Double(row[b]) ?? .nan : .nan)
        }
        return (first, second)
    }

    /// Splits CSV text into rows of fields; quoted fields may hold commas, quotes and newlines.
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, wasQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; wasQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if wasQuote { field.append("\"") }
                quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\n", "\r\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            case "\r": break
            default: field.append(ch)
            }
            wasQuote = false
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
