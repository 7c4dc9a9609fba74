import Testing
@testable import Columnar

@Test func columnarLinks() { #expect(Bool(true)) }
