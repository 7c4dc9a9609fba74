import ArgumentParser
import Foundation
import HATS
import LSDB

/// `lsdb crossmatch`: nearest neighbours of LEFT's rows in RIGHT, printed or written.
struct CrossmatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossmatch",
        abstract: "Crossmatch two catalogs across the sky; print the pairs or write CSV or Parquet.",
        discussion: """
            Each LEFT row is paired with its nearest RIGHT rows strictly closer than the radius, \
            using RIGHT's margin cache (a collection's default margin, or --right-margin) for \
            matches across partition edges. Columns get the suffixes _<left name> and \
            _<right name> (or --suffixes); --where runs after the match and sees those names.
            """)

    @Argument(help: "The left catalog, collection or .properties file.")
    var left: String

    @Argument(help: "The right catalog, collection or .properties file.")
    var right: String

    @Option(name: .customLong("right-margin"), help: "The right catalog's margin cache (default: a collection's default margin).")
    var rightMargin: String?

    @Option(name: .customLong("radius-arcsec"), parsing: .unconditional, help: "The match radius, arcseconds.")
    var radiusArcsec: Double = 1

    @Option(name: .customLong("n-neighbors"), help: "The most neighbours per left row.")
    var nNeighbors: Int = 1

    @Option(name: .customLong("min-radius-arcsec"), parsing: .unconditional, help: "Skip neighbours this close or closer.")
    var minRadiusArcsec: Double = 0

    @Option(help: "inner (matched rows only) or left (every left row).")
    var how: String = "inner"

    @Option(name: .customLong("left-columns"), help: ArgumentHelp("Left columns to load.", valueName: "a,b,..."))
    var leftColumns: String?

    @Option(name: .customLong("right-columns"), help: ArgumentHelp("Right columns to load.", valueName: "c,d,..."))
    var rightColumns: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The left and right suffixes.", valueName: "_l,_r"))
    var suffixes: String?

    @Option(name: .customLong("suffix-method"), help: "all_columns or overlapping_columns.")
    var suffixMethod: String = SuffixMethod.allColumns.rawValue

    @Option(name: .customLong("where"), help: ArgumentHelp("A query on the result, with suffixed names.", valueName: "EXPR"))
    var expression: String?

    @OptionGroup var output: ResultOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard CrossmatchJoin(rawValue: how) != nil else { throw ValidationError("--how must be inner or left, not '\(how)'") }
        guard SuffixMethod(rawValue: suffixMethod) != nil else {
            throw ValidationError("--suffix-method must be all_columns or overlapping_columns")
        }
        if let suffixes, suffixes.split(separator: ",", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--suffixes takes two comma-separated suffixes, e.g. _l,_r")
        }
    }

    func run() async throws {
        do {
            let leftCatalog = try Catalog.open(left, columns: Self.columns(leftColumns), margin: .none)
            let rightCatalog = try Catalog.open(right, columns: Self.columns(rightColumns),
                                                margin: rightMargin.map { .path($0) } ?? .default)
            let pair = suffixes.map { text -> (left: String, right: String) in
                let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return (parts[0], parts[1])
            }
            var result = try leftCatalog.crossmatch(
                rightCatalog, radiusArcsec: radiusArcsec, nNeighbors: nNeighbors, minRadiusArcsec: minRadiusArcsec,
                how: CrossmatchJoin(rawValue: how)!, suffixes: pair, suffixMethod: SuffixMethod(rawValue: suffixMethod)!)
            if !global.quiet {
                for warning in result.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            }
            if let expression { result = try result.query(expression) }
            try await output.emit(result, options: global.executionOptions(label: "crossmatch"))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(error)
        }
    }

    static func columns(_ list: String?) -> Catalog.Columns {
        list.map { .names($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) } ?? .default
    }
}
