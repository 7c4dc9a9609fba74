import Foundation
import HEALPix

/// The file layout of a HATS catalog directory.
///
///     <catalog>/hats.properties, properties, partition_info.csv,
///               point_map.fits, skymap.fits, skymap.K.fits
///     <catalog>/dataset/_common_metadata, _metadata
///     <catalog>/dataset/Norder=K/Dir=D/Npix=N.parquet   (D = N / 10000 * 10000)
///     <catalog>/dataset/Norder=K/Dir=D/Npix=N/*.parquet  (when hats_npix_suffix is "/")
///
/// Paths are plain strings joined with `/`, so relative catalog paths stay relative.
public enum HATSPaths {
    /// `hats.properties`, the properties file readers try first.
    public static let propertiesFile = "hats.properties"
    /// `properties`, the older name (an identical copy in current catalogs).
    public static let legacyPropertiesFile = "properties"
    /// `collection.properties`, the marker of a collection directory.
    public static let collectionPropertiesFile = "collection.properties"
    /// `partition_info.csv`.
    public static let partitionInfoFile = "partition_info.csv"
    /// `point_map.fits`.
    public static let pointMapFile = "point_map.fits"
    /// `skymap.fits`.
    public static let skymapFile = "skymap.fits"
    /// `dataset`, the directory holding the parquet files.
    public static let datasetDirectory = "dataset"
    /// `_common_metadata`, the schema-only parquet file in `dataset/`.
    public static let commonMetadataFile = "_common_metadata"
    /// `_metadata`, the row-group summary parquet file in `dataset/`.
    public static let metadataFile = "_metadata"

    /// The `Dir=` number of a pixel: `(index / 10000) * 10000`.
    public static func directoryNumber(_ index: UInt64) -> UInt64 {
        index / 10_000 * 10_000
    }

    /// The data path of a partition: `dataset/Norder=K/Dir=D/Npix=N<suffix>`.
    ///
    /// - Parameters:
    ///   - catalogRoot: the catalog directory.
    ///   - pixel: the partition.
    ///   - suffix: `hats_npix_suffix`; `"/"` (or `"\"`) names the `Npix=N` directory
    ///     (returned without a trailing slash).
    public static func pixelFile(catalogRoot: String, pixel: HealpixPixel, suffix: String = ".parquet") -> String {
        let name = "Npix=\(pixel.index)" + (isDirectorySuffix(suffix) ? "" : suffix)
        return join(pixelDirectory(catalogRoot: catalogRoot, pixel: pixel), name)
    }

    /// The `dataset/Norder=K/Dir=D` directory holding a partition.
    public static func pixelDirectory(catalogRoot: String, pixel: HealpixPixel) -> String {
        join(catalogRoot, datasetDirectory, "Norder=\(pixel.order)", "Dir=\(directoryNumber(pixel.index))")
    }

    /// The parquet files holding a partition: the `Npix=N<suffix>` file, or for
    /// the directory layout the files in `Npix=N/`, sorted by name (names starting
    /// with `.` or `_` are skipped, as pyarrow skips them).
    ///
    /// - Throws: ``HATSError`` (`notFound`) when the file or directory is missing.
    public static func dataFiles(catalogRoot: String, pixel: HealpixPixel, suffix: String = ".parquet") throws(HATSError) -> [String] {
        let path = pixelFile(catalogRoot: catalogRoot, pixel: pixel, suffix: suffix)
        guard isDirectorySuffix(suffix) else {
            guard FileIO.isFile(path) else { throw .notFound(path, "no data file for partition \(pixel)") }
            return [path]
        }
        guard FileIO.isDirectory(path) else { throw .notFound(path, "no data directory for partition \(pixel)") }
        return FileIO.contents(of: path)
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }
            .map { join(path, $0) }
            .filter(FileIO.isFile)
    }

    /// Whether a `hats_npix_suffix` means "one directory per partition".
    public static func isDirectorySuffix(_ suffix: String) -> Bool {
        suffix == "/" || suffix == "\\"
    }

    /// The partition named by a path, as hats' `get_healpix_from_path` reads it:
    /// the digits after the last `Norder=` followed by a later `Npix=`, after
    /// decoding `%XX` escapes. `nil` when there is no such pair or the pixel is invalid.
    public static func pixel(fromPath path: String) -> HealpixPixel? {
        let text = path.removingPercentEncodingIfPossible()
        guard let npix = text.range(of: "Npix=", options: .backwards),
              let norder = text[..<npix.lowerBound].range(of: "Norder=", options: .backwards)
        else { return nil }
        let orderDigits = text[norder.upperBound...].prefix(while: \.isASCIIDigit)
        let pixelDigits = text[npix.upperBound...].prefix(while: \.isASCIIDigit)
        guard let order = Int(orderDigits), let index = UInt64(pixelDigits) else { return nil }
        return try? HealpixPixel(validatingOrder: order, index: index)
    }

    /// Joins path components with `/`, ignoring empty ones and doubled separators.
    public static func join(_ first: String, _ rest: String...) -> String {
        var out = first
        for part in rest where !part.isEmpty {
            if part.hasPrefix("/") { out = part; continue }
            if !out.isEmpty, !out.hasSuffix("/") { out += "/" }
            out += part
        }
        return out
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func removingPercentEncodingIfPossible() -> String {
        contains("%") ? (removingPercentEncoding ?? self) : self
    }
}
