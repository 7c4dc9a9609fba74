#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// Builds a column chunk's dictionary while indexing its values (open addressing, linear probing).
///
/// Fixed-width values up to 8 bytes are keyed by their bit pattern (so -0.0, +0.0 and each NaN
/// payload stay distinct and exact); byte arrays by their bytes.
struct DictionaryBuilder {
    /// The kind of values indexed.
    enum Kind { case fixed(width: Int), byteArray }

    let kind: Kind
    /// Fixed-width entries (their low `width` bytes are the value).
    private(set) var fixedKeys: [UInt64] = []
    /// Byte-array entries: entry `k` is `entryBytes[entryOffsets[k]..<entryOffsets[k+1]]`.
    private(set) var entryOffsets: [Int] = [0]
    private(set) var entryBytes: [UInt8] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    init(kind: Kind) {
        self.kind = kind
        slots = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    /// The number of entries.
    var count: Int {
        switch kind {
        case .fixed: fixedKeys.count
        case .byteArray: entryOffsets.count - 1
        }
    }

    /// The size of the dictionary page body (PLAIN-encoded entries).
    var plainByteSize: Int {
        switch kind {
        case .fixed(let width): fixedKeys.count * width
        case .byteArray: entryBytes.count + 4 * count
        }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return h
    }

    /// Indexes the fixed-width values in `raw` (whole values of the builder's width) into `indices`.
    mutating func index(fixed raw: UnsafeRawBufferPointer, into indices: inout [UInt32]) {
        guard case .fixed(let width) = kind, let base = raw.baseAddress else { return }
        let n = raw.count / width
        indices.reserveCapacity(indices.count + n)
        for i in 0..<n {
            let key: UInt64
            switch width {
            case 8: key = base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            case 4: key = UInt64(base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            default:
                var k: UInt64 = 0
                for b in 0..<width { k |= UInt64(base.load(fromByteOffset: i * width + b, as: UInt8.self)) << UInt64(8 * b) }
                key = k
            }
            indices.append(index(key: key))
        }
    }

    private mutating func index(key: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 {
                let newIndex = fixedKeys.count
                fixedKeys.append(key)
                slots[slot] = Int32(newIndex)
                if fixedKeys.count * 2 > slots.count { grow() }
                return UInt32(newIndex)
            }
            if fixedKeys[Int(entry)] == key { return UInt32(entry) }
            slot = (slot + 1) & mask
        }
    }

    /// Indexes byte-array values `bytes[offsets[i]..<offsets[i+1]]` for `i` in `range`.
    mutating func index(offsets: [Int64], bytes: UnsafeRawBufferPointer, range: Range<Int>, into indices: inout [UInt32]) {
        indices.reserveCapacity(indices.count + range.count)
        for i in range {
            let value = UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[i])..<Int(offsets[i + 1])])
            indices.append(index(bytes: value))
        }
    }

    private mutating func index(bytes value: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 {
                let newIndex = hashes.count
                hashes.append(hash)
                entryBytes.append(contentsOf: value)
                entryOffsets.append(entryBytes.count)
                slots[slot] = Int32(newIndex)
                if hashes.count * 2 > slots.count { grow() }
                return UInt32(newIndex)
            }
            let e = Int(entry)
            if hashes[e] == hash && entryOffsets[e + 1] - entryOffsets[e] == value.count {
                let same = entryBytes.withUnsafeBytes { stored in
                    value.isEmpty || memcmp(stored.baseAddress! + entryOffsets[e], value.baseAddress!, value.count) == 0
                }
                if same { return UInt32(e) }
            }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(value.count)
        var i = 0
        let n = value.count
        while i + 8 <= n {
            h = mix(h ^ value.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &+ 0x632B_E59B_D9B4_E019
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(value[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail ^ (h >> 31))
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        switch kind {
        case .fixed:
            for (k, key) in fixedKeys.enumerated() { insertSlot(hash: Self.mix(key), entry: k) }
        case .byteArray:
            for (k, hash) in hashes.enumerated() { insertSlot(hash: hash, entry: k) }
        }
    }

    private mutating func insertSlot(hash: UInt64, entry: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    /// Appends the dictionary page body: the entries PLAIN-encoded.
    func encodePlain(into out: inout [UInt8]) {
        switch kind {
        case .fixed(let width):
            out.reserveCapacity(out.count + fixedKeys.count * width)
            for key in fixedKeys {
                withUnsafeBytes(of: key.littleEndian) { out.append(contentsOf: $0.prefix(width)) }
            }
        case .byteArray:
            out.reserveCapacity(out.count + plainByteSize)
            for k in 0..<count {
                let length = UInt32(entryOffsets[k + 1] - entryOffsets[k])
                withUnsafeBytes(of: length.littleEndian) { out.append(contentsOf: $0) }
                out.append(contentsOf: entryBytes[entryOffsets[k]..<entryOffsets[k + 1]])
            }
        }
    }
}
