import Foundation
import HEALPix
import Testing
@testable import HATS

@Suite("Opening catalogs")
struct CatalogMetadataTests {
    @Test("object catalogs: properties, partitions and the point-map MOC", arguments: ["gaia", "rubin"])
    func objectCatalog(path: String) throws {
        let expected = try HATSFixture.catalog(path)
        let catalog = try CatalogMetadata(path: HATSFixture.sample(path))
        #expect(catalog.path == HATSFixture.sample(path))
        #expect(catalog.name == expected.typed.catalog_name)
        #expect(catalog.catalogType == .object)
        #expect(catalog.partitions.pixels == expected.pixels)
        #expect(catalog.pointMapMOC?.description == expected.moc)
        #expect(catalog.coverage.description == expected.moc)
        #expect(catalog.margin == nil)
        #expect(catalog.collection == nil)
        #expect(catalog.indexPaths.isEmpty)
        #expect(try catalog.loadPointMap()?.total == expected.typed.total_rows.map(Int64.init))
        for pixel in catalog.partitions.pixels {
            #expect(FileManager.default.fileExists(atPath: catalog.pixelPath(pixel)))
            #expect(try catalog.dataFiles(pixel) == [catalog.pixelPath(pixel)])
        }
        let withoutMOC = try CatalogMetadata(path: HATSFixture.sample(path), readMOC: false)
        #expect(withoutMOC.pointMapMOC == nil)
        #expect(withoutMOC.coverage == withoutMOC.partitions.moc)
    }

    @Test("a collection opens its primary catalog with the default margin")
    func collection() throws {
        let expected = try HATSFixture.decode(HATSFixture.Collection.self, "collection.json")
        let ztf = try CatalogMetadata(path: HATSFixture.sample("ztf"))
        #expect(ztf.path == HATSFixture.sample(expected.main_catalog_dir))
        #expect(ztf.partitions.pixels == (try HATSFixture.catalog("ztf/ztf")).pixels)
        #expect(ztf.collection?.name == expected.name)
        #expect(ztf.collectionPath == HATSFixture.sample("ztf"))
        let margin = try #require(ztf.margin)
        #expect(margin.path == HATSFixture.sample(expected.default_margin_dir))
        #expect(margin.catalogType == .margin)
        #expect(margin.properties.marginThreshold == expected.margin_threshold)
        #expect(margin.partitions.pixels.map { [UInt64($0.order), $0.index] } == expected.margin_partitions)
        #expect(margin.pointMapMOC == nil)

        #expect(try CatalogMetadata(path: HATSFixture.sample("ztf"), margin: .none).margin == nil)
        #expect(try CatalogMetadata(path: HATSFixture.sample("ztf"), margin: .named("ztf_10arcs")).margin?.name == "ztf_10arcs")
        let viaFile = try CatalogMetadata(path: HATSFixture.sample("ztf/collection.properties"))
        #expect(viaFile.margin?.name == "ztf_10arcs")
        let unknown = hatsError { _ = try CatalogMetadata(path: HATSFixture.sample("ztf"), margin: .named("ztf_5arcs")) }
        #expect(unknown?.message == "no margin named 'ztf_5arcs' in the collection (all_margins: ztf_10arcs)")
    }

    @Test("a catalog with an explicit margin path; a margin opened on its own")
    func explicitMargin() throws {
        let ztf = try CatalogMetadata(path: HATSFixture.sample("ztf/ztf"), margin: .path(HATSFixture.sample("ztf/ztf_10arcs")))
        #expect(ztf.margin?.properties.marginThreshold == 10)
        #expect(ztf.collection == nil)
        let margin = try CatalogMetadata(path: HATSFixture.sample("ztf/ztf_10arcs/hats.properties"))
        #expect(margin.catalogType == .margin)
        #expect(margin.path == HATSFixture.sample("ztf/ztf_10arcs"))
        let notMargin = hatsError {
            _ = try CatalogMetadata(path: HATSFixture.sample("ztf/ztf"), margin: .path(HATSFixture.sample("gaia")))
        }
        #expect(notMargin?.message == "dataproduct_type=object: expected a margin catalog")
    }

    @Test("overlap queries select partitions breadth-first")
    func overlaps() throws {
        let rubin = try CatalogMetadata(path: HATSFixture.sample("rubin"))
        let tree = rubin.partitions
        #expect(tree.highestOrder == 8)
        #expect(tree.countsByOrder == [2: 2, 3: 4, 4: 5, 5: 9, 6: 14, 7: 7, 8: 5])
        for pixel in tree.pixels {
            #expect(tree.contains(pixel))
            #expect(tree.partition(containing: pixel.range29.upperBound - 1) == pixel)
            #expect(tree.overlapping(MOC(pixels: [pixel])) == [pixel])
        }
        #expect(tree.partition(containing: 0) == nil)
        #expect(tree.overlapping(.fullSky()) == tree.pixels)
        #expect(tree.overlapping(.empty()).isEmpty)
        let parent = HealpixPixel(order: 3, index: tree.pixels[5].parent(atOrder: 3).index)
        let inside = tree.overlapping(MOC(pixels: [parent]))
        #expect(inside == tree.pixels.filter { parent.contains($0) || $0.contains(parent) })
        #expect(tree.pixels(inOrders: 7...8).count == 12)
    }

    @Test("skymaps are chosen and down-sampled as hats' read_skymap does")
    func skymaps() throws {
        let copy = try HATSFixture.copyOfSample("gaia")
        defer { HATSFixture.remove((copy as NSString).deletingLastPathComponent) }
        let full = try PointMap(contentsOfFile: copy + "/skymap.fits")
        var props = try TableProperties.read(catalogDirectory: copy)
        props.skymapAltOrders = [1, 3]
        try props.write(toCatalogDirectory: copy)
        for k in [1, 3] { try full.degraded(toOrder: k).write(toFile: copy + "/skymap.\(k).fits") }
        let gaia = try CatalogMetadata(path: copy)
        #expect(try gaia.loadSkymap() == full)
        #expect(try gaia.loadSkymap(order: 5) == full)
        #expect(try gaia.loadSkymap(order: 2) == full.degraded(toOrder: 2))
        #expect(try gaia.loadSkymap(order: 0).total == full.total)
        let deep = hatsError { _ = try gaia.loadSkymap(order: 6) }
        #expect(deep?.message == "order 6 is deeper than the stored map's order 5")
        let margin = hatsError { _ = try CatalogMetadata(path: HATSFixture.sample("ztf/ztf_10arcs")).loadSkymap() }
        #expect(margin?.kind == .notFound)
    }

    @Test("indexes of a collection are resolved against the collection directory")
    func indexes() throws {
        let root = try HATSFixture.temporaryDirectory()
        defer { HATSFixture.remove(root) }
        try HATSFixture.write("""
            #HATS Collection
            obs_collection=g
            hats_primary_table_url=\(HATSFixture.sample("gaia"))
            all_indexes=source_id g_id_index
            default_index=source_id
            """, to: root + "/collection.properties")
        let g = try CatalogMetadata(path: root)
        #expect(g.name == "gaia")
        #expect(g.margin == nil)
        #expect(g.indexPaths == ["source_id": root + "/g_id_index"])
    }

    @Test("paths that are not HATS catalogs are refused clearly")
    func refused() throws {
        let missing = hatsError { _ = try CatalogMetadata(path: "/nonexistent/catalog") }
        #expect(missing?.description == "/nonexistent/catalog: no such file or directory")
        #expect(missing?.kind == .notFound)

        let root = try HATSFixture.temporaryDirectory()
        defer { HATSFixture.remove(root) }
        let empty = hatsError { _ = try CatalogMetadata(path: root) }
        #expect(empty?.kind == .notACatalog)
        #expect(empty?.message.contains("no hats.properties, properties or collection.properties") == true)

        try HATSFixture.write("Norder,Dir,Npix,num_rows\n0,0,11,131\n", to: root + "/partition_info.csv")
        try HATSFixture.write("", to: root + "/Norder=0/Dir=0/Npix=11.parquet")
        let bare = hatsError { _ = try CatalogMetadata(path: root) }
        #expect(bare?.kind == .legacyHipscat)
        try HATSFixture.write(#"{"catalog_name": "old", "catalog_type": "object", "total_rows": 131}"#,
                              to: root + "/catalog_info.json")
        let legacy = hatsError { _ = try CatalogMetadata(path: root) }
        #expect(legacy?.kind == .legacyHipscat)
        #expect(legacy?.message.contains("a legacy hipscat catalog (it has catalog_info.json)") == true)
        #expect(legacy?.message.contains("convert it with hats-import") == true)

        let dataFile = hatsError { _ = try CatalogMetadata(path: HATSFixture.sample("gaia/partition_info.csv")) }
        #expect(dataFile?.kind == .notACatalog)
    }

    @Test("a broken catalog reports the broken file")
    func brokenFiles() throws {
        let copy = try HATSFixture.copyOfSample("gaia")
        defer { HATSFixture.remove((copy as NSString).deletingLastPathComponent) }
        try HATSFixture.write("Norder,Npix\n0,0\n0,x\n", to: copy + "/partition_info.csv")
        let csv = hatsError { _ = try CatalogMetadata(path: copy) }
        #expect(csv?.description == copy + "/partition_info.csv: line 3: Norder=0, Npix=x is not a valid HEALPix pixel")

        try FileManager.default.removeItem(atPath: copy + "/partition_info.csv")
        #expect(try CatalogMetadata(path: copy).partitions.pixels == (try HATSFixture.catalog("gaia")).pixels)

        let map = try Data(contentsOf: URL(fileURLWithPath: copy + "/point_map.fits"))
        try map.prefix(6000).write(to: URL(fileURLWithPath: copy + "/point_map.fits"))
        let fits = hatsError { _ = try CatalogMetadata(path: copy) }
        #expect(fits?.path == copy + "/point_map.fits")
        #expect(fits?.message.hasPrefix("truncated") == true)

        try FileManager.default.removeItem(atPath: copy + "/hats.properties")
        try HATSFixture.write("obs_collection=gaia\ndataproduct_type=object\nhats_col_ra=ra\nhats_col_dec=dec\nhats_nrows=many\n",
                              to: copy + "/properties")
        let props = hatsError { _ = try CatalogMetadata(path: copy) }
        #expect(props?.description == copy + "/properties: property hats_nrows='many': expected an integer")
    }
}
