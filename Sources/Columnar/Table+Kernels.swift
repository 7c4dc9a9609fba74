import Dispatch
extension Table {
    /// Returns the rows whose bit in `mask` is set, in order.
    ///
    /// - Precondition: `mask.count == rowCount`.
    public func filter(_ mask: BooleanMask) -> Table {
        precondition(mask.count == rowCount, "filter mask has \(mask.count) bits for \(rowCount) rows")
        let kept = mask.setBitCount
        if kept == rowCount { return self }
        let needsIndices = columns.contains { column in
            if case .fixed = column.type.layout { return false }
            return column.type.layout != .bits
        }
        let indices = needsIndices ? mask.setIndices() : nil
        return mapColumns(count: kept) { $0.filter(mask, kept: kept, indices: indices) }
    }

    /// Returns the rows where `mask` is `true`, in order.
    public func filter(_ mask: [Bool]) -> Table {
        filter(Bitmap(mask))
    }

    /// Returns the rows at `indices`; with `allowingNullIndices`, a negative index gives a row of
    /// nulls (see ``Column/gather(_:allowingNullIndices:)-(UnsafeBufferPointer<Int>,_)``).
    public func gather(_ indices: UnsafeBufferPointer<Int>, allowingNullIndices: Bool = false) -> Table {
        mapColumns(count: indices.count) { $0.gather(indices, allowingNullIndices: allowingNullIndices) }
    }

    /// Returns the rows at `indices`; with `allowingNullIndices`, a negative index gives a row of nulls.
    public func gather(_ indices: [Int], allowingNullIndices: Bool = false) -> Table {
        indices.withUnsafeBufferPointer { gather($0, allowingNullIndices: allowingNullIndices) }
    }

    /// Returns the rows at 32-bit `indices`; with `allowingNullIndices`, a negative index gives a row of nulls.
    public func gather(_ indices: UnsafeBufferPointer<Int32>, allowingNullIndices: Bool = false) -> Table {
        mapColumns(count: indices.count) { $0.gather(indices, allowingNullIndices: allowingNullIndices) }
    }

    /// Returns the rows at 32-bit `indices`; with `allowingNullIndices`, a negative index gives a row of nulls.
    public func gather(_ indices: [Int32], allowingNullIndices: Bool = false) -> Table {
        indices.withUnsafeBufferPointer { gather($0, allowingNullIndices: allowingNullIndices) }
    }

    /// Returns the rows in `range`, sharing buffers (see ``Column/slice(_:)``).
    public func slice(_ range: Range<Int>) -> Table {
        precondition(range.lowerBound >= 0 && range.upperBound <= rowCount, "slice \(range) out of range 0..<\(rowCount)")
        return mapColumns(count: range.count) { $0.slice(range) }
    }

    /// The first `n` rows (all rows when there are fewer).
    public func head(_ n: Int = 5) -> Table {
        slice(0..<Swift.min(Swift.max(n, 0), rowCount))
    }

    /// The last `n` rows (all rows when there are fewer).
    public func tail(_ n: Int = 5) -> Table {
        slice(Swift.max(rowCount - Swift.max(n, 0), 0)..<rowCount)
    }

    /// Returns the rows of `tables`, one after another.
    ///
    /// The tables must have the same column names and types, in the same order. The first table's
    /// schema (with its metadata) and index mark are kept; a field is nullable when it is in any
    /// of the tables.
    ///
    /// - Throws: ``ColumnarError`` when the column names or types differ, or `tables` is empty.
    public static func concatenate(_ tables: [Table]) throws -> Table {
        try concatenate(tables, concurrency: 1)
    }

    /// ``concatenate(_:)`` with up to `concurrency` columns joined at once.
    public static func concatenate(_ tables: [Table], concurrency: Int) throws -> Table {
        guard let first = tables.first else { throw ColumnarError.invalidLayout("no tables to concatenate") }
        for table in tables.dropFirst() {
            guard table.columnNames == first.columnNames else {
                throw ColumnarError.typeMismatch(
                    expected: "columns [\(first.columnNames.joined(separator: ", "))]",
                    actual: "[\(table.columnNames.joined(separator: ", "))]", context: "concatenate tables")
            }
        }
        if tables.count == 1 { return first }
        let join = { @Sendable (i: Int) throws -> Column in
            do {
                return try Column.concatenate(tables.map { $0.columns[i] })
            } catch ColumnarError.typeMismatch(let expected, let actual, _) {
                throw ColumnarError.typeMismatch(expected: expected, actual: actual,
                                                 context: "concatenate column '\(first.columnNames[i])'")
            }
        }
        let columns: [Column]
        if concurrency > 1, first.columns.count > 1 {
            let results = ConcurrentResults<Column>(count: first.columns.count)
            DispatchQueue.concurrentPerform(iterations: first.columns.count) { i in
                results.set(i, Result { try join(i) })
            }
            columns = try results.values()
        } else {
            columns = try first.columns.indices.map(join)
        }
        var schema = first.schema
        for i in schema.fields.indices where tables.contains(where: { $0.schema.fields[i].nullable }) {
            schema.fields[i].nullable = true
        }
        return Table(unchecked: schema, columns: columns, rowCount: tables.reduce(0) { $0 + $1.rowCount },
                     indexColumnName: first.indexColumnName)
    }

    private func mapColumns(count: Int, _ transform: (Column) -> Column) -> Table {
        Table(unchecked: schema, columns: columns.map(transform), rowCount: count, indexColumnName: indexColumnName)
    }
}

extension Table: Equatable {
    /// Whether two tables have the same schema (names, types, nullability, metadata), the same index
    /// mark and equal columns (see ``Column/==(_:_:)``).
    public static func == (lhs: Table, rhs: Table) -> Bool {
        lhs.schema == rhs.schema && lhs.indexColumnName == rhs.indexColumnName
            && lhs.rowCount == rhs.rowCount && lhs.columns == rhs.columns
    }
}

/// Results written by concurrent iterations, each to its own slot.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var slots: [Result<T, any Error>?]
    private let lock = NSLockShim()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, any Error>) {
        lock.withLock { slots[index] = value }
    }

    func values() throws -> [T] {
        try slots.map { try $0!.get() }
    }
}

/// A pthread mutex (Columnar does not import Foundation).
final class NSLockShim: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
