import Columnar

/// lsdb `from_dataframe`'s RA/Dec column detection (spec §7).
enum CoordinateColumns {
    /// Known aliases, matched in the first four columns.
    static let aliases: [String: [String]] = [
        "ra": ["ra", "ra_deg", "coord_ra", "raj2000", "ramean", "alpha_j2000", "right_ascension", "ra_obj", "objra"],
        "dec": ["dec", "dec_deg", "coord_dec", "dej2000", "decmean", "delta_j2000", "declination", "dec_obj", "objdec"],
    ]

    /// The one column matching `term` (`"ra"` or `"dec"`).
    ///
    /// - Throws: ``LSDBError/invalidArgument(_:)`` when no column or several match.
    static func find(_ term: String, descriptiveName: String, in names: [String]) throws -> String {
        let known = aliases[term] ?? [term]
        var matches: [String] = []
        for (position, name) in names.enumerated() {
            let lower = name.lowercased()
            if lower == term {
                matches.append(name)
            } else if position < 4 && (known.contains(lower) || looksLike(lower, known: known)) {
                matches.append(name)
            }
        }
        let hint = "You can supply ra/dec column names using the arguments `raColumn`, `decColumn`."
        if matches.isEmpty { throw LSDBError.invalidArgument("No \(descriptiveName) column found (required). \(hint)") }
        if matches.count > 1 {
            throw LSDBError.invalidArgument(
                "Found \(matches.count) possible \(descriptiveName) columns: \(matches.joined(separator: ", ")). \(hint)")
        }
        return matches[0]
    }

    /// The heuristic: a known prefix, or a known `_`-separated part, in a name that is
    /// not an error, sigma, deviation or variance column.
    static func looksLike(_ lower: String, known: [String]) -> Bool {
        if ["err", "sig", "std", "var"].contains(where: { lower.contains($0) }) { return false }
        if known.contains(where: { lower.hasPrefix($0) }) { return true }
        let parts = lower.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
            .split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        return parts.contains { known.contains($0) }
    }
}
