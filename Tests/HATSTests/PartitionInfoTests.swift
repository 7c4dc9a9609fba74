import Foundation
import HEALPix
import Testing
@testable import HATS

@Suite("Partition info and paths")
struct PartitionInfoTests {
    @Test("partition_info.csv of the samples, sorted as hats sorts", arguments: PropertiesTests.samplePaths)
    func samples(path: String) throws {
        let expected = try HATSFixture.catalog(path)
        let info = try PartitionInfo.read(catalogDirectory: HATSFixture.sample(path))
        #expect(info.pixels == expected.pixels)
        #expect(info.highestOrder == expected.typed.extra["hats_order"].flatMap { Int($0) })
        let csvRows = expected.csv_rows.map { HealpixPixel(order: Int($0[0]), index: $0[1]) }
        #expect(PartitionInfo(pixels: csvRows).pixels == expected.pixels)
    }

    @Test("every partition's file exists where HATSPaths puts it", arguments: PropertiesTests.samplePaths)
    func pixelFilesExist(path: String) throws {
        let root = HATSFixture.sample(path)
        for pixel in try HATSFixture.catalog(path).pixels {
            let file = HATSPaths.pixelFile(catalogRoot: root, pixel: pixel)
            #expect(FileManager.default.fileExists(atPath: file), "\(file)")
            #expect(HATSPaths.pixel(fromPath: file) == pixel)
        }
    }

    @Test("breadth-first order is hats' order, not order-then-index")
    func breadthFirst() {
        let pixels = [(1, 47), (2, 66), (0, 1), (3, 5)].map { HealpixPixel(order: $0.0, index: UInt64($0.1)) }
        let sorted = PartitionInfo(pixels: pixels).pixels.map { "\($0.order)/\($0.index)" }
        #expect(sorted == ["3/5", "0/1", "2/66", "1/47"])
        #expect(PartitionInfo(pixels: pixels).csv() == "Norder,Npix\n3,5\n0,1\n2,66\n1,47\n")
    }

    @Test("columns are found by name; Dir and unknown columns are ignored; CRLF is accepted")
    func columnsByName() throws {
        let csv = "Dir,Npix,num_rows,Norder\r\n0,47,10,1\r\n0,66,3,2\r\n\r\n"
        let info = try PartitionInfo(csv: csv)
        #expect(info.pixels == [HealpixPixel(order: 2, index: 66), HealpixPixel(order: 1, index: 47)])
        #expect(try PartitionInfo(csv: "Norder,Npix\n").pixels.isEmpty)
    }

    @Test("malformed partition_info.csv names the line", arguments: [
        ("Norder,Npix\n1,47\n2,x\n", "line 3: Norder=2, Npix=x is not a valid HEALPix pixel"),
        ("Norder,Npix\n1,48\n", "line 2: Norder=1, Npix=48 is not a valid HEALPix pixel"),
        ("Norder,Npix\n1,4,7\n", "line 2: 3 fields where the header has 2"),
        ("order,pixel\n1,4\n", "line 1: header order,pixel lacks the Norder and Npix columns"),
        ("", "empty file: expected the header Norder,Npix"),
    ])
    func malformed(csv: String, message: String) {
        let error = hatsError { _ = try PartitionInfo(csv: csv, path: "p.csv") }
        #expect(error?.kind == .invalidPartitionInfo)
        #expect(error?.description == "p.csv: " + message)
    }

    @Test("without partition_info.csv, partitions are listed from dataset/", arguments: ["rubin", "ztf/ztf_10arcs"])
    func listingFallback(path: String) throws {
        let copy = try HATSFixture.copyOfSample(path)
        defer { HATSFixture.remove((copy as NSString).deletingLastPathComponent) }
        try FileManager.default.removeItem(atPath: copy + "/partition_info.csv")
        let info = try PartitionInfo.read(catalogDirectory: copy)
        #expect(info.pixels == (try HATSFixture.catalog(path)).pixels)
    }

    @Test("the listing handles the Npix-as-directory layout and ignores metadata files")
    func listingDirectoryLayout() throws {
        let root = try HATSFixture.temporaryDirectory()
        defer { HATSFixture.remove(root) }
        for file in [
            "dataset/Norder=1/Dir=0/Npix=44/part0.parquet", "dataset/Norder=1/Dir=0/Npix=44/part1.parquet",
            "dataset/Norder=8/Dir=20000/Npix=20605/Npix=20605.parquet", "dataset/Norder=0/Dir=0/Npix=3.parquet",
            "dataset/_metadata", "dataset/_common_metadata", "dataset/data_thumbnail.parquet", "dataset/README",
            "dataset/Norder=2/notes.txt",
        ] {
            try HATSFixture.write("", to: root + "/" + file)
        }
        let info = try PartitionInfo(listingCatalogDirectory: root)
        #expect(info.pixels.map { "\($0.order)/\($0.index)" } == ["8/20605", "0/3", "1/44"])
        let error = hatsError { _ = try PartitionInfo.read(catalogDirectory: root + "/dataset") }
        #expect(error?.kind == .notFound)

        try HATSFixture.write("", to: root + "/dataset/Norder=1/Dir=0/Npix=44/_SUCCESS")
        let files = try HATSPaths.dataFiles(catalogRoot: root, pixel: HealpixPixel(order: 1, index: 44), suffix: "/")
        #expect(files == ["part0.parquet", "part1.parquet"].map { root + "/dataset/Norder=1/Dir=0/Npix=44/" + $0 })
        #expect(try HATSPaths.dataFiles(catalogRoot: root, pixel: HealpixPixel(order: 0, index: 3))
                == [root + "/dataset/Norder=0/Dir=0/Npix=3.parquet"])
        let missing = hatsError { _ = try HATSPaths.dataFiles(catalogRoot: root, pixel: HealpixPixel(order: 0, index: 4)) }
        #expect(missing?.description == root + "/dataset/Norder=0/Dir=0/Npix=4.parquet: no data file for partition Order: 0, Pixel: 4")
    }

    @Test("partition_info.csv is written and read back")
    func writeAndRead() throws {
        let root = try HATSFixture.temporaryDirectory()
        defer { HATSFixture.remove(root) }
        let info = try PartitionInfo.read(catalogDirectory: HATSFixture.sample("rubin"))
        try info.write(toCatalogDirectory: root)
        #expect(try PartitionInfo.read(catalogDirectory: root) == info)
        #expect(try String(contentsOfFile: root + "/partition_info.csv", encoding: .utf8)
                == String(contentsOfFile: HATSFixture.sample("rubin/partition_info.csv"), encoding: .utf8))
    }

    @Test("HATSPaths: Dir numbers, suffixes and parsing paths back")
    func paths() {
        #expect(HATSPaths.pixelFile(catalogRoot: "cat", pixel: HealpixPixel(order: 0, index: 11))
                == "cat/dataset/Norder=0/Dir=0/Npix=11.parquet")
        #expect(HATSPaths.pixelFile(catalogRoot: "cat/", pixel: HealpixPixel(order: 9, index: 123_456), suffix: ".parq")
                == "cat/dataset/Norder=9/Dir=120000/Npix=123456.parq")
        #expect(HATSPaths.pixelFile(catalogRoot: "cat", pixel: HealpixPixel(order: 8, index: 20605), suffix: "/")
                == "cat/dataset/Norder=8/Dir=20000/Npix=20605")
        #expect(HATSPaths.directoryNumber(9_999) == 0)
        #expect(HATSPaths.pixel(fromPath: "s3://b/c/dataset/Norder%3D3/Dir%3D0/Npix%3D17.parquet")
                == HealpixPixel(order: 3, index: 17))
        #expect(HATSPaths.pixel(fromPath: "dataset/Norder=1/Dir=0/Npix=44/part0.parquet") == HealpixPixel(order: 1, index: 44))
        #expect(HATSPaths.pixel(fromPath: "dataset/_metadata") == nil)
        #expect(HATSPaths.pixel(fromPath: "Norder=0/Npix=12.parquet") == nil)
    }
}
