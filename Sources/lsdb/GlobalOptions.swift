import ArgumentParser
import LSDB

/// Options every catalog command takes: the concurrency limit, a memory budget,
/// and how chatty to be.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The most partitions computed at once (default: all cores).")
    var threads: Int?

    @Option(name: .customLong("memory-limit"),
            help: "A soft memory budget for partitions in flight, e.g. 2G, 512M or a number of bytes.")
    var memoryLimit: String?

    @Flag(help: "Print no warnings and no progress.")
    var quiet = false

    @Flag(name: .customLong("no-progress"), help: "Show no progress bar.")
    var noProgress = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
        if let memoryLimit, Self.parseSize(memoryLimit) == nil {
            throw ValidationError("--memory-limit must be a size such as 2G, 512M or 1000000, not '\(memoryLimit)'")
        }
    }

    /// Execution options, with a progress bar on a terminal unless disabled.
    func executionOptions(label: String) -> ExecutionOptions {
        let bar = quiet || noProgress ? nil : ProgressBar.onTerminal(label: label)
        var options = ExecutionOptions(concurrency: threads, memoryLimit: memoryLimit.flatMap(Self.parseSize))
        if let bar {
            options.progress = { @Sendable progress in bar.update(progress) }
        }
        return options
    }

    /// `2G`, `512M`, `64K`, `1.5G` or a plain byte count.
    static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3),
                                         ("T", 1_099_511_627_776), ("G", 1_073_741_824), ("M", 1_048_576), ("K", 1024), ("B", 1)]
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count)), number > 0 else { return nil }
            return Int(number * scale)
        }
        guard let bytes = Int(trimmed), bytes > 0 else { return nil }
        return bytes
    }
}

import Foundation
