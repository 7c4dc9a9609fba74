/// An ordered list of key/value pairs in the Java `.properties` syntax, read and
/// written the way hats does it (with the `jproperties` package).
///
/// Reading follows the Java rules: `#` and `!` start comment lines; a key ends
/// at the first unescaped `=`, `:` or blank; blanks around the separator are
/// skipped, but trailing blanks belong to the value; a backslash escapes the
/// next character (`\t`, `\n`, `\r`, `\f`, `\uXXXX`, or the character itself),
/// and a backslash at the end of a line continues the value on the next line,
/// whose leading blanks are dropped. A repeated key keeps its first position
/// and its last value.
///
/// Writing follows hats: values are written raw (only line breaks, form feeds
/// and a leading blank are escaped), keys are fully escaped, and the file is
/// UTF-8 with one comment line first.
///
///     let p = try JavaProperties(parsing: "#HATS catalog\nhats_nrows = 42\n")
///     p["hats_nrows"]   // "42"
public struct JavaProperties: Hashable, Sendable {
    /// One property: its key, its unescaped value, and the 1-based line of its key.
    public struct Entry: Hashable, Sendable {
        /// The key, unescaped.
        public var key: String
        /// The value, unescaped, with trailing blanks kept.
        public var value: String
        /// The line where the key starts (0 for entries not read from a file).
        public var line: Int

        /// Creates an entry.
        public init(key: String, value: String, line: Int = 0) {
            self.key = key
            self.value = value
            self.line = line
        }

        /// Entries are equal when their keys and values are (the line is not compared).
        public static func == (a: Entry, b: Entry) -> Bool { a.key == b.key && a.value == b.value }

        /// Hashes the key and value.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(value)
        }
    }

    /// The properties, in file order (first occurrence of each key).
    public private(set) var entries: [Entry] = []

    /// Creates an empty list.
    public init() {}

    /// Creates a list from key/value pairs, in order; later duplicates replace earlier values.
    public init(_ pairs: [(String, String)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Parses properties text.
    ///
    /// - Parameter path: the file name used in error messages.
    /// - Throws: ``HATSError`` (`invalidProperty`) for a malformed `\u` escape,
    ///   naming the line.
    public init(parsing text: String, path: String? = nil) throws(HATSError) {
        var parser = PropertiesParser(text: text, path: path)
        while let (key, value, line) = try parser.next() {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                entries[i].value = value
            } else {
                entries.append(Entry(key: key, value: value, line: line))
            }
        }
    }

    /// The keys, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The value of a key; setting `nil` removes it, setting a new key appends it.
    public subscript(key: String) -> String? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            let i = entries.firstIndex(where: { $0.key == key })
            switch (i, newValue) {
            case (let i?, let v?): entries[i].value = v
            case (let i?, nil): entries.remove(at: i)
            case (nil, let v?): entries.append(Entry(key: key, value: v))
            case (nil, nil): break
            }
        }
    }

    /// The line where a key was read (0 if unknown).
    public func line(of key: String) -> Int {
        entries.first(where: { $0.key == key })?.line ?? 0
    }

    /// Serialises as hats does: `#<comment>` on the first line, then `key=value`
    /// lines in the given key order (keys absent from `order` follow in their own order).
    ///
    /// - Parameters:
    ///   - comment: the text of the first comment line, e.g. `HATS catalog`.
    ///   - order: keys to write first, in this order; absent keys are skipped.
    public func serialized(comment: String?, order: [String] = []) -> String {
        var out = ""
        if let comment { out += "#" + comment.replacingLineBreaks() + "\n" }
        var written = Set<String>()
        for key in order where !written.contains(key) {
            guard let value = self[key] else { continue }
            written.insert(key)
            out += JavaProperties.escapeKey(key) + "=" + JavaProperties.escapeValue(value) + "\n"
        }
        for entry in entries where !written.contains(entry.key) {
            out += JavaProperties.escapeKey(entry.key) + "=" + JavaProperties.escapeValue(entry.value) + "\n"
        }
        return out
    }

    /// Escapes a key as jproperties does: separators, comment marks, backslashes,
    /// blanks and line breaks are preceded by a backslash.
    static func escapeKey(_ key: String) -> String {
        var out = ""
        for c in key.unicodeScalars {
            switch c {
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\t": out += "\\t"
            case "#", "!", "=", ":", "\\", " ": out += "\\" + String(c)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escapes a value as hats writes it (raw): only line breaks, form feeds and
    /// one leading blank are escaped.
    static func escapeValue(_ value: String) -> String {
        var out = ""
        for (i, c) in value.unicodeScalars.enumerated() {
            switch c {
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case " " where i == 0: out += "\\ "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension String {
    /// Comment text with its line breaks turned into further comment lines.
    fileprivate func replacingLineBreaks() -> String {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: "\n#")
    }
}
