import ArgumentParser

@main
struct LSDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsdb",
        abstract: "Work with HATS catalogs: inspect, search, crossmatch, import and plot."
    )
}
