extension Column {
    /// Returns the rows of `columns`, one after another, in a new column.
    ///
    /// Works for every type, nested ones included; the result's buffers are freshly allocated and
    /// its offsets start at zero.
    ///
    /// - Throws: ``ColumnarError/typeMismatch(expected:actual:context:)`` when the types differ,
    ///   and ``ColumnarError/invalidLayout(_:)`` for an empty list of columns.
    public static func concatenate(_ columns: [Column]) throws -> Column {
        guard let first = columns.first else {
            throw ColumnarError.invalidLayout("nothing to concatenate")
        }
        for column in columns where column.type != first.type {
            throw ColumnarError.typeMismatch(expected: first.type.description, actual: column.type.description,
                                             context: "concatenate")
        }
        if columns.count == 1 { return first }
        let total = columns.reduce(0) { $0 + $1.count }
        var validity: Bitmap?
        if columns.contains(where: { $0.validity != nil }) {
            var builder = BitmapBuilder(capacity: total)
            for column in columns {
                if let bits = column.validity {
                    builder.append(bits)
                } else {
                    builder.append(repeating: true, count: column.count)
                }
            }
            validity = builder.finish()
        }
        switch first.type.layout {
        case .bits:
            var builder = BitmapBuilder(capacity: total)
            for column in columns { builder.append(column.bits) }
            return Column(unchecked: first.type, count: total, validity: validity, buffers: [builder.finish().buffer])
        case .fixed(let width):
            var bytes = BufferBuilder<UInt8>(capacity: total * width)
            for column in columns {
                column.buffers[0].withUnsafeBufferPointer(as: UInt8.self) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<(column.count * width)]))
                }
            }
            return Column(unchecked: first.type, count: total, validity: validity, buffers: [bytes.finish()])
        case .variable:
            var bytes = BufferBuilder<UInt8>()
            let offsets = concatenateOffsets(columns, total: total) { column, range in
                column.buffers[1].withUnsafeBufferPointer(as: UInt8.self) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range]))
                }
            }
            return Column(unchecked: first.type, count: total, validity: validity, buffers: [offsets, bytes.finish()])
        case .list:
            var pieces: [Column] = []
            let offsets = concatenateOffsets(columns, total: total) { column, range in
                pieces.append(column.children[0].slice(range))
            }
            let child = try concatenate(pieces)
            return Column(unchecked: first.type, count: total, validity: validity, buffers: [offsets], children: [child])
        case .structure:
            let children = try first.children.indices.map { field in
                try concatenate(columns.map { $0.children[field] })
            }
            return Column(unchecked: first.type, count: total, validity: validity, buffers: [], children: children)
        }
    }

    /// Builds offsets starting at zero for the concatenation of `columns`, and reports the range of
    /// bytes or child rows each column contributes.
    private static func concatenateOffsets(
        _ columns: [Column], total: Int, _ contribute: (Column, Range<Int>) -> Void
    ) -> Buffer {
        var offsets = BufferBuilder<Int64>(capacity: total + 1)
        var running: Int64 = 0
        offsets.append(0)
        for column in columns {
            column.buffers[0].withUnsafeBufferPointer(as: Int64.self) { o in
                let base = o[0]
                for i in stride(from: 1, through: column.count, by: 1) {
                    offsets.append(running + o[i] - base)
                }
                running += o[column.count] - base
                contribute(column, Int(base)..<Int(o[column.count]))
            }
        }
        return offsets.finish()
    }
}
