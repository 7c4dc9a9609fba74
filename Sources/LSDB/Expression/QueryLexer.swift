/// One token of a query string.
struct QueryToken: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// A bare identifier or keyword.
        case name(String)
        /// A backtick-quoted column name.
        case quotedName(String)
        /// An integer literal.
        case int(Int64)
        /// A floating-point literal.
        case double(Double)
        /// A quoted string literal, unescaped.
        case string(String)
        /// An operator or punctuation: `(`, `**`, `<=`, `&`…
        case symbol(String)
        /// The end of the input.
        case end
    }

    let kind: Kind
    /// The token as written.
    let text: String
    /// Unicode scalars from the start of the query to the token.
    let offset: Int
}

/// Splits a query string into tokens, as Python's tokenizer does for the subset pandas accepts.
struct QueryLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ query: String) {
        scalars = Array(query.unicodeScalars)
    }

    /// All tokens, ending with ``QueryToken/Kind/end``.
    static func tokenize(_ query: String) throws(QueryError) -> [QueryToken] {
        var lexer = QueryLexer(query)
        var tokens: [QueryToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isXIDStart
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isXIDContinue
    }

    private static let symbols = ["**", "//", "==", "!=", "<=", ">=", "<<", ">>",
                                  "(", ")", "[", "]", ",", ".", "+", "-", "*", "/", "%", "~", "&", "|",
                                  "^", "<", ">", "=", "@", ":", "!"]

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func text(_ start: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<position])
        return String(s)
    }

    private func error(_ message: String, at start: Int, length: Int = 1) -> QueryError {
        let end = min(start + max(length, 1), scalars.count)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[min(start, scalars.count)..<end])
        return .syntax(message, offset: start, token: String(s))
    }

    private mutating func next() throws(QueryError) -> QueryToken {
        while let s = peek(), s == " " || s == "\t" || s == "\n" || s == "\r" { position += 1 }
        let start = position
        guard let s = peek() else { return QueryToken(kind: .end, text: "", offset: start) }
        if QueryLexer.isIdentifierStart(s) {
            while let c = peek(), QueryLexer.isIdentifierContinue(c) { position += 1 }
            let word = text(start)
            if let quote = peek(), quote == "'" || quote == "\"" {
                throw error("string prefixes such as \(word)'…' are not supported", at: start, length: position - start + 1)
            }
            return QueryToken(kind: .name(word), text: word, offset: start)
        }
        if s == "`" {
            position += 1
            while let c = peek(), c != "`" { position += 1 }
            guard peek() != nil else { throw error("unterminated backtick-quoted name", at: start, length: position - start) }
            position += 1
            let quoted = text(start)
            let name = String(quoted.dropFirst().dropLast())
            guard !name.isEmpty else { throw error("empty backtick-quoted name", at: start, length: 2) }
            return QueryToken(kind: .quotedName(name), text: quoted, offset: start)
        }
        if s == "'" || s == "\"" { return try string(quote: s) }
        if ("0"..."9").contains(s) || (s == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
            return try number()
        }
        for symbol in QueryLexer.symbols {
            let parts = Array(symbol.unicodeScalars)
            if (0..<parts.count).allSatisfy({ peek($0) == parts[$0] }) {
                position += parts.count
                return QueryToken(kind: .symbol(symbol), text: symbol, offset: start)
            }
        }
        throw error("unexpected character", at: start)
    }

    private mutating func string(quote: Unicode.Scalar) throws(QueryError) -> QueryToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek(), c != "\n" else {
                throw error("unterminated string", at: start, length: position - start)
            }
            position += 1
            if c == quote { break }
            guard c == "\\" else { value.append(c); continue }
            guard let escaped = peek() else { throw error("unterminated string", at: start, length: position - start) }
            position += 1
            switch escaped {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            case "\\", "'", "\"": value.append(escaped)
            case "x", "u", "U":
                let width = escaped == "x" ? 2 : escaped == "u" ? 4 : 8
                var code: UInt32 = 0
                for _ in 0..<width {
                    guard let h = peek(), let digit = QueryLexer.hexValue(h) else {
                        throw error("bad \\\(escaped) escape in string", at: position - 2, length: 2)
                    }
                    code = code * 16 + digit
                    position += 1
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw error("bad \\\(escaped) escape in string", at: position - width - 2, length: width + 2)
                }
                value.append(scalar)
            default:
                value.append("\\")
                value.append(escaped)
            }
        }
        return QueryToken(kind: .string(String(value)), text: text(start), offset: start)
    }

    private static func hexValue(_ s: Unicode.Scalar) -> UInt32? {
        switch s {
        case "0"..."9": s.value - 48
        case "a"..."f": s.value - 87
        case "A"..."F": s.value - 55
        default: nil
        }
    }

    private mutating func digits(_ isDigit: (Unicode.Scalar) -> Bool) -> String {
        var out = ""
        while let c = peek() {
            if isDigit(c) {
                out.unicodeScalars.append(c)
            } else if c == "_", let n = peek(1), isDigit(n) {
                // Python allows one underscore between digits.
            } else {
                break
            }
            position += 1
        }
        return out
    }

    private mutating func number() throws(QueryError) -> QueryToken {
        let start = position
        let isDecimal: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        if peek() == "0", let base = peek(1), "xXoObB".unicodeScalars.contains(base) {
            position += 2
            let radix = base == "x" || base == "X" ? 16 : base == "o" || base == "O" ? 8 : 2
            let body = digits { QueryLexer.hexValue($0).map { $0 < radix } ?? false }
            guard !body.isEmpty, let value = Int64(body, radix: radix) else {
                throw error("invalid integer literal", at: start, length: position - start)
            }
            return try finishNumber(.int(value), start: start)
        }
        let whole = digits(isDecimal)
        var isFloat = false
        var literal = whole
        if peek() == "." {
            isFloat = true
            position += 1
            literal += "." + digits(isDecimal)
        }
        if let e = peek(), e == "e" || e == "E" {
            let save = position
            position += 1
            var exponent = "e"
            if let sign = peek(), sign == "+" || sign == "-" {
                exponent.unicodeScalars.append(sign)
                position += 1
            }
            let expDigits = digits(isDecimal)
            if expDigits.isEmpty {
                position = save
            } else {
                isFloat = true
                literal += exponent + expDigits
            }
        }
        if isFloat {
            guard let value = Double(literal.hasPrefix(".") ? "0" + literal : literal) else {
                throw error("invalid number", at: start, length: position - start)
            }
            return try finishNumber(.double(value), start: start)
        }
        if whole.count > 1, whole.hasPrefix("0"), whole.contains(where: { $0 != "0" }) {
            throw error("leading zeros in integer literals are not permitted", at: start, length: position - start)
        }
        guard let value = Int64(whole) else {
            throw error("integer literal does not fit in int64", at: start, length: position - start)
        }
        return try finishNumber(.int(value), start: start)
    }

    private func finishNumber(_ kind: QueryToken.Kind, start: Int) throws(QueryError) -> QueryToken {
        if let c = peek(), QueryLexer.isIdentifierContinue(c) {
            throw error(c == "j" || c == "J" ? "complex numbers are not supported" : "invalid number",
                        at: start, length: position - start + 1)
        }
        return QueryToken(kind: kind, text: text(start), offset: start)
    }
}
