import Testing
@testable import Columnar

@Suite struct BitmapTests {
    @Test func bitsAreLeastSignificantFirst() {
        let bitmap = Bitmap([true, false, true, true, false, false, false, false, true])
        #expect(bitmap.buffer.toArray(of: UInt8.self) == [0b0000_1101, 0b0000_0001])
        #expect(bitmap[0] && !bitmap[1] && bitmap[8])
        #expect(bitmap.setBitCount == 4)
        #expect(bitmap.unsetBitCount == 5)
        #expect(bitmap.setIndices() == [0, 2, 3, 8])
        #expect(bitmap.description == "101100001")
    }

    @Test func countsIgnoreTailBits() {
        let bits = Bitmap(buffer: Buffer([UInt8](repeating: 0xFF, count: 20)), count: 150)
        #expect(bits.setBitCount == 150)
        #expect(bits.setIndices().count == 150)
        #expect((~bits).setBitCount == 0)
        #expect(Bitmap(repeating: true, count: 131).allSet)
        #expect(Bitmap(repeating: false, count: 131).setBitCount == 0)
    }

    @Test func setIndicesAcrossWords() {
        let pattern = (0..<300).map { $0 % 7 == 0 || $0 == 64 || $0 == 299 }
        let bitmap = Bitmap(pattern)
        #expect(bitmap.setIndices() == pattern.indices.filter { pattern[$0] })
        #expect(bitmap.setBitCount == pattern.filter { $0 }.count)
        #expect(bitmap.toArray() == pattern)
    }

    @Test func logicalOperators() {
        let a = Bitmap([true, true, false, false, true])
        let b = Bitmap([true, false, true, false, true])
        #expect((a & b).toArray() == [true, false, false, false, true])
        #expect((a | b).toArray() == [true, true, true, false, true])
        #expect((a ^ b).toArray() == [false, true, true, false, false])
        #expect((~a).toArray() == [false, false, true, true, false])
        #expect((~a).setBitCount == 2)
    }

    @Test func slicesAlignedAndUnaligned() {
        let pattern = (0..<40).map { $0 % 3 == 0 }
        let bitmap = Bitmap(pattern)
        for range in [8..<24, 3..<37, 0..<0, 39..<40] {
            #expect(bitmap.slice(range).toArray() == Array(pattern[range]))
        }
        #expect(bitmap.slice(8..<24) == Bitmap(Array(pattern[8..<24])))
    }

    @Test func builderAppendsBitsRunsAndBitmaps() {
        var builder = BitmapBuilder()
        builder.append(true)
        builder.append(false)
        builder.append(repeating: true, count: 19)
        builder.append(Bitmap([false, true, false]), offset: 1, count: 2)
        builder.append(repeating: false, count: 3)
        builder.set(1, to: true)
        let bits = builder.finish()
        #expect(bits.toArray() == [true, true] + Array(repeating: true, count: 19) + [true, false, false, false, false])
        builder.append(true)
        #expect(bits.count == 26, "a finished bitmap never changes")
        #expect(builder.finish().count == 27)
    }

    @Test func equalityComparesOnlyCountedBits() {
        let a = Bitmap(buffer: Buffer([UInt8(0b1111_0101)]), count: 4)
        let b = Bitmap(buffer: Buffer([UInt8(0b0000_0101)]), count: 4)
        #expect(a == b)
        #expect(a != Bitmap(buffer: Buffer([UInt8(0b0000_0101)]), count: 5))
    }
}

@Suite struct BitmapBuilderConsistencyTests {
    /// A small deterministic generator, so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomAppendsMatchAnArrayOfBools() {
        var rng = SplitMix(state: 42)
        let source = (0..<300).map { _ in Bool.random(using: &rng) }
        let sourceBitmap = Bitmap(source)
        var builder = BitmapBuilder()
        var expected: [Bool] = []
        for _ in 0..<200 {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:
                let bit = Bool.random(using: &rng)
                builder.append(bit)
                expected.append(bit)
            case 1:
                let bit = Bool.random(using: &rng)
                let n = Int.random(in: 0..<40, using: &rng)
                builder.append(repeating: bit, count: n)
                expected += Array(repeating: bit, count: n)
            default:
                let offset = Int.random(in: 0..<300, using: &rng)
                let n = Int.random(in: 0...(300 - offset), using: &rng) % 70
                builder.append(sourceBitmap, offset: offset, count: n)
                expected += source[offset..<(offset + n)]
            }
        }
        let bitmap = builder.finish()
        #expect(bitmap.toArray() == expected)
        #expect(bitmap.setBitCount == expected.filter { $0 }.count)
        #expect(bitmap.setIndices() == expected.indices.filter { expected[$0] })
    }
}
