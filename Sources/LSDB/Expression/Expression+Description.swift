extension Expression: CustomStringConvertible {
    /// The expression as a pandas query string, with parentheses only where Python's precedence
    /// needs them. Parsing it gives back an equal expression (NaN literals print as `nan`, which
    /// pandas does not know).
    public var description: String { rendered }

    /// Python's binding strength of the node's outermost operator (higher binds tighter).
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .not: 3
        case .comparison, .membership: 4
        case .arithmetic(let op, _, _):
            switch op {
            case .add, .subtract: 5
            case .multiply, .divide, .floorDivide, .modulo: 6
            case .power: 8
            }
        case .negate: 7
        case .literal(let value): value.isNegativeNumber ? 7 : 9
        case .column, .nullTest: 9
        }
    }

    private var rendered: String {
        switch self {
        case .column(let name): return Expression.quotedName(name)
        case .literal(let value): return value.description
        case .negate(let e): return "-" + e.rendered(atLeast: 7)
        case .not(let e): return "not " + e.rendered(atLeast: 3)
        case .arithmetic(let op, let l, let r):
            let level = precedence
            if op == .power { return "\(l.rendered(atLeast: 9)) ** \(r.rendered(atLeast: 7))" }
            return "\(l.rendered(atLeast: level)) \(op.rawValue) \(r.rendered(atLeast: level + 1))"
        case .comparison(let op, let l, let r):
            return "\(l.rendered(atLeast: 5)) \(op.rawValue) \(r.rendered(atLeast: 5))"
        case .and(let l, let r): return "\(l.rendered(atLeast: 2)) and \(r.rendered(atLeast: 3))"
        case .or(let l, let r): return "\(l.rendered(atLeast: 1)) or \(r.rendered(atLeast: 2))"
        case .membership(let e, let values, let negated):
            let list = "[" + values.map(\.description).joined(separator: ", ") + "]"
            return "\(e.rendered(atLeast: 5)) \(negated ? "not in" : "in") \(list)"
        case .nullTest(let e, let isNull):
            return e.rendered(atLeast: 9) + (isNull ? ".isna()" : ".notna()")
        }
    }

    private func rendered(atLeast level: Int) -> String {
        precedence < level ? "(\(rendered))" : rendered
    }

    /// Words that cannot be bare column names in a query.
    static let reservedWords: Set<String> = [
        "and", "or", "not", "in", "is", "if", "else", "for", "lambda", "True", "False", "None", "inf", "Inf",
        "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "except",
        "finally", "from", "global", "import", "nonlocal", "pass", "raise", "return", "try", "while",
        "with", "yield",
    ]

    /// A column name as written in a query: bare when it is an identifier, else in backticks.
    static func quotedName(_ name: String) -> String {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), QueryLexer.isIdentifierStart(first) else { return "`\(name)`" }
        while let next = scalars.next() {
            if !QueryLexer.isIdentifierContinue(next) { return "`\(name)`" }
        }
        return reservedWords.contains(name) ? "`\(name)`" : name
    }
}

extension Literal: CustomStringConvertible {
    /// The constant as Python writes it: `5`, `2.5`, `1e-05`, `inf`, `'text'`, `True`, `None`.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v):
            if v.isNaN { return "nan" }
            if v.isInfinite { return v < 0 ? "-inf" : "inf" }
            return String(v)
        case .string(let s):
            var out = "'"
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "'"
        case .bool(let v): return v ? "True" : "False"
        case .null: return "None"
        }
    }

    /// Whether the literal prints with a leading minus sign.
    var isNegativeNumber: Bool {
        switch self {
        case .int(let v): v < 0
        case .double(let v): v < 0 || (v == 0 && v.sign == .minus)
        default: false
        }
    }
}
