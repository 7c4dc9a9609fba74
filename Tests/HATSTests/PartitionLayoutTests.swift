import Columnar
import Foundation
import Testing
@testable import HATS

@Suite struct PartitionLayoutTests {
    @Test(arguments: [0, 1, 2, 5, 1000, 70_000])
    func radixPermutationIsAStableSort(_ count: Int) {
        var values: [Int64] = (0..<count).map { _ in Int64.random(in: 0..<(Int64(1) << 62)) }
        // Duplicates, negatives and extremes.
        for i in stride(from: 0, to: count, by: 7) { values[i] = values[count / 2] }
        if count > 3 { values[1] = -5; values[2] = .min; values[3] = .max }
        let expected = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        let column = Column(values)
        let got = PartitionLayout.sortPermutation(column) ?? Array(values.indices)
        #expect(got == expected)
    }

    @Test func sortedColumnsNeedNoPermutation() {
        #expect(PartitionLayout.sortPermutation(Column([Int64(1), 2, 2, 9])) == nil)
    }
}
