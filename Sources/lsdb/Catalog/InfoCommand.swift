import ArgumentParser
import Foundation
import HATS
import LSDB

/// `lsdb info`: a catalog's description, as text or JSON.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a catalog without reading its data.",
        discussion: "CATALOG is a catalog directory, a collection, or a .properties file.")

    @Argument(help: "The catalog, collection or .properties file.")
    var catalog: String

    @Option(help: "A margin catalog to describe with it (default: a collection's default margin).")
    var margin: String?

    @Flag(help: "Print machine-readable JSON.")
    var json = false

    func run() throws {
        let opened: Catalog
        do {
            opened = try Catalog.open(catalog, margin: margin.map { .path($0) } ?? .default)
        } catch { throw CommandFailure(error) }
        if json {
            let data = try JSONSerialization.data(withJSONObject: Self.json(opened), options: [.prettyPrinted, .sortedKeys])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            print(opened.description)
        }
    }

    /// The JSON form: name, type, positions, rows, partitions, columns and margin.
    static func json(_ catalog: Catalog) -> [String: Any] {
        var out: [String: Any] = [
            "name": catalog.name,
            "type": catalog.catalogType.rawValue,
            "ra_column": catalog.raColumn,
            "dec_column": catalog.decColumn,
            "healpix_column": catalog.healpixColumn as Any? ?? NSNull(),
            "healpix_order": catalog.healpixOrder,
            "total_rows": catalog.totalRows as Any? ?? NSNull(),
            "npartitions": catalog.partitions.count,
            "partitions": catalog.partitions.map { ["order": $0.order, "pixel": $0.index] },
            "columns": catalog.schema.fields.map { ["name": $0.name, "type": "\($0.type)"] },
            "path": catalog.metadata?.path as Any? ?? NSNull(),
        ]
        if let margin = catalog.margin {
            out["margin"] = [
                "name": margin.name,
                "path": margin.metadata?.path as Any? ?? NSNull(),
                "threshold": margin.marginThreshold as Any? ?? NSNull(),
                "npartitions": margin.partitions.count,
                "total_rows": margin.totalRows as Any? ?? NSNull(),
            ] as [String: Any]
        } else {
            out["margin"] = NSNull()
        }
        return out
    }
}
