import Foundation

/// An output directory written atomically: everything goes into a temporary
/// sibling (`.<name>.writing-…`), which replaces the target only on ``commit()``.
///
/// A failure or an interrupt leaves the target as it was (plus, at worst, a hidden
/// temporary directory), never a partial catalog under the target's name.
///
///     let staging = try StagingDirectory(target: "out/gaia", overwrite: false)
///     // … write into staging.path …
///     try staging.commit()
public struct StagingDirectory: Sendable {
    /// The final directory.
    public let target: String
    /// The temporary sibling being written.
    public let path: String
    /// Whether an existing target is replaced.
    public let overwrite: Bool

    /// Checks the target and creates the temporary sibling.
    ///
    /// - Throws: ``HATSError`` (`invalidArgument`) when the target exists, is not an empty
    ///   directory and `overwrite` is false; (`io`) when the sibling cannot be created.
    public init(target: String, overwrite: Bool) throws(HATSError) {
        let url = URL(fileURLWithPath: target).standardizedFileURL
        self.target = url.path
        self.overwrite = overwrite
        if FileIO.exists(target), !overwrite {
            guard FileIO.isDirectory(target), FileIO.contents(of: target).isEmpty else {
                throw HATSError(.invalidArgument, path: target,
                                "the output already exists and is not empty; set overwrite to replace it")
            }
        }
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        self.path = HATSPaths.join(parent, ".\(name).writing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw HATSError(.io, path: path, "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    /// Moves the finished directory into place, replacing the target when allowed.
    public func commit() throws(HATSError) {
        let old = path.replacingOccurrences(of: ".writing-", with: ".replaced-")
        var moved = false
        if FileIO.exists(target) {
            if !overwrite, !(FileIO.isDirectory(target) && FileIO.contents(of: target).isEmpty) {
                discard()
                throw HATSError(.invalidArgument, path: target, "the output appeared while it was being written")
            }
            guard rename(target, old) == 0 else {
                throw HATSError(.io, path: target, "cannot move the existing output aside: \(String(cString: strerror(errno)))")
            }
            moved = true
        }
        guard rename(path, target) == 0 else {
            let message = String(cString: strerror(errno))
            if moved { _ = rename(old, target) }
            throw HATSError(.io, path: target, "cannot move the new output into place: \(message)")
        }
        if moved { try? FileManager.default.removeItem(atPath: old) }
    }

    /// Removes the temporary directory (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
