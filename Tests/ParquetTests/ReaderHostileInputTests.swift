import Columnar
import Foundation
import Testing
@testable import Parquet

/// Truncated, corrupted and unsupported files must throw a `ParquetError` naming the file, never crash.
@Suite struct ReaderHostileInputTests {
    static let valid: [UInt8] = {
        let url = TestPaths.repository.appendingPathComponent("Fuzz/corpus/snappy_dict.parquet")
        return (try? [UInt8](Data(contentsOf: url))) ?? []
    }()

    /// Opens and fully reads `bytes`; returns the error thrown, or nil when it read cleanly.
    static func readAll(_ bytes: [UInt8], name: String = "hostile.parquet") -> ParquetError? {
        do {
            let reader = try ParquetFileReader(source: MemorySource(bytes), name: name,
                                               options: ReadOptions(concurrency: 1))
            _ = try reader.read()
            for g in reader.rowGroups.indices { _ = try reader.readRowGroup(g) }
            return nil
        } catch let error as ParquetError {
            return error
        } catch {
            Issue.record("non-Parquet error \(error)")
            return nil
        }
    }

    @Test func validFileReads() {
        #expect(!Self.valid.isEmpty)
        #expect(Self.readAll(Self.valid) == nil)
    }

    @Test func truncationAtEveryLength() {
        let bytes = Self.valid
        for length in 0..<bytes.count {
            let error = Self.readAll(Array(bytes[..<length]))
            #expect(error != nil, "truncated to \(length)")
            if let error {
                #expect(error.file == "hostile.parquet")
                #expect([.truncated, .badMagic, .outOfBounds, .corruptMetadata].contains(error.kind), "\(length): \(error)")
                #expect(error.description.contains("hostile.parquet"))
            }
        }
    }

    @Test func everyByteFlipIsHandled() {
        let bytes = Self.valid
        for i in 0..<bytes.count {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var copy = bytes
                copy[i] ^= mask
                if let error = Self.readAll(copy) {
                    #expect(error.file == "hostile.parquet", "byte \(i): \(error)")
                }
            }
        }
    }

    /// Every seed file (dictionary, v2 + ZSTD, GZIP, DELTA + LZ4, page index, nested lists and
    /// structs), truncated at every length and with every byte inverted.
    @Test func everySeedFileSurvivesDamage() throws {
        let corpus = TestPaths.repository.appendingPathComponent("Fuzz/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".parquet") }
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
            #expect(Self.readAll(bytes, name: name) == nil, "\(name) reads cleanly")
            for length in stride(from: 0, to: bytes.count, by: 7) {
                #expect(Self.readAll(Array(bytes[..<length]), name: name)?.file == name, "\(name) cut at \(length)")
            }
            for i in 0..<bytes.count {
                var copy = bytes
                copy[i] ^= 0xFF
                if let error = Self.readAll(copy, name: name) {
                    #expect(error.file == name, "\(name) byte \(i): \(error)")
                }
            }
        }
    }

    @Test func wrongMagic() {
        var copy = Self.valid
        copy[copy.count - 1] = UInt8(ascii: "X")
        #expect(Self.readAll(copy)?.kind == .badMagic)
        var head = Self.valid
        head[0] = 0
        #expect(Self.readAll(head)?.kind == .badMagic)
    }

    @Test func encryptedFooterIsUnsupported() {
        var copy = Self.valid
        copy.replaceSubrange((copy.count - 4)..., with: Array("PARE".utf8))
        let error = Self.readAll(copy)
        #expect(error?.kind == .unsupported)
        #expect(error?.description.contains("encrypted") == true)
    }

    @Test func footerLengthPastTheStart() {
        var copy = Self.valid
        let huge = UInt32(copy.count)
        withUnsafeBytes(of: huge.littleEndian) { copy.replaceSubrange((copy.count - 8)..<(copy.count - 4), with: $0) }
        #expect(Self.readAll(copy)?.kind == .truncated)
    }

    @Test func tinyFiles() {
        #expect(Self.readAll([])?.kind == .truncated)
        #expect(Self.readAll(Array("PAR1PAR1".utf8))?.kind == .truncated)
        // A 0-length footer is an empty struct: not a valid FileMetaData.
        #expect(Self.readAll(Array("PAR1".utf8) + [0, 0, 0, 0] + Array("PAR1".utf8))?.kind == .corruptMetadata)
    }

    @Test func missingFileNamesThePath() {
        #expect(throws: ParquetError.self) { _ = try ParquetFileReader(path: "/nonexistent/x.parquet") }
        do { _ = try ParquetFileReader(path: "/nonexistent/x.parquet") } catch let error as ParquetError {
            #expect(error.kind == .io)
            #expect(error.file == "/nonexistent/x.parquet")
        } catch {}
    }

    @Test func corruptPageDataNamesTheColumn() throws {
        // Overwrite the first data bytes (just after "PAR1", the first column chunk's page header).
        var copy = Self.valid
        for i in 4..<12 { copy[i] = 0xFF }
        let error = Self.readAll(copy)
        #expect(error != nil)
        #expect(error?.column != nil)
    }
}

@Suite struct ReaderChecksumTests {
    static let options = ReadOptions(limits: ReadLimits(verifyChecksums: true))

    @Test func checksumsVerify() throws {
        let url = TestPaths.fixture("checksum_bloom.parquet")
        var bytes = try [UInt8](Data(contentsOf: url))
        let clean = try ParquetFileReader(source: MemorySource(bytes), name: "crc.parquet", options: Self.options)
        #expect(try clean.read().rowCount == Int(clean.numRows))
        bytes[100] ^= 0x55 // inside the first column's dictionary page body
        let damaged = try ParquetFileReader(source: MemorySource(bytes), name: "crc.parquet", options: Self.options)
        #expect(throws: ParquetError.self) { _ = try damaged.read() }
        do { _ = try damaged.read() } catch let error as ParquetError {
            #expect(error.kind == .corruptData)
            #expect(error.message.contains("CRC"))
            #expect(error.column == "id")
        }
    }
}
