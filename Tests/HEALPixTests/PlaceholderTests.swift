import Testing
@testable import HEALPix

@Test func maxOrderIs29() { #expect(Healpix.maxOrder == 29) }
