import Columnar
import HEALPix
import Testing
@testable import LSDB

@Suite struct CatalogSmokeTests {
    @Test func openIsLazyAndDescribed() throws {
        let gaia = try Catalog.open(Repo.path("Samples/gaia"))
        #expect(gaia.partitions.count == 39)
        #expect(gaia.totalRows == 61_690)
        #expect(gaia.columnNames.first == "_healpix_29")
        #expect(gaia.description.contains("no data has been read"))
    }

    @Test func coneSearchMatchesLSDB() async throws {
        let cone = ConeSearch(ra: 95, dec: -25, radiusArcsec: 0.7 * 3600)
        let gaia = try Catalog.open(Repo.path("Samples/gaia"), search: cone)
        #expect(gaia.partitions.count == 1)
        let table = try await gaia.compute()
        #expect(table.rowCount == 485)
        let later = try await Catalog.open(Repo.path("Samples/gaia")).search(cone).compute()
        #expect(later.rowCount == 485)
        let ztf = try await Catalog.open(Repo.path("Samples/ztf")).search(cone).compute()
        #expect(ztf.rowCount == 457)
    }
}
