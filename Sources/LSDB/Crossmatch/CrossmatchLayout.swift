import Columnar

/// The columns of a crossmatch result and how partition pairs become its rows
/// (LSDB's `_create_crossmatch_df`): the left index first (`_healpix_29`, never
/// suffixed), the left columns, the right columns, then `_dist_arcsec`.
struct CrossmatchLayout: Sendable {
    /// The left index column (kept first, unsuffixed), if the left side has one.
    let leftIndex: String?
    /// The left columns, without the index, as read.
    let leftColumns: [String]
    /// The right columns, without the right index, as read.
    let rightColumns: [String]
    /// Their names in the result.
    let leftNames: [String]
    let rightNames: [String]
    /// The result's schema.
    let schema: Schema
    /// The name of the distance column.
    static let distanceColumn = "_dist_arcsec"

    init(left: Schema, leftIndex: String?, right: Schema, rightIndex: String?,
         suffixes: (left: String, right: String), method: SuffixMethod, how: CrossmatchJoin) throws {
        self.leftIndex = leftIndex
        leftColumns = left.names.filter { $0 != leftIndex }
        rightColumns = right.names.filter { $0 != rightIndex }
        let shared = Set(leftColumns).intersection(rightColumns)
        func rename(_ name: String, _ suffix: String) -> String {
            method == .allColumns || shared.contains(name) ? name + suffix : name
        }
        leftNames = leftColumns.map { rename($0, suffixes.left) }
        rightNames = rightColumns.map { rename($0, suffixes.right) }
        var fields: [Field] = []
        if let leftIndex, let field = left[leftIndex] { fields.append(field) }
        for (name, newName) in zip(leftColumns, leftNames) {
            var field = left[name]!
            field.name = newName
            fields.append(field)
        }
        for (name, newName) in zip(rightColumns, rightNames) {
            var field = right[name]!
            field.name = newName
            if how == .left { field.nullable = true }
            fields.append(field)
        }
        fields.append(Field(Self.distanceColumn, .float64, nullable: how == .left))
        var seen = Set<String>()
        for field in fields where !seen.insert(field.name).inserted {
            throw LSDBError.invalidArgument(
                "the crossmatch result would have two columns named '\(field.name)'; choose other suffixes")
        }
        schema = Schema(fields, metadata: left.metadata)
    }

    /// The result rows of one aligned pixel: matched pairs in left order, then (for a
    /// left join) the unmatched left rows with null right columns.
    func assemble(left: Table, right: Table, pairs: MatchPairs, how: CrossmatchJoin) throws -> Table {
        var leftRows = pairs.left.map { Int($0) }
        var rightRows = pairs.right.map { Int($0) }
        var distance = pairs.distanceArcsec
        var distanceValid: [Bool]?
        if how == .left {
            var matched = [Bool](repeating: false, count: left.rowCount)
            for i in pairs.left { matched[Int(i)] = true }
            let unmatched = matched.indices.filter { !matched[$0] }
            if !unmatched.isEmpty {
                distanceValid = [Bool](repeating: true, count: leftRows.count) + [Bool](repeating: false, count: unmatched.count)
                leftRows += unmatched
                rightRows += [Int](repeating: -1, count: unmatched.count)
                distance += [Double](repeating: 0, count: unmatched.count)
            }
        }
        let leftPart = left.gather(leftRows)
        let rightPart = right.gather(rightRows, allowingNullIndices: true)
        var columns: [Column] = []
        if let leftIndex { columns.append(try leftPart.column(named: leftIndex)) }
        for name in leftColumns { columns.append(try leftPart.column(named: name)) }
        for name in rightColumns { columns.append(try rightPart.column(named: name)) }
        let distanceColumn = try Column(type: .float64, values: Buffer(distance),
                                        validity: distanceValid.map { Bitmap($0) })
        columns.append(distanceColumn)
        return try Table(schema: schema, columns: columns, rowCount: leftRows.count, indexColumnName: leftIndex)
    }
}
