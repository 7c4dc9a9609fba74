import Testing
@testable import LSDBPlot

@Test func moduleLinks() {
    #expect(String(describing: LSDBPlot.self) == "LSDBPlot")
}
