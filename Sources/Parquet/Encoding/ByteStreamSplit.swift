// BYTE_STREAM_SPLIT (Encoding 9): stream j holds byte j of every value; streams are concatenated,
// so encoded[j * N + i] = bytes(value_i)[j], with N = input length / width.
//
//     public enum ByteStreamSplit {
//         static func decode(_ input: UnsafeRawBufferPointer, width: Int, count: Int,
//                            into output: UnsafeMutableRawPointer) throws
//         static func encode(_ values: UnsafeRawBufferPointer, width: Int, into out: inout [UInt8])
//     }

/// The BYTE_STREAM_SPLIT encoding, for any value width (FLOAT 4, DOUBLE 8, INT32, INT64, FLBA).
public enum ByteStreamSplit {
    /// Decodes the first `count` values of `width` bytes into `output` (`count * width` bytes).
    ///
    /// The stream length N is `input.count / width`, as Arrow reads it; N must be at least `count`.
    public static func decode(
        _ input: UnsafeRawBufferPointer, width: Int, count: Int, into output: UnsafeMutableRawPointer
    ) throws {
        guard width > 0, count >= 0 else {
            throw ParquetError(.invalidArgument, "BYTE_STREAM_SPLIT width \(width) or count \(count) is invalid")
        }
        let stride = input.count / width
        guard stride >= count else {
            throw ParquetError(.corruptData, "BYTE_STREAM_SPLIT data holds \(stride) values, \(count) expected")
        }
        guard count > 0, let src = input.baseAddress else { return }
        let dst = output.assumingMemoryBound(to: UInt8.self)
        let bytes = src.assumingMemoryBound(to: UInt8.self)
        switch width {
        case 8: decodeWords(bytes, stride: stride, count: count, into: output, as: UInt64.self)
        case 4: decodeWords(bytes, stride: stride, count: count, into: output, as: UInt32.self)
        case 2: decodeWords(bytes, stride: stride, count: count, into: output, as: UInt16.self)
        default:
            for j in 0..<width {
                let stream = bytes + j * stride
                for i in 0..<count { dst[i * width + j] = stream[i] }
            }
        }
    }

    @inline(__always)
    static func decodeWords<W: FixedWidthInteger & UnsignedInteger>(
        _ bytes: UnsafePointer<UInt8>, stride: Int, count: Int, into output: UnsafeMutableRawPointer, as: W.Type
    ) {
        let width = MemoryLayout<W>.size
        // Walk in blocks so that each stream's block stays in cache while values are assembled.
        let block = 256
        var start = 0
        while start < count {
            let end = min(start + block, count)
            for i in start..<end {
                var word: W = 0
                for j in 0..<width {
                    word |= W(bytes[j &* stride &+ i]) &<< W(j &* 8)
                }
                output.storeBytes(of: word.littleEndian, toByteOffset: i &* width, as: W.self)
            }
            start = end
        }
    }

    /// Appends `values` (a whole number of `width`-byte values) split into byte streams.
    public static func encode(_ values: UnsafeRawBufferPointer, width: Int, into out: inout [UInt8]) {
        precondition(width > 0 && values.count % width == 0, "BYTE_STREAM_SPLIT input must hold whole values")
        let count = values.count / width
        guard count > 0, let src = values.baseAddress else { return }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: values.count))
        let bytes = src.assumingMemoryBound(to: UInt8.self)
        out.withUnsafeMutableBufferPointer { buffer in
            guard let dst = buffer.baseAddress?.advanced(by: start) else { return }
            switch width {
            case 8: encodeWords(src, count: count, into: dst, as: UInt64.self)
            case 4: encodeWords(src, count: count, into: dst, as: UInt32.self)
            default:
                for j in 0..<width {
                    let stream = dst + j * count
                    for i in 0..<count { stream[i] = bytes[i * width + j] }
                }
            }
        }
    }

    @inline(__always)
    static func encodeWords<W: FixedWidthInteger & UnsignedInteger>(
        _ src: UnsafeRawPointer, count: Int, into dst: UnsafeMutablePointer<UInt8>, as: W.Type
    ) {
        let width = MemoryLayout<W>.size
        for i in 0..<count {
            let word = W(littleEndian: src.loadUnaligned(fromByteOffset: i &* width, as: W.self))
            for j in 0..<width {
                dst[j &* count &+ i] = UInt8(truncatingIfNeeded: word &>> W(j &* 8))
            }
        }
    }
}
