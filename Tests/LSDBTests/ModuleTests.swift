import Testing
@testable import LSDB

@Test func healpixColumnName() {
    #expect(LSDB.healpixColumn == "_healpix_29")
}
