import ArgumentParser

/// `lsdb healpix`: the HEALPix core for scripts and debugging.
struct HealpixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healpix",
        abstract: "HEALPix (nested) tools: hash positions and list cone coverage.",
        subcommands: [HealpixHashCommand.self, HealpixConeCommand.self]
    )
}
