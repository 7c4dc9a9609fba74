import ArgumentParser
import Columnar
import Foundation

/// The `lsdb` command-line tool: a thin layer over the library.
///
/// Errors from the library are reported as one `error: …` line on stderr with exit status 1;
/// usage errors keep swift-argument-parser's message and exit with status 64.
@main
struct LSDBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsdb",
        abstract: "Work with HATS catalogs: inspect, search, crossmatch, import and plot.",
        subcommands: [InfoCommand.self, SelectCommand.self, CrossmatchCommand.self, ImportCommand.self, PlotCommand.self,
                      DemoCommand.self, HealpixCommand.self]
    )

    static func main() async {
        AllocatorPolicy.retainFreedMemory()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// A failure to report to the user as a single `error:` line (exit status 1).
struct CommandFailure: Error {
    /// The text after `error: `.
    var message: String

    init(_ message: String) { self.message = message }

    /// Wraps any library error, using its description as the message.
    init(_ error: any Error) { self.message = String(describing: error) }
}
