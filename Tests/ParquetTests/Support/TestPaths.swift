import Foundation

/// Where the Parquet tests find their files and tools.
///
/// Paths derive from this source file's location (`#filePath`), so tests work from any working
/// directory; `Package.swift` excludes `Fixtures/` from the target, so nothing is bundled.
enum TestPaths {
    /// `Tests/ParquetTests/`.
    static let testsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support/
        .deletingLastPathComponent()   // ParquetTests/

    /// `Tests/ParquetTests/Fixtures/`, written by `Scripts/make_parquet_fixtures.py`.
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures", isDirectory: true)

    /// The repository root.
    static let repository = testsDirectory
        .deletingLastPathComponent()   // Tests/
        .deletingLastPathComponent()

    /// A script under `Scripts/`.
    static func script(_ name: String) -> URL {
        repository.appendingPathComponent("Scripts").appendingPathComponent(name)
    }

    /// Every fixture that has an `.expected.json` sidecar, as paths relative to ``fixtures``
    /// (`"types.parquet"`, `"dataset/_metadata"`), sorted. `Fixtures/reader/` is the reader's own.
    ///
    /// Setting `PARQUET_FIXTURES=a.parquet,b.parquet` narrows the list, to debug one file.
    static func fixtureNames() -> [String] {
        if let only = ProcessInfo.processInfo.environment["PARQUET_FIXTURES"], !only.isEmpty {
            return only.split(separator: ",").map(String.init).sorted()
        }
        let suffix = ".expected.json"
        let root = fixtures.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var names: [String] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(suffix), !relative.hasPrefix("reader/") else { continue }
            names.append(String(relative.dropLast(suffix.count)))
        }
        return names.sorted()
    }

    /// The fixture file `name` (relative to ``fixtures``).
    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The sidecar of the fixture `name`.
    static func expected(_ name: String) -> URL { fixtures.appendingPathComponent(name + ".expected.json") }
}

/// The project's Python (with pyarrow, pandas, DuckDB and polars) for interop tests.
enum TestPython {
    /// The interpreter: `$LSDB_PYTHON` (the Makefile sets it), else `<repo>/.venv/bin/python`;
    /// `nil` when neither exists.
    static func executable() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let path = env["LSDB_PYTHON"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        let venv = TestPaths.repository.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
    }

    /// Whether we run under CI (`CI=true`), where missing tools must fail tests, never skip them.
    static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }

    /// The result of running a script.
    struct Run {
        var status: Int32
        var output: String
    }

    /// Runs `python script arguments…` and returns its exit status and combined stdout+stderr.
    static func run(_ python: URL, script: URL, arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting: a full pipe would otherwise block the child.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
