import Foundation
import Testing
@testable import HATS

@Suite("Properties files")
struct PropertiesTests {
    static let samplePaths = ["gaia", "ztf/ztf", "ztf/ztf_10arcs", "rubin"]

    @Test("Java syntax is read as jproperties reads it")
    func trickySyntax() throws {
        let text = try String(contentsOfFile: HATSFixture.fixture("tricky.properties"), encoding: .utf8)
        let expected = try HATSFixture.decode([[String]].self, "tricky.json")
        let parsed = try JavaProperties(parsing: text)
        #expect(parsed.entries.map { [$0.key, $0.value] } == expected)
        #expect(parsed.line(of: "hats_nrows") == 6)
        #expect(parsed["trailing"] == "kept  \t")
        #expect(parsed["obs_collection"] == "tricky")
    }

    @Test("sample properties: raw entries and typed values match hats", arguments: samplePaths)
    func sampleProperties(path: String) throws {
        let expected = try HATSFixture.catalog(path)
        let file = HATSFixture.sample(path) + "/hats.properties"
        let raw = try JavaProperties(parsing: try String(contentsOfFile: file, encoding: .utf8))
        #expect(raw.entries.map { [$0.key, $0.value] } == expected.properties)

        let p = try TableProperties.read(catalogDirectory: HATSFixture.sample(path))
        let t = expected.typed
        #expect(p.path == file)
        #expect(p.catalogName == t.catalog_name)
        #expect(p.catalogType.rawValue == t.catalog_type)
        #expect(p.totalRows == t.total_rows)
        #expect(p.raColumn == t.ra_column)
        #expect(p.decColumn == t.dec_column)
        #expect(p.defaultColumns == t.default_columns)
        #expect(p.healpixColumn == t.healpix_column)
        #expect(p.healpixOrder == t.healpix_order)
        #expect(p.primaryCatalog == t.primary_catalog)
        #expect(p.marginThreshold == t.margin_threshold)
        #expect(p.npixSuffix == t.npix_suffix)
        #expect(p.skymapOrder == t.skymap_order)
        #expect(p.skymapAltOrders == t.skymap_alt_orders)
        #expect(p.maxRows == t.hats_max_rows)
        #expect(p.estimatedSizeKiB == t.hats_estsize)
        #expect(p.mocSkyFraction == t.moc_sky_fraction)
        #expect(Dictionary(uniqueKeysWithValues: p.extra.entries.map { ($0.key, $0.value) }) == t.extra)
        #expect(p.highestOrder == t.extra["hats_order"].flatMap { Int($0) })
        #expect(p.builder == "hats-import v0.11.1, hats v0.11.1")
        #expect(p.hatsVersion == "v1.0")
        #expect(p.releaseDate == "2025-08-22")
        #expect(p.creationDate == "2026-01-01T00:00UTC")
    }

    @Test("serialising a sample gives back the file hats wrote", arguments: samplePaths)
    func roundTrip(path: String) throws {
        let file = HATSFixture.sample(path) + "/hats.properties"
        let p = try TableProperties(contentsOfFile: file)
        #expect(p.serialized() == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test("the writer puts keys in hats' order and escapes as hats does")
    func writerMatchesHats() throws {
        var p = try TableProperties.read(catalogDirectory: HATSFixture.sample("gaia"))
        p.defaultColumns = ["ra", "dec", "phot_g_mean_mag"]
        p.skymapAltOrders = [1, 3]
        p.extra["obs_regime"] = " a=b:c"
        let expected = try String(contentsOfFile: HATSFixture.fixture("written.properties"), encoding: .utf8)
        #expect(p.serialized() == expected)
        let back = try TableProperties(parsing: p.serialized())
        #expect(back == { var q = p; q.path = nil; return q }())

        let directory = try HATSFixture.temporaryDirectory()
        defer { HATSFixture.remove(directory) }
        try p.write(toCatalogDirectory: directory)
        #expect(try String(contentsOfFile: directory + "/properties", encoding: .utf8) == expected)
        #expect(try String(contentsOfFile: directory + "/hats.properties", encoding: .utf8) == expected)
    }

    @Test("a new table's properties")
    func newProperties() throws {
        var p = TableProperties(catalogName: "m", catalogType: .margin)
        p.primaryCatalog = "main"
        p.marginThreshold = 5
        p.totalRows = 3
        p.highestOrder = 2
        #expect(p.serialized() == """
            #HATS catalog
            obs_collection=m
            dataproduct_type=margin
            hats_nrows=3
            hats_primary_table_url=main
            hats_margin_threshold=5.0
            hats_npix_suffix=.parquet
            hats_order=2

            """)
        #expect(try TableProperties(parsing: p.serialized()).marginThreshold == 5)
    }

    @Test("malformed values name the key and the value", arguments: [
        ("hats_nrows=12x", "hats_nrows", "'12x'"),
        ("hats_col_healpix_order=thirty", "hats_col_healpix_order", "'thirty'"),
        ("hats_col_healpix_order=31", "hats_col_healpix_order", "0...29"),
        ("moc_sky_fraction=", "moc_sky_fraction", "a number"),
        ("hats_skymap_alt_orders=1 two", "hats_skymap_alt_orders", "'1 two'"),
        ("hats_order=x", "hats_order", "'x'"),
        ("hats_assn_leaf_files=maybe", "hats_assn_leaf_files", "'maybe'"),
    ])
    func malformedValue(line: String, key: String, fragment: String) throws {
        let text = "#HATS catalog\nobs_collection=c\ndataproduct_type=object\nhats_col_ra=ra\nhats_col_dec=dec\n\(line)\n"
        let error = hatsError { _ = try TableProperties(parsing: text, path: "x/hats.properties") }
        #expect(error?.kind == .invalidProperty)
        #expect(error?.path == "x/hats.properties")
        #expect(error?.message.contains(key) == true)
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
    }

    @Test("missing or unknown required values")
    func requiredValues() throws {
        let noType = hatsError { _ = try TableProperties(parsing: "obs_collection=c\n") }
        #expect(noType?.message.contains("dataproduct_type") == true)
        let badType = hatsError { _ = try TableProperties(parsing: "obs_collection=c\ndataproduct_type=catalog\n") }
        #expect(badType?.message == "property dataproduct_type='catalog': expected one of object, source, association, index, margin, map, extension")
        let noRA = hatsError { _ = try TableProperties(parsing: "obs_collection=c\ndataproduct_type=source\nhats_col_dec=d\n") }
        #expect(noRA?.message == "missing required property hats_col_ra (required for source tables)")
        let noThreshold = hatsError {
            _ = try TableProperties(parsing: "obs_collection=c\ndataproduct_type=margin\nhats_primary_table_url=p\n")
        }
        #expect(noThreshold?.message.contains("hats_margin_threshold") == true)
        let map = try TableProperties(parsing: "obs_collection=c\ndataproduct_type=map\n")
        #expect(map.catalogType == .map)
    }

    @Test("a malformed \\u escape names its line")
    func badEscape() throws {
        let error = hatsError { _ = try JavaProperties(parsing: "a=b\nc=\\u12G4\n", path: "p") }
        #expect(error?.description == "p: line 2: invalid \\u escape: '12G4' is not four hex digits")
    }

    @Test("collection properties are read, validated and written as hats does")
    func collection() throws {
        let expected = try HATSFixture.decode(HATSFixture.Collection.self, "collection.json")
        let file = HATSFixture.sample("ztf/collection.properties")
        let c = try CollectionProperties(contentsOfFile: file)
        #expect(c.name == expected.name)
        #expect(c.primaryCatalog == expected.primary)
        #expect(c.allMargins == expected.all_margins)
        #expect(c.defaultMargin == expected.default_margin)
        #expect(c.allIndexes == nil)
        #expect(c.extra["hats_estsize"] == "1164")
        #expect(c.serialized() == (try String(contentsOfFile: file, encoding: .utf8)))
        let dir = HATSFixture.sample("ztf")
        #expect(c.primaryCatalogPath(collectionDirectory: dir) == HATSFixture.sample(expected.main_catalog_dir))
        #expect(try c.marginPath(collectionDirectory: dir) == HATSFixture.sample(expected.default_margin_dir))

        let indexed = try CollectionProperties(parsing: """
            obs_collection=c
            hats_primary_table_url=/abs/main
            all_indexes=id c_id_index  mag  s3://bucket/idx
            default_index=mag
            """)
        #expect(indexed.allIndexes == [.init(name: "id", path: "c_id_index"), .init(name: "mag", path: "s3://bucket/idx")])
        #expect(indexed.primaryCatalogPath(collectionDirectory: "root") == "/abs/main")
        #expect(try indexed.indexPath(collectionDirectory: "root") == "s3://bucket/idx")
        #expect(try indexed.indexPath(field: "id", collectionDirectory: "root") == "root/c_id_index")
        #expect(try indexed.marginPath(collectionDirectory: "root") == nil)
        #expect(indexed.serialized().contains("\nall_indexes=id c_id_index mag s3://bucket/idx\ndefault_index=mag\n"))
    }

    @Test("invalid collection properties", arguments: [
        ("obs_collection=c\n", "hats_primary_table_url"),
        ("obs_collection=c\nhats_primary_table_url=p\nall_indexes=a b c\n", "pairs of name and path"),
        ("obs_collection=c\nhats_primary_table_url=p\nall_margins=m1 m2\ndefault_margin=m3\n", "'m3'"),
        ("obs_collection=c\nhats_primary_table_url=p\ndefault_index=id\n", "default_index='id'"),
        ("obs_collection=c\nhats_primary_table_url=p\nall_extensions=x x.parquet\n", "x.parquet"),
    ])
    func invalidCollection(text: String, fragment: String) throws {
        let error = hatsError { _ = try CollectionProperties(parsing: text, path: "collection.properties") }
        #expect(error?.kind == .invalidProperty)
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
    }
}
