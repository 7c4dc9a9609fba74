/// Typed reading and writing of property values, as hats (pydantic) converts them.
///
/// Numbers and booleans are read after trimming blanks; lists are split on
/// blanks, commas, semicolons and line breaks, and an empty list is "absent".
/// Doubles are written in shortest round-trip form (`10.0`, `0.91146`), as
/// Python's `repr` writes them.
struct PropertyReader {
    let properties: JavaProperties
    let path: String?

    func string(_ key: String) -> String? {
        properties[key].map { $0.trimmingBlanks() }
    }

    func int(_ key: String) throws(HATSError) -> Int? {
        guard let raw = properties[key] else { return nil }
        guard let v = Int(raw.trimmingBlanks()) else {
            throw .property(path, key: key, value: raw, expected: "an integer")
        }
        return v
    }

    func double(_ key: String) throws(HATSError) -> Double? {
        guard let raw = properties[key] else { return nil }
        let text = raw.trimmingBlanks()
        guard !text.isEmpty, let v = Double(text) else {
            throw .property(path, key: key, value: raw, expected: "a number")
        }
        return v
    }

    func bool(_ key: String) throws(HATSError) -> Bool? {
        guard let raw = properties[key] else { return nil }
        switch raw.trimmingBlanks().lowercased() {
        case "true", "t", "yes", "y", "on", "1": return true
        case "false", "f", "no", "n", "off", "0": return false
        default: throw .property(path, key: key, value: raw, expected: "a boolean (True or False)")
        }
    }

    func list(_ key: String) -> [String]? {
        guard let raw = properties[key] else { return nil }
        let items = PropertyReader.splitList(raw)
        return items.isEmpty ? nil : items
    }

    /// A sorted list of distinct integers, as hats reads `hats_skymap_alt_orders`.
    func intList(_ key: String) throws(HATSError) -> [Int]? {
        guard let raw = properties[key] else { return nil }
        var values = Set<Int>()
        for item in PropertyReader.splitList(raw) {
            guard let v = Int(item) else {
                throw .property(path, key: key, value: raw, expected: "integers separated by blanks")
            }
            values.insert(v)
        }
        return values.isEmpty ? nil : values.sorted()
    }

    static func splitList(_ raw: String) -> [String] {
        raw.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\n" }).map(String.init)
    }
}

/// Formatting of typed values for writing.
enum PropertyFormat {
    static func double(_ v: Double) -> String { v.description }
    static func bool(_ v: Bool) -> String { v ? "True" : "False" }
    static func list<T>(_ v: [T]) -> String? { v.isEmpty ? nil : v.map { "\($0)" }.joined(separator: " ") }
}

extension String {
    /// The string without leading and trailing blanks (space, tab, form feed, line breaks).
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0.isNewline }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
