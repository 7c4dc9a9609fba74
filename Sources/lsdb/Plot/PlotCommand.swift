import ArgumentParser
import Foundation
import LSDB
import LSDBPlot

/// `lsdb plot`: sky maps of catalogs and tables, written to PNG, SVG or PDF.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw sky maps: partitions, density, coverage, or a table's points.",
        discussion: """
            Maps are full-sky Mollweide projections centred on RA 0 (RA increasing to the \
            left), or a gnomonic field with --center RA,DEC --fov DEG. The output format \
            follows the extension of --output: .png, .svg or .pdf. Cones are drawn in the \
            walkthrough's styles, in order: red solid, red dashed, red dotted, orange solid, \
            orange dashed, orange dotted.
            """,
        subcommands: [PlotPixelsCommand.self, PlotDensityCommand.self, PlotCoverageCommand.self, PlotPointsCommand.self])
}

/// The options every `lsdb plot` command shares: output, title, view and overlays.
struct PlotOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The image to write: FILE.png, FILE.svg or FILE.pdf.", valueName: "FILE"))
    var output: String

    @Option(help: "The title above the map.")
    var title: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Centre the view here; with --fov, a gnomonic field, else a full-sky map centred on RA.", valueName: "RA,DEC"))
    var center: String?

    @Option(help: ArgumentHelp("The field of view in degrees (needs --center).", valueName: "DEG"))
    var fov: Double?

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Draw a cone's circle, with a legend label (repeatable).", valueName: "RA,DEC,RADIUS_ARCSEC[,LABEL]"))
    var cone: [String] = []

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Draw an RA/Dec box (repeatable; RA0 > RA1 wraps through RA 0).", valueName: "RA0,RA1,DEC0,DEC1[,LABEL]"))
    var box: [String] = []

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Draw a polygon with great-circle edges (repeatable).", valueName: "RA1,DEC1,RA2,DEC2,...[,LABEL]"))
    var polygon: [String] = []

    @Option(help: "PNG pixels per point (the figure is 1000×560 points full-sky).")
    var scale: Double = 2

    func validate() throws {
        guard PlotFormat(path: output) != nil else { throw ValidationError("--output must end in .png, .svg or .pdf") }
        guard scale > 0, scale <= 10 else { throw ValidationError("--scale must be in (0, 10]") }
        if let fov, !(fov > 0 && fov < 180) { throw ValidationError("--fov must be between 0 and 180 degrees") }
        if fov != nil, center == nil { throw ValidationError("--fov needs --center RA,DEC") }
        _ = try projection()
        _ = try overlays()
    }

    /// The projection the options ask for.
    func projection() throws -> SkyProjection {
        guard let center else { return .fullSky }
        let v = try SearchOptions.numbers(center, option: "--center", count: 2)
        guard abs(v[1]) <= 90 else { throw ValidationError("--center: Dec must be within ±90") }
        if let fov { return .gnomonic(ra: v[0], dec: v[1], fov: fov) }
        return .mollweide(centerRA: v[0])
    }

    /// The regions to draw, with their labels, in the order given (cones, boxes, polygons).
    func overlays() throws -> [(search: any Search, label: String?)] {
        var out: [(any Search, String?)] = []
        for text in cone {
            let (v, label) = try Self.numbersAndLabel(text, option: "--cone")
            guard v.count == 3 else { throw ValidationError("--cone takes RA,DEC,RADIUS_ARCSEC[,LABEL]") }
            out.append((ConeSearch(ra: v[0], dec: v[1], radiusArcsec: v[2]), label))
        }
        for text in box {
            let (v, label) = try Self.numbersAndLabel(text, option: "--box")
            guard v.count == 4 else { throw ValidationError("--box takes RA0,RA1,DEC0,DEC1[,LABEL]") }
            out.append((BoxSearch(ra: (v[0], v[1]), dec: (v[2], v[3])), label))
        }
        for text in polygon {
            let (v, label) = try Self.numbersAndLabel(text, option: "--polygon")
            guard v.count >= 6, v.count % 2 == 0 else { throw ValidationError("--polygon needs RA,DEC pairs for at least 3 vertices") }
            out.append((PolygonSearch(vertices: stride(from: 0, to: v.count, by: 2).map { (ra: v[$0], dec: v[$0 + 1]) }), label))
        }
        for (search, _) in out {
            do { try search.validate() } catch { throw ValidationError(String(describing: error)) }
        }
        return out
    }

    /// Leading numbers, then an optional label (the rest, commas included).
    static func numbersAndLabel(_ text: String, option: String) throws -> ([Double], String?) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var numbers: [Double] = []
        for (i, part) in parts.enumerated() {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)) else {
                guard !numbers.isEmpty else { throw ValidationError("\(option): '\(part)' is not a number") }
                return (numbers, parts[i...].joined(separator: ","))
            }
            guard value.isFinite else { throw ValidationError("\(option): '\(part)' is not a finite number") }
            numbers.append(value)
        }
        return (numbers, nil)
    }

    /// The walkthrough's styles for the n-th region: red, then orange; solid, dashed, dotted.
    static func style(_ n: Int) -> (PlotColor, LineStyle) {
        let styles: [LineStyle] = [.solid, .dashed, .dotted]
        return (n % 6 < 3 ? .red : .orange, styles[n % 3])
    }

    /// Adds the overlays and writes the figure.
    func finish(_ plot: SkyPlot) throws {
        var plot = plot
        if let title { plot.title = title }
        for (n, overlay) in try overlays().enumerated() {
            let (color, style) = Self.style(n)
            plot = try plot.overlay(search: overlay.search, color: color, style: style, lineWidth: 2.5, label: overlay.label)
        }
        try plot.write(to: output, scale: scale)
    }
}

/// Runs a plot command body, reporting library errors as one `error:` line.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ValidationError {
        throw error
    } catch let failure as CommandFailure {
        throw failure
    } catch {
        throw CommandFailure(error)
    }
}

/// `lsdb plot pixels`.
struct PlotPixelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pixels", abstract: "The partitions as HEALPix cells coloured by order.")

    @Argument(help: "The catalog, collection or .properties file.")
    var catalog: String

    @OptionGroup var plot: PlotOptions

    func run() throws {
        try reportingFailures {
            try plot.finish(try Catalog.open(catalog).plotPixels(projection: try plot.projection()))
        }
    }
}

/// `lsdb plot density`.
struct PlotDensityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "density", abstract: "Rows per square degree from the catalog's point map or skymap.")

    @Argument(help: "The catalog, collection or .properties file.")
    var catalog: String

    @Option(help: "Sum the map to this (coarser) HEALPix order.")
    var order: Int?

    @Flag(help: "A logarithmic colour scale.")
    var log = false

    @OptionGroup var plot: PlotOptions

    func validate() throws {
        if let order, !(0...29).contains(order) { throw ValidationError("--order must be between 0 and 29") }
    }

    func run() throws {
        try reportingFailures {
            try plot.finish(try Catalog.open(catalog).plotDensity(order: order, logarithmic: log, projection: try plot.projection()))
        }
    }
}

/// `lsdb plot coverage`.
struct PlotCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "The catalog's coverage (its MOC).")

    @Argument(help: "The catalog, collection or .properties file.")
    var catalog: String

    @OptionGroup var plot: PlotOptions

    func run() throws {
        try reportingFailures {
            try plot.finish(try Catalog.open(catalog).plotCoverage(projection: try plot.projection()))
        }
    }
}
