import HEALPix
import Testing
@testable import HATS

/// hats' `align_trees`, against the values in the spec (verified with hats 0.11.1).
@Suite struct PixelAlignmentTests {
    func p(_ order: Int, _ index: UInt64) -> HealpixPixel { HealpixPixel(order: order, index: index) }

    func triples(_ a: PixelAlignment) -> [String] {
        a.entries.map { e in
            let l = e.left.map { "\($0.order)/\($0.index)" } ?? "-"
            let r = e.right.map { "\($0.order)/\($0.index)" } ?? "-"
            return "\(l) \(r) \(e.aligned.order)/\(e.aligned.index)"
        }
    }

    @Test func innerLeftOuter() {
        let left = [p(0, 0)], right = [p(2, 5), p(1, 3), p(0, 1)]
        #expect(triples(.align(left: left, right: right, type: .inner)) == ["0/0 2/5 2/5", "0/0 1/3 1/3"])
        #expect(triples(.align(left: left, right: right, type: .left)) == [
            "0/0 - 1/0", "0/0 - 2/4", "0/0 2/5 2/5", "0/0 - 2/6", "0/0 - 2/7", "0/0 - 1/2", "0/0 1/3 1/3",
        ])
        #expect(triples(.align(left: left, right: right, type: .outer)) == [
            "0/0 - 1/0", "0/0 - 2/4", "0/0 2/5 2/5", "0/0 - 2/6", "0/0 - 2/7", "0/0 - 1/2", "0/0 1/3 1/3", "- 0/1 0/1",
        ])
    }

    @Test func finerLeftPairsWithCoarserRight() {
        let left = [p(2, 4), p(2, 6), p(1, 3)], right = [p(0, 0)]
        #expect(triples(.align(left: left, right: right, type: .inner)) == ["2/4 0/0 2/4", "2/6 0/0 2/6", "1/3 0/0 1/3"])
        #expect(triples(.align(left: left, right: right, type: .right)) == [
            "- 0/0 1/0", "2/4 0/0 2/4", "- 0/0 2/5", "2/6 0/0 2/6", "- 0/0 2/7", "- 0/0 1/2", "1/3 0/0 1/3",
        ])
    }

    @Test func outerOfMainAndMarginTrees() {
        let main = [p(1, 44), p(1, 45), p(1, 46)]
        let margin = [p(0, 4), p(0, 7), p(0, 8), p(1, 44), p(1, 45), p(1, 46), p(1, 47)]
        let merged = PixelAlignment.align(left: main, right: margin, type: .outer).pixels
        #expect(Set(merged) == Set([p(0, 4), p(0, 7), p(0, 8), p(1, 44), p(1, 45), p(1, 46), p(1, 47)]))
        #expect(merged.count == 7)
    }

    @Test func mocFilter() {
        let a = PixelAlignment.align(left: [p(0, 0)], right: [p(2, 5), p(1, 3)], type: .left)
        let moc = MOC(pixels: [p(2, 5)])
        #expect(a.filtered(by: moc).pixels == [p(2, 5)])
    }
}
