extension Column {
    /// The bytes held by the column's buffers, validity and children (shared
    /// buffers counted once per column that holds them).
    public var byteCount: Int {
        buffers.reduce(validity?.buffer.byteCount ?? 0) { $0 + $1.byteCount }
            + children.reduce(0) { $0 + $1.byteCount }
    }
}

extension Table {
    /// The bytes held by the table's columns: what the table costs in memory.
    public var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }
}
