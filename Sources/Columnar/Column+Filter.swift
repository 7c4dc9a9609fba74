extension Column {
    /// Returns the rows whose bit in `mask` is set, in order.
    ///
    /// Works for every type, nested ones included; nulls stay null.
    ///
    /// - Precondition: `mask.count == count`.
    /// - Complexity: O(*n* / 64) to find the kept rows, plus the copy of the kept values.
    public func filter(_ mask: BooleanMask) -> Column {
        precondition(mask.count == count, "filter mask has \(mask.count) bits for \(count) rows")
        if mask.allSet { return self }
        return mask.setIndices().withUnsafeBufferPointer { gatherRows($0, allowingNullIndices: false) }
    }

    /// Returns the rows where `mask` is `true`, in order.
    public func filter(_ mask: [Bool]) -> Column {
        filter(Bitmap(mask))
    }
}
