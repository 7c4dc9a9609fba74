import Columnar

/// Joining the tables of consecutive row groups into one.
///
/// String and binary columns without nulls are joined with their total byte count known up front,
/// so their bytes are copied once into a buffer of the final size (a generic concatenation grows
/// the byte buffer by doubling, mapping and faulting in several times the final size).
extension ParquetFileReader {
    /// Joins `tables` (two or more, from row groups of this file, so with one schema).
    static func joinRowGroups(_ tables: [Table]) throws -> Table {
        let first = tables[0]
        guard tables.allSatisfy({ $0.schema == first.schema && $0.indexColumnName == first.indexColumnName }) else {
            return try Table.concatenate(tables)
        }
        var columns: [Column] = []
        for i in first.columns.indices {
            let pieces = tables.map { $0.columns[i] }
            let type = pieces[0].type
            if type.isVariableLength, pieces.allSatisfy({ $0.type == type && $0.validity == nil }) {
                columns.append(try joinVariableLength(pieces, type: type))
            } else {
                columns.append(try Column.concatenate(pieces))
            }
        }
        return try Table(schema: first.schema, columns: columns, rowCount: tables.reduce(0) { $0 + $1.rowCount },
                         indexColumnName: first.indexColumnName)
    }

    /// Joins null-free string or binary columns whose offsets this reader built (non-negative,
    /// non-decreasing, inside their bytes).
    private static func joinVariableLength(_ pieces: [Column], type: DataType) throws -> Column {
        let count = pieces.reduce(0) { $0 + $1.count }
        var byteCount = 0
        for piece in pieces {
            piece.buffers[0].withUnsafeBufferPointer(as: Int64.self) { o in byteCount += Int(o[piece.count] - o[0]) }
        }
        let offsets = Buffer(unsafeUninitializedCapacity: count + 1, of: Int64.self) { out, initialized in
            var at = 1
            var running: Int64 = 0
            out[0] = 0
            for piece in pieces {
                piece.buffers[0].withUnsafeBufferPointer(as: Int64.self) { o in
                    let shift = running - o[0]
                    for i in stride(from: 1, through: piece.count, by: 1) { out[at + i - 1] = o[i] &+ shift }
                    running += o[piece.count] - o[0]
                }
                at += piece.count
            }
            initialized = count + 1
        }
        let bytes = Buffer(unsafeUninitializedCapacity: byteCount, of: UInt8.self) { out, initialized in
            var at = 0
            for piece in pieces {
                piece.buffers[0].withUnsafeBufferPointer(as: Int64.self) { o in
                    let lo = Int(o[0]), length = Int(o[piece.count]) - lo
                    guard length > 0, let destination = out.baseAddress else { return }
                    piece.buffers[1].withUnsafeBytes { source in
                        UnsafeMutableRawPointer(destination + at).copyMemory(from: source.baseAddress! + lo, byteCount: length)
                    }
                    at += length
                }
            }
            initialized = byteCount
        }
        return try Column(uncheckedType: type, offsets: offsets, values: bytes)
    }
}
