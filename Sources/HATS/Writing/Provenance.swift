import Foundation

/// The provenance keys hats writes into every properties file.
public enum Provenance {
    /// The `hats_builder` value of this implementation.
    public static let builder = "lsdb-swift v0.1.0, hats v1.0"
    /// hats' hard-coded `hats_release_date`.
    public static let releaseDate = "2025-08-22"
    /// hats' `hats_version`.
    public static let hatsVersion = "v1.0"

    /// A UTC date as hats formats `hats_creation_date` (`%Y-%m-%dT%H:%M%Z`, e.g. `2026-11-24T16:47UTC`).
    public static func creationDate(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm'UTC'"
        return formatter.string(from: date)
    }

    /// `(key, value)` pairs: builder, creation date, release date and version.
    public static func keys(date: Date = Date()) -> [(String, String)] {
        [(TableProperties.Key.builder, builder), (TableProperties.Key.creationDate, creationDate(date)),
         (TableProperties.Key.releaseDate, releaseDate), (TableProperties.Key.hatsVersion, hatsVersion)]
    }

    /// The size of a directory tree in KiB (hats' `hats_estsize`).
    public static func directorySizeKiB(_ path: String) -> Int {
        var total = 0
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            for case let name as String in enumerator {
                let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
                if (attributes?[.type] as? FileAttributeType) == .typeRegular {
                    total += (attributes?[.size] as? Int) ?? 0
                }
            }
        }
        return total / 1024
    }
}
