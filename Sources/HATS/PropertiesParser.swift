/// A one-pass reader of Java `.properties` text, returning one logical line's
/// key and value at a time (see ``JavaProperties`` for the rules).
struct PropertiesParser {
    private let scalars: [Unicode.Scalar]
    private let path: String?
    private var position = 0
    private var line = 1

    init(text: String, path: String?) {
        self.scalars = Array(text.unicodeScalars)
        self.path = path
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{0C}" }
    private static func isEOL(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Consumes one line terminator (`\n`, `\r` or `\r\n`) if there is one.
    private mutating func skipEOL() {
        guard let c = peek, PropertiesParser.isEOL(c) else { return }
        position += 1
        line += 1
        if c == "\r", peek == "\n" { position += 1 }
    }

    /// Skips blanks, and line terminators too unless `stopAtEOL`.
    private mutating func skipWhitespace(stopAtEOL: Bool) {
        while let c = peek {
            if PropertiesParser.isBlank(c) {
                position += 1
            } else if PropertiesParser.isEOL(c), !stopAtEOL {
                skipEOL()
            } else {
                return
            }
        }
    }

    private mutating func skipRestOfLine() {
        while let c = peek, !PropertiesParser.isEOL(c) { position += 1 }
        skipEOL()
    }

    /// The next key, value and key line, or `nil` at the end of the text.
    mutating func next() throws(HATSError) -> (String, String, Int)? {
        while true {
            skipWhitespace(stopAtEOL: false)
            guard let c = peek else { return nil }
            if c == "#" || c == "!" {
                skipRestOfLine()
                continue
            }
            let keyLine = line
            let key = try readKey()
            let value = try readValue()
            return (key, value, keyLine)
        }
    }

    private mutating func readKey() throws(HATSError) -> String {
        var key = String.UnicodeScalarView()
        while let c = peek {
            if c == "\\" {
                key.append(contentsOf: try readEscape().unicodeScalars)
                continue
            }
            if PropertiesParser.isBlank(c) || PropertiesParser.isEOL(c) || c == "=" || c == ":" { break }
            key.append(c)
            position += 1
        }
        return String(key)
    }

    private mutating func readValue() throws(HATSError) -> String {
        skipWhitespace(stopAtEOL: true)
        if let c = peek, c == "=" || c == ":" { position += 1 }
        skipWhitespace(stopAtEOL: true)
        var value = String.UnicodeScalarView()
        while let c = peek {
            if c == "\\" {
                value.append(contentsOf: try readEscape().unicodeScalars)
                continue
            }
            if PropertiesParser.isEOL(c) {
                skipEOL()
                break
            }
            value.append(c)
            position += 1
        }
        return String(value)
    }

    /// Reads the escape sequence at a backslash; a backslash before a line
    /// break joins the next line (without its leading blanks).
    private mutating func readEscape() throws(HATSError) -> String {
        position += 1
        guard let c = peek else { return "" }
        if PropertiesParser.isEOL(c) {
            skipEOL()
            skipWhitespace(stopAtEOL: true)
            return ""
        }
        position += 1
        switch c {
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "u": return try readUnicodeEscape()
        default: return String(c)
        }
    }

    private mutating func readHex4() throws(HATSError) -> UInt32 {
        guard position + 4 <= scalars.count else { throw badEscape("it is cut short by the end of the file") }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[position..<position + 4])
        guard let v = UInt32(text, radix: 16) else { throw badEscape("'\(text)' is not four hex digits") }
        position += 4
        return v
    }

    private mutating func readUnicodeEscape() throws(HATSError) -> String {
        let high = try readHex4()
        var code = high
        if (0xD800...0xDBFF).contains(high) {
            guard position + 2 <= scalars.count, scalars[position] == "\\", scalars[position + 1] == "u" else {
                throw badEscape("a high surrogate must be followed by a \\u low surrogate")
            }
            position += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw badEscape("expected a low surrogate") }
            code = 0x10000 + ((high & 0x3FF) << 10) + (low & 0x3FF)
        }
        guard let scalar = Unicode.Scalar(code) else { throw badEscape("U+\(String(code, radix: 16)) is not a character") }
        return String(scalar)
    }

    private func badEscape(_ why: String) -> HATSError {
        HATSError(.invalidProperty, path: path, "line \(line): invalid \\u escape: \(why)")
    }
}
