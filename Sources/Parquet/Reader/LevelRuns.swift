/// Recognises, from run headers alone, an RLE/bit-packed hybrid level stream whose levels all
/// equal one value (the definition levels of a page without nulls), so they need not be decoded.
///
/// Any doubt (another value, a truncated or malformed stream) answers "no": the caller then runs
/// the full, validating decoder, which reports the problem.
enum LevelRuns {
    /// Whether the first `count` levels of `data` (no length prefix) all equal `level`.
    static func allEqual(_ data: UnsafeRawBufferPointer, bitWidth: Int, count: Int, level: Int) -> Bool {
        guard bitWidth > 0, bitWidth <= 32, count >= 0, level >= 0, level < 1 << bitWidth else { return false }
        let valueBytes = (bitWidth + 7) / 8
        let allOnes = level == (1 << bitWidth) - 1
        var position = 0
        var remaining = count
        while remaining > 0 {
            guard let header = readVarUInt(data, &position) else { return false }
            let available = data.count - position
            if header & 1 == 1 {
                guard allOnes else { return false }
                let groups = header >> 1
                let take = groups > UInt64(remaining / 8 + 1) ? remaining : Swift.min(Int(groups) * 8, remaining)
                let bits = take * bitWidth
                guard (bits + 7) / 8 <= available, onesOnly(data, from: position, bits: bits) else { return false }
                let runBytes = groups > UInt64(available) ? available : Swift.min(Int(groups) * bitWidth, available)
                position += runBytes
                remaining -= take
            } else {
                guard valueBytes <= available else { return false }
                var value = 0
                for i in 0..<valueBytes { value |= Int(data[position + i]) << (8 * i) }
                guard value == level else { return false }
                position += valueBytes
                let run = header >> 1
                remaining -= run > UInt64(remaining) ? remaining : Int(run)
            }
        }
        return true
    }

    /// Whether the first `count` levels of a length-prefixed stream (v1 data page levels) all
    /// equal `level`; returns the bytes the section occupies when they do.
    static func allEqualPrefixed(_ data: UnsafeRawBufferPointer, bitWidth: Int, count: Int, level: Int) -> Int? {
        guard data.count >= 4 else { return nil }
        let length = Int(UInt32(littleEndian: data.loadUnaligned(as: UInt32.self)))
        guard length <= data.count - 4 else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: data[4..<(4 + length)])
        return allEqual(body, bitWidth: bitWidth, count: count, level: level) ? 4 + length : nil
    }

    /// Whether the first `bits` bits from byte `start` are all set.
    private static func onesOnly(_ data: UnsafeRawBufferPointer, from start: Int, bits: Int) -> Bool {
        let whole = bits / 8
        var i = 0
        while i + 8 <= whole {
            if data.loadUnaligned(fromByteOffset: start + i, as: UInt64.self) != .max { return false }
            i += 8
        }
        while i < whole {
            if data[start + i] != 0xFF { return false }
            i += 1
        }
        let rest = bits & 7
        if rest == 0 { return true }
        let mask = UInt8((1 << rest) - 1)
        return data[start + whole] & mask == mask
    }

    private static func readVarUInt(_ data: UnsafeRawBufferPointer, _ position: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < data.count, shift < 63 {
            let byte = data[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }
}
