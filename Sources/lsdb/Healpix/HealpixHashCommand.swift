import ArgumentParser
import Foundation
import HEALPix

/// `lsdb healpix hash --order K [FILE]`: nested indices of `lon,lat` rows.
struct HealpixHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Hash lon,lat (degrees) rows of a CSV file to nested HEALPix indices.",
        discussion: """
            Reads CSV with a header row holding `lon` and `lat` columns (or stdin when FILE is \
            omitted or `-`) and writes CSV with the header `ipix`, one row per input row, in \
            input order. Results are bit-identical to cdshealpix's lonlat_to_healpix.
            """
    )

    @Option(help: "The HEALPix order, 0 to 29.")
    var order: Int

    @Argument(help: "A CSV file with lon and lat columns; stdin when omitted or '-'.")
    var file: String?

    func validate() throws {
        guard (0...Healpix.maxOrder).contains(order) else {
            throw ValidationError("--order must be in 0...29, not \(order)")
        }
    }

    func run() throws {
        let source = file ?? "-"
        let data: Data
        do {
            data = source == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: source))
        } catch {
            throw CommandFailure("cannot read \(source): \(error.localizedDescription)")
        }
        let csv = try LonLatCSV(data: data, name: source)
        var indices = [UInt64](repeating: 0, count: csv.lon.count)
        for row in 0..<csv.lon.count {
            do {
                indices[row] = try Healpix.checkedHash(order: order, lon: csv.lon[row], lat: csv.lat[row])
            } catch {
                throw CommandFailure("\(source): line \(row + 2): \(error)")
            }
        }
        var out = "ipix\n"
        out.reserveCapacity(indices.count * 20)
        for index in indices {
            out += String(index)
            out += "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// The `lon` and `lat` columns of a small CSV file with a header row.
struct LonLatCSV {
    var lon: [Double] = []
    var lat: [Double] = []

    /// Parses `data`; `name` is used in error messages.
    init(data: Data, name: String) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(name): not UTF-8 text")
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        guard let header = lines.first else { throw CommandFailure("\(name): empty input, expected a header with lon,lat") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let lonColumn = names.firstIndex(of: "lon"), let latColumn = names.firstIndex(of: "lat") else {
            throw CommandFailure("\(name): the header must name 'lon' and 'lat' columns, found: \(names.joined(separator: ", "))")
        }
        lon.reserveCapacity(lines.count - 1)
        lat.reserveCapacity(lines.count - 1)
        for (offset, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let lineNumber = offset + 2
            guard fields.count == names.count else {
                throw CommandFailure("\(name): line \(lineNumber): expected \(names.count) fields, found \(fields.count)")
            }
            lon.append(try Self.number(fields[lonColumn], column: "lon", line: lineNumber, name: name))
            lat.append(try Self.number(fields[latColumn], column: "lat", line: lineNumber, name: name))
        }
    }

    private static func number(_ field: Substring, column: String, line: Int, name: String) throws -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text) else {
            throw CommandFailure("\(name): line \(line): column '\(column)' holds '\(text)', which is not a number")
        }
        return value
    }
}
