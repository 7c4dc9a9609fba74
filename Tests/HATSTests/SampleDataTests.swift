import Columnar
import Foundation
import HATS
import HEALPix
import Parquet
import Testing

/// The sample catalogs' data files, written by hats-import, decoded by our Parquet reader and
/// checked against what hats-import itself computed: row totals from the properties, and each
/// row's `_healpix_29`, which must lie in its partition and equal the hash of its decoded RA/Dec.
@Suite struct SampleDataTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path

    @Test(arguments: ["gaia", "ztf/ztf", "ztf/ztf_10arcs", "rubin"])
    func dataFilesAgreeWithHatsImport(catalog: String) throws {
        let metadata = try CatalogMetadata(path: Self.samples + "/" + catalog, margin: .none)
        let ra = metadata.properties.raColumn ?? "ra"
        let dec = metadata.properties.decColumn ?? "dec"
        let isMargin = metadata.catalogType == .margin
        var total = 0
        for pixel in metadata.partitions.pixels {
            let reader = try ParquetFileReader(path: metadata.pixelPath(pixel))
            let table = try reader.read()
            total += table.rowCount
            let index = try table.column(named: "_healpix_29").values(as: Int64.self)
            let lon = try table.column(named: ra).values(as: Double.self)
            let lat = try table.column(named: dec).values(as: Double.self)
            let range = pixel.range29
            var mismatches = 0
            for row in 0..<table.rowCount {
                let value = UInt64(bitPattern: index[row])
                if Healpix.hash(order: 29, lon: lon[row], lat: lat[row]) != value { mismatches += 1 }
                if !isMargin && !range.contains(value) { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(catalog) \(pixel): \(mismatches) rows disagree")
        }
        #expect(metadata.properties.totalRows == total)
    }

    @Test func metadataFileListsEveryPartition() throws {
        let metadata = try CatalogMetadata(path: Self.samples + "/gaia", margin: .none)
        let reader = try ParquetFileReader(path: Self.samples + "/gaia/dataset/_metadata")
        #expect(Int(reader.numRows) == metadata.properties.totalRows)
        let paths = Set(reader.rowGroupLocations().compactMap(\.path))
        let expected = Set(metadata.partitions.pixels.map { metadata.pixelPath($0) })
        #expect(paths == expected)
        let common = try ParquetFileReader(path: Self.samples + "/gaia/dataset/_common_metadata")
        #expect(common.rowGroups.isEmpty)
        #expect(common.columnarSchema.fields.map(\.name).first == "_healpix_29")
    }
}
