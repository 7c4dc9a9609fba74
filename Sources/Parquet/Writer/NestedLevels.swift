import Columnar

/// Definition and repetition levels of one leaf under structs and lists (Dremel shredding).
///
/// Walks from the top-level column down the leaf's steps, carrying one entry per level slot:
/// the row of the current node it stands for (or none once an ancestor is null or an empty
/// list), the definition level reached, and the repetition level it starts with.
struct NestedLevels {
    var definition: [UInt8]
    var repetition: [UInt8]
    /// The leaf column's rows holding values, in level order.
    var selected: [Int]
    /// The primitive column at the end of the path.
    var leafColumn: Column

    init(column: Column, leaf: WriterLeaf) throws {
        var rows = Array(0..<column.count)
        var def = [UInt8](repeating: 0, count: column.count)
        var rep = [UInt8](repeating: 0, count: column.count)
        var node = column
        var nullable = leaf.nullable
        var listDepth: UInt8 = 0
        for step in leaf.steps {
            switch step {
            case .child(let index, let childNullable):
                for k in rows.indices where rows[k] >= 0 {
                    if try Self.isNull(node, rows[k], nullable: nullable, leaf: leaf) {
                        rows[k] = -1
                    } else if nullable {
                        def[k] += 1
                    }
                }
                node = node.children[index]
                nullable = childNullable
            case .element(let elementNullable):
                listDepth += 1
                let offsets = node.offsets
                var nextRows: [Int] = []
                var nextDef: [UInt8] = []
                var nextRep: [UInt8] = []
                nextRows.reserveCapacity(rows.count)
                nextDef.reserveCapacity(rows.count)
                nextRep.reserveCapacity(rows.count)
                for k in rows.indices {
                    let row = rows[k]
                    if try row < 0 || Self.isNull(node, row, nullable: nullable, leaf: leaf) {
                        nextRows.append(-1); nextDef.append(def[k]); nextRep.append(rep[k])
                        continue
                    }
                    let present = def[k] + (nullable ? 1 : 0)
                    let lo = Int(offsets[row])
                    let hi = Int(offsets[row + 1])
                    if lo == hi {
                        nextRows.append(-1); nextDef.append(present); nextRep.append(rep[k])
                        continue
                    }
                    for element in lo..<hi {
                        nextRows.append(element)
                        nextDef.append(present + 1)
                        nextRep.append(element == lo ? rep[k] : listDepth)
                    }
                }
                rows = nextRows
                def = nextDef
                rep = nextRep
                node = node.children[0]
                nullable = elementNullable
            }
        }
        var selected: [Int] = []
        selected.reserveCapacity(rows.count)
        for k in rows.indices where rows[k] >= 0 {
            if try Self.isNull(node, rows[k], nullable: nullable, leaf: leaf) { continue }
            if nullable { def[k] += 1 }
            selected.append(rows[k])
        }
        definition = def
        repetition = rep
        self.selected = selected
        leafColumn = node
    }

    /// Whether `row` of `node` is null; a null in a non-nullable field is an error.
    @inline(__always)
    static func isNull(_ node: Column, _ row: Int, nullable: Bool, leaf: WriterLeaf) throws -> Bool {
        guard node.validity != nil, !node.isValid(row) else { return false }
        guard nullable else {
            throw ParquetError(.invalidArgument, "a non-nullable field holds nulls", column: leaf.path.joined(separator: "."))
        }
        return true
    }
}
