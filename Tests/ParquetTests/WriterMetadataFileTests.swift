import Columnar
import Testing
@testable import Parquet

@Suite("Metadata-only files: _common_metadata and _metadata")
struct WriterMetadataFileTests {
    @Test("_common_metadata has the schema and no row groups; _metadata lists every file's row groups")
    func datasetMetadata() throws {
        let root = WriterFixtures.inspectionDirectory.map { "\($0)/dataset" } ?? "/tmp/lsdb-writer-meta-\(getpid())"
        for dir in [root, "\(root)/Norder=0", "\(root)/Norder=0/Dir=0"] { mkdir(dir, 0o755) }
        defer { if WriterFixtures.inspectionDirectory == nil { removeDataset(root) } }
        let table = try WriterFixtures.allTypes(rows: 900)
        var footers: [(path: String, metadata: FileMetaData)] = []
        for (k, range) in [0..<400, 400..<900].enumerated() {
            let relative = "Norder=0/Dir=0/Npix=\(k + 1).parquet"
            var options = ParquetWriteOptions.hats
            options.rowGroupSize = 300
            let footer = try ParquetWriter.write(table.slice(range), to: "\(root)/\(relative)", options: options)
            footers.append((relative, footer))
        }
        let common = ParquetMetadataFile.common(from: footers[0].metadata)
        try ParquetMetadataFile.write(common, to: "\(root)/_common_metadata")
        let merged = try ParquetMetadataFile.merged(footers)
        try ParquetMetadataFile.write(merged, to: "\(root)/_metadata")

        let commonRead = try ParquetFileReader(path: "\(root)/_common_metadata").metadata
        #expect(commonRead.rowGroups.isEmpty && commonRead.numRows == 0)
        #expect(commonRead.schema == footers[0].metadata.schema)
        #expect(try ParquetMetadataFile.common(schema: table.schema).schema == commonRead.schema)

        let reader = try ParquetFileReader(path: "\(root)/_metadata")
        #expect(reader.metadata.numRows == 900)
        #expect(reader.metadata.rowGroups.map(\.numRows) == [300, 100, 300, 200])
        #expect(reader.metadata.rowGroups.allSatisfy { $0.columns.allSatisfy { $0.filePath != nil } })
        #expect(reader.metadata.rowGroups[2].columns[0].filePath == "Norder=0/Dir=0/Npix=2.parquet")
        #expect(reader.metadata.rowGroups[0].columns[0].metaData == footers[0].metadata.rowGroups[0].columns[0].metaData)

        let bytes = ParquetMetadataFile.serialize(common)
        #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8) && Array(bytes.suffix(4)) == Array("PAR1".utf8))
        #expect(throws: ParquetError.self) { try ParquetMetadataFile.merged([]) }
        var other = footers[1]
        other.metadata.schema[1].name = "renamed"
        #expect(throws: ParquetError.self) { try ParquetMetadataFile.merged([footers[0], other]) }
    }

    @Test("AtomicFile leaves nothing behind when aborted and replaces existing files on commit")
    func atomicFile() throws {
        let path = "/tmp/lsdb-atomic-\(getpid()).bin"
        defer { unlink(path) }
        try AtomicFile.write([1, 2, 3], to: path)
        let file = try AtomicFile(path: path)
        try file.write([UInt8](repeating: 9, count: 3 << 20))
        #expect(access(file.temporaryPath, F_OK) == 0)
        file.abort()
        #expect(access(file.temporaryPath, F_OK) != 0)
        #expect(fileSize(path) == 3)
        let replacement = try AtomicFile(path: path)
        try replacement.write([UInt8](repeating: 7, count: (1 << 20) + 5))
        try replacement.commit()
        #expect(fileSize(path) == (1 << 20) + 5)
        #expect(throws: ParquetError.self) { try AtomicFile(path: "/nonexistent-dir/x") }
    }

    func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    func removeDataset(_ root: String) {
        for k in 1...2 { unlink("\(root)/Norder=0/Dir=0/Npix=\(k).parquet") }
        unlink("\(root)/_metadata")
        unlink("\(root)/_common_metadata")
        rmdir("\(root)/Norder=0/Dir=0")
        rmdir("\(root)/Norder=0")
        rmdir(root)
    }
}

#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
