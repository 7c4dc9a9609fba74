import ArgumentParser
import Foundation
import HEALPix

/// `lsdb healpix cone`: the pixels a cone search prunes to, as sorted inclusive ranges.
struct HealpixConeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cone",
        abstract: "Print the pixels covering a cone at an order, one inclusive range per line.",
        discussion: """
            The coverage is cdshealpix's approximate cone coverage with a depth delta of 2, \
            as mocpy's MOC.from_cone and hats' partition pruning compute it. Each line is \
            `first-last`, or a single index.
            """
    )

    @Option(help: "The HEALPix order, 0 to 29.")
    var order: Int

    @Option(parsing: .unconditional, help: "Right ascension of the centre, degrees.")
    var ra: Double

    @Option(parsing: .unconditional, help: "Declination of the centre, degrees.")
    var dec: Double

    @Option(name: .customLong("radius-arcsec"), parsing: .unconditional, help: "Radius, arcseconds.")
    var radiusArcsec: Double

    func validate() throws {
        guard (0...Healpix.maxOrder).contains(order) else {
            throw ValidationError("--order must be in 0...29, not \(order)")
        }
        guard ra.isFinite else { throw ValidationError("--ra must be a finite number, not \(ra)") }
        guard (-90...90).contains(dec) else { throw ValidationError("--dec must be in [-90, 90], not \(dec)") }
        guard radiusArcsec >= 0, radiusArcsec <= 180 * 3600 else {
            throw ValidationError("--radius-arcsec must be in [0, 648000], not \(radiusArcsec)")
        }
    }

    func run() throws {
        let moc = MOC.cone(lon: ra, lat: dec, radiusArcsec: radiusArcsec, maxOrder: order)
        var out = ""
        for run in moc.pixelRanges(atOrder: order) {
            out += run.lowerBound == run.upperBound ? "\(run.lowerBound)\n" : "\(run.lowerBound)-\(run.upperBound)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
