import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One input file of an import.
public struct ImportInput: Sendable, Hashable {
    /// The file's format.
    public enum Format: String, Sendable, Hashable {
        /// Comma-separated values with a header row.
        case csv
        /// Apache Parquet.
        case parquet
    }

    /// The path.
    public var path: String
    /// The format, from the extension.
    public var format: Format

    /// Expands paths, globs (`data/*.csv`) and directories (every `.csv`, `.csv.gz`-less,
    /// `.parquet` or `.pq` file inside, recursively) into input files, sorted within each argument.
    ///
    /// - Throws: ``LSDBError/invalidArgument(_:)`` for a path that matches nothing or a file of
    ///   another format.
    public static func expand(_ arguments: [String]) throws -> [ImportInput] {
        var inputs: [ImportInput] = []
        for argument in arguments {
            var paths: [String] = []
            if argument.contains(where: { "*?[".contains($0) }) {
                paths = glob(argument)
            } else {
                paths = [argument]
            }
            if paths.isEmpty { throw LSDBError.invalidArgument("\(argument): no file matches") }
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw LSDBError.invalidArgument("\(path): no such file or directory")
                }
                if isDirectory.boolValue {
                    let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                        .filter { format(of: $0) != nil && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                        .sorted()
                    if found.isEmpty { throw LSDBError.invalidArgument("\(path): no .csv or .parquet file inside") }
                    inputs += found.map { ImportInput(path: path + "/" + $0, format: format(of: $0)!) }
                } else {
                    guard let format = format(of: path) else {
                        throw LSDBError.invalidArgument("\(path): not a .csv or .parquet file")
                    }
                    inputs.append(ImportInput(path: path, format: format))
                }
            }
        }
        return inputs
    }

    static func format(of path: String) -> Format? {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".parquet") || lower.hasSuffix(".pq") || lower.hasSuffix(".parq") { return .parquet }
        return nil
    }

    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
