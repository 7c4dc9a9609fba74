import Columnar
import Foundation
import Parquet
import Testing
@testable import LSDB

/// Compares the rows our queries keep with what pandas keeps on the same table
/// (`Scripts/make_query_fixtures.py` writes the fixtures).
@Suite struct ExpressionPandasTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let query: String
        let oracle: String
        let note: String
        let pandasError: String?
        let expected: Expected

        enum Expected: Decodable {
            case rows([Int64])
            case error

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let rows = try? container.decode([Int64].self) {
                    self = .rows(rows)
                } else {
                    let text = try container.decode(String.self)
                    guard text == "error" else {
                        throw DecodingError.dataCorruptedError(in: container, debugDescription: "unexpected \(text)")
                    }
                    self = .error
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case query, oracle, note, expected
            case pandasError = "pandas_error"
        }

        var testDescription: String { query }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/query")

    static let cases: [Case] = {
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent("queries.json"))
            return try JSONDecoder().decode([Case].self, from: data)
        } catch {
            fatalError("cannot read the query fixtures: \(error)")
        }
    }()

    static let table: Table = {
        do {
            return try ParquetFileReader(path: directory.appendingPathComponent("table.parquet").path).read()
        } catch {
            fatalError("cannot read the query fixture table: \(error)")
        }
    }()

    @Test func fixturesCoverEnoughQueries() {
        #expect(Self.cases.count >= 40)
        #expect(Self.table.rowCount == 300)
        #expect(Self.table.columnNames.contains("my col"))
    }

    @Test(arguments: cases)
    func sameRowsAsPandas(_ testCase: Case) throws {
        let table = Self.table
        switch testCase.expected {
        case .rows(let expected):
            let kept = try table.query(testCase.query)
            let ids = try kept.column(named: "row_id").toArray(of: Int64.self).map { $0! }
            #expect(ids == expected, "\(testCase.query) [\(testCase.note)]")
        case .error:
            #expect(throws: QueryError.self, "\(testCase.query) [\(testCase.note)]") {
                _ = try table.query(testCase.query)
            }
        }
    }

    @Test(arguments: cases)
    func descriptionParsesBackToTheSameExpression(_ testCase: Case) throws {
        guard let expression = try? Expression(parsing: testCase.query) else { return }
        let reparsed = try Expression(parsing: expression.description)
        #expect(reparsed == expression, "\(testCase.query) printed as \(expression)")
    }

    @Test func maskAgreesWithFilter() throws {
        let expression = try Expression(parsing: "flag or i8 > 0")
        let mask = try expression.mask(on: Self.table)
        #expect(mask.setBitCount == (try Self.table.filter(expression)).rowCount)
        let column = try expression.evaluate(on: Self.table)
        #expect(column.type == .bool)
        #expect(column.count == 300)
        #expect(column.nullCount > 0)
    }
}
