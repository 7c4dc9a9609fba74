import Foundation
import LSDB
import Synchronization

/// A one-line progress bar on stderr: partitions done of total, rows, elapsed time.
/// Redrawn at most ten times a second, and finished with a newline.
final class ProgressBar: Sendable {
    private let label: String
    private let state = Mutex<(lastDraw: Double, drawn: Bool)>((-1, false))

    private init(label: String) { self.label = label }

    /// A bar when stderr is a terminal, `nil` otherwise.
    static func onTerminal(label: String) -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar(label: label) : nil
    }

    /// Redraws the bar (throttled), and ends the line when all partitions are done.
    func update(_ progress: ExecutionProgress) {
        let finished = progress.partitionsDone == progress.partitionsTotal
        let draw = state.withLock { state -> Bool in
            guard finished || progress.elapsedSeconds - state.lastDraw >= 0.1 else { return false }
            state.lastDraw = progress.elapsedSeconds
            state.drawn = true
            return true
        }
        guard draw else { return }
        let width = 30
        let filled = progress.partitionsTotal == 0 ? width : width * progress.partitionsDone / progress.partitionsTotal
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r\(label) [\(bar)] \(progress.partitionsDone)/\(progress.partitionsTotal) partitions, "
            + "\(progress.rows) rows, \(String(format: "%.1f", progress.elapsedSeconds)) s"
        FileHandle.standardError.write(Data((line + (finished ? "\n" : "")).utf8))
    }
}
