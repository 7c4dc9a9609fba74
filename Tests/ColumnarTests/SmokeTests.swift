import Testing
@testable import Columnar

@Test func smokeBuildsAColumn() {
    let column = Column([1.0, 2.0])
    #expect(column.count == 2)
}
