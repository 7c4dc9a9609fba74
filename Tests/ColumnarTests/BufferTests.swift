import Synchronization
import Testing
@testable import Columnar

/// A thread-safe record of releases, shared with deallocators and owners.
private final class ReleaseFlag: Sendable {
    private let released = Atomic<Bool>(false)
    private let calls = Atomic<Int>(0)

    var isReleased: Bool { released.load(ordering: .sequentiallyConsistent) }
    var callCount: Int { calls.load(ordering: .sequentiallyConsistent) }
    func release() { released.store(true, ordering: .sequentiallyConsistent) }
    func call() { calls.add(1, ordering: .sequentiallyConsistent) }
}

/// Owns 64 bytes of doubles (2.5) and records its release, standing in for a mapped file.
private final class Tracked: Sendable {
    let flag: ReleaseFlag
    let address: Int

    init(_ flag: ReleaseFlag) {
        self.flag = flag
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 8)
        memory.initializeMemory(as: Double.self, repeating: 2.5)
        address = Int(bitPattern: memory.baseAddress)
    }

    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: 64)
    }

    deinit {
        UnsafeMutableRawPointer(bitPattern: address)!.deallocate()
        flag.release()
    }
}

@Suite struct BufferTests {
    @Test func foreignMemoryKeepsItsOwnerAliveUntilTheLastView() throws {
        let flag = ReleaseFlag()
        var column: Column? = try {
            let owner = Tracked(flag)
            let buffer = Buffer(unsafeNoCopyBytes: owner.bytes, owner: owner)
            return try Column(type: .float64, values: buffer.slice(byteOffset: 8, byteCount: 24))
        }()
        #expect(!flag.isReleased)
        #expect(column?.values(as: Double.self).reduce(0, +) == 7.5)
        var sliced = column?.slice(1..<2)
        column = nil
        #expect(!flag.isReleased)
        #expect(sliced?.values(as: Double.self)[0] == 2.5)
        sliced = nil
        #expect(flag.isReleased)
        _ = (column, sliced)
    }

    @Test func deallocatorRunsOnceWhenTheLastBufferGoes() {
        let flag = ReleaseFlag()
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 8)
        memory.initializeMemory(as: UInt8.self, repeating: 7)
        let address = Int(bitPattern: memory.baseAddress)
        var buffer: Buffer? = Buffer(unsafeNoCopyBytes: UnsafeRawBufferPointer(memory)) {
            UnsafeMutableRawPointer(bitPattern: address)!.deallocate()
            flag.call()
        }
        var slice: Buffer? = buffer!.slice(byteOffset: 4, byteCount: 4)
        #expect(slice!.withUnsafeBytes { Array($0) } == [7, 7, 7, 7])
        buffer = nil
        #expect(flag.callCount == 0)
        slice = nil
        #expect(flag.callCount == 1)
        _ = (buffer, slice)
    }

    @Test func uninitializedCapacityIsFilledInPlace() {
        var written: UnsafeMutablePointer<Int64>?
        let buffer = Buffer(unsafeUninitializedCapacity: 10, of: Int64.self) { out, count in
            for i in 0..<8 { out[i] = Int64(i * i) }
            written = out.baseAddress
            count = 8
        }
        #expect(buffer.byteCount == 64)
        #expect(buffer.toArray(of: Int64.self) == [0, 1, 4, 9, 16, 25, 36, 49])
        buffer.withUnsafeBufferPointer(as: Int64.self) { #expect(UnsafeMutablePointer(mutating: $0.baseAddress) == written) }
        #expect(buffer.isAligned(for: Double.self))
    }

    @Test func builderFinishesWithoutCopyingAndStaysAValue() {
        var builder = BufferBuilder<Double>(capacity: 2)
        builder.append(1)
        builder.append(contentsOf: [2, 3, 4])
        builder.appendUninitialized(count: 2) { out in out[0] = 5; out[1] = 6 }
        let first = builder.finish()
        #expect(first.toArray(of: Double.self) == [1, 2, 3, 4, 5, 6])
        builder.append(7)
        builder.withUnsafeMutableBufferPointer { $0[0] = -1 }
        #expect(first.toArray(of: Double.self) == [1, 2, 3, 4, 5, 6], "a finished buffer never changes")
        #expect(builder.finish().toArray(of: Double.self) == [-1, 2, 3, 4, 5, 6, 7])
    }

    @Test func slicesShareBytes() {
        let buffer = Buffer([UInt8](0..<32))
        let slice = buffer.slice(byteOffset: 8, byteCount: 8)
        #expect(slice.toArray(of: UInt8.self) == Array(8..<16))
        #expect(buffer.slice(2..<4, as: UInt64.self).toArray(of: UInt8.self) == Array(16..<32))
        #expect(slice.bytesEqual(Buffer([UInt8](8..<16))))
        #expect(Buffer().byteCount == 0)
    }
}
