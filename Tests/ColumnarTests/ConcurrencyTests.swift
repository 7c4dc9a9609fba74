import Testing
@testable import Columnar

@Suite struct ConcurrencyTests {
    @Test func columnsAndTablesAreSharedAcrossTasks() async throws {
        let table = try Table([
            ("id", Column((0..<10_000).map { Int64($0) })),
            ("name", Column((0..<10_000).map { $0 % 7 == 0 ? nil : "row \($0)" } as [String?])),
        ])
        let sums = await withTaskGroup(of: Int64.self) { group in
            for chunk in 0..<8 {
                group.addTask {
                    let rows = (chunk * 1250)..<((chunk + 1) * 1250)
                    let part = table.slice(rows).filter(Bitmap.evaluating(count: 1250) { $0 % 2 == 0 })
                    let ids = part["id"]!.values(as: Int64.self)
                    return ids.reduce(0, +)
                }
            }
            return await group.reduce(0, +)
        }
        let evens: [Int64] = (0..<10_000).filter { $0 % 2 == 0 }.map { Int64($0) }
        #expect(sums == evens.reduce(0, +))
    }

    @Test func concatenateWidensNullability() throws {
        let strict = try Table(schema: Schema([Field("a", .float64, nullable: false)]), columns: [Column([1.0])])
        let loose = try Table([("a", Column([nil, 2.0] as [Double?]))])
        let joined = try Table.concatenate([strict, loose])
        #expect(joined.schema.fields[0].nullable)
        #expect(try joined.column(named: "a").toArray(of: Double.self) == [1.0, nil, 2.0])
    }
}
