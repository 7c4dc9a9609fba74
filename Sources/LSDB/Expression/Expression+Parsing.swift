extension Expression {
    /// Parses a pandas `DataFrame.query` string.
    ///
    /// The grammar is Python's expression grammar restricted to what queries use, with pandas'
    /// rewrites: `&` and `|` mean `and` and `or` (with their low precedence), `~` and `not` are
    /// logical negation, chained comparisons (`5380 < teff < 7220`) mean each pair joined by
    /// `and`, and `x == [1, 2]` means `x in [1, 2]`. Names in backticks may contain any
    /// character but a backtick; `inf` and `Inf` are infinity.
    ///
    /// - Throws: ``QueryError/syntax(_:offset:token:)`` naming the offset and the token.
    public init(parsing query: String) throws(QueryError) {
        var parser = QueryParser(tokens: try QueryLexer.tokenize(query))
        self = try parser.parseQuery()
    }
}

/// A recursive-descent parser over the tokens of one query.
struct QueryParser {
    private let tokens: [QueryToken]
    private var index = 0

    /// A parsed operand: an expression, or a list of constants (valid only beside `in` or `==`).
    private enum Operand {
        case expression(Expression)
        case list([Literal], QueryToken)
    }

    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    private var current: QueryToken { tokens[index] }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private func isKeyword(_ word: String) -> Bool { current.kind == .name(word) }

    private func error(_ message: String, at token: QueryToken? = nil) -> QueryError {
        let token = token ?? current
        return .syntax(message, offset: token.offset, token: token.text)
    }

    private mutating func expect(_ symbol: String, _ message: String) throws(QueryError) {
        guard isSymbol(symbol) else { throw error(message) }
        index += 1
    }

    mutating func parseQuery() throws(QueryError) -> Expression {
        if current.kind == .end { throw error("empty query") }
        let result = try expression(parseOr())
        guard current.kind == .end else {
            if isSymbol("=") { throw error("assignment is not supported; use == to compare") }
            throw error("unexpected token after a complete expression")
        }
        return result
    }

    private func expression(_ operand: Operand) throws(QueryError) -> Expression {
        switch operand {
        case .expression(let e): return e
        case .list(_, let token): throw error("a list is allowed only after in, not in, == or !=", at: token)
        }
    }

    private mutating func parseOr() throws(QueryError) -> Operand {
        var left = try parseAnd()
        while isKeyword("or") || isSymbol("|") {
            index += 1
            let right = try expression(parseAnd())
            left = .expression(.or(try expression(left), right))
        }
        return left
    }

    private mutating func parseAnd() throws(QueryError) -> Operand {
        var left = try parseNot()
        while isKeyword("and") || isSymbol("&") {
            index += 1
            let right = try expression(parseNot())
            left = .expression(.and(try expression(left), right))
        }
        return left
    }

    private mutating func parseNot() throws(QueryError) -> Operand {
        if isKeyword("not") {
            index += 1
            return .expression(.not(try expression(parseNot())))
        }
        return try parseComparison()
    }

    /// The comparison operator at the current token, consuming it; `nil` when there is none.
    private mutating func comparisonOperator() -> (op: String, token: QueryToken)? {
        let token = current
        switch token.kind {
        case .symbol(let s) where ["==", "!=", "<", "<=", ">", ">="].contains(s):
            index += 1
            return (s, token)
        case .name("in"):
            index += 1
            return ("in", token)
        case .name("not") where tokens[index + 1].kind == .name("in"):
            index += 2
            return ("not in", token)
        default:
            return nil
        }
    }

    private mutating func parseComparison() throws(QueryError) -> Operand {
        let first = try parseArithmetic()
        if isKeyword("is") { throw error("'is' comparisons are not supported; use isna() or notna()") }
        var pairs: [Expression] = []
        var left = first
        while let (op, token) = comparisonOperator() {
            let right = try parseArithmetic()
            pairs.append(try comparison(op, left, right, token))
            left = right
        }
        guard var result = pairs.first else { return first }
        for next in pairs.dropFirst() { result = .and(result, next) }
        return .expression(result)
    }

    private func comparison(_ op: String, _ left: Operand, _ right: Operand, _ token: QueryToken) throws(QueryError) -> Expression {
        switch (op, left, right) {
        case ("in", .expression(let e), .list(let values, _)), ("==", .expression(let e), .list(let values, _)),
             ("==", .list(let values, _), .expression(let e)):
            return .membership(e, values, negated: false)
        case ("not in", .expression(let e), .list(let values, _)), ("!=", .expression(let e), .list(let values, _)),
             ("!=", .list(let values, _), .expression(let e)):
            return .membership(e, values, negated: true)
        case ("in", _, _), ("not in", _, _):
            throw error("'\(op)' needs a list or tuple of constants on its right", at: token)
        default:
            guard let comparison = ComparisonOperator(rawValue: op) else { throw error("unknown comparison", at: token) }
            return .comparison(comparison, try expression(left), try expression(right))
        }
    }

    private mutating func parseArithmetic() throws(QueryError) -> Operand {
        var left = try parseTerm()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            index += 1
            let right = try expression(parseTerm())
            left = .expression(.arithmetic(s == "+" ? .add : .subtract, try expression(left), right))
        }
        if case .symbol(let s) = current.kind, ["<<", ">>", "^", "@"].contains(s) {
            throw error("the operator \(s) is not supported")
        }
        return left
    }

    private mutating func parseTerm() throws(QueryError) -> Operand {
        var left = try parseFactor()
        while case .symbol(let s) = current.kind, let op = ArithmeticOperator(rawValue: s),
              [.multiply, .divide, .floorDivide, .modulo].contains(op) {
            index += 1
            let right = try expression(parseFactor())
            left = .expression(.arithmetic(op, try expression(left), right))
        }
        return left
    }

    private mutating func parseFactor() throws(QueryError) -> Operand {
        guard case .symbol(let s) = current.kind, s == "-" || s == "+" || s == "~" else { return try parsePower() }
        index += 1
        let operand = try expression(parseFactor())
        switch s {
        case "+": return .expression(operand)
        case "~": return .expression(.not(operand))
        default:
            switch operand {
            case .literal(.int(let v)) where v != .min: return .expression(.literal(.int(-v)))
            case .literal(.double(let v)): return .expression(.literal(.double(-v)))
            default: return .expression(.negate(operand))
            }
        }
    }

    private mutating func parsePower() throws(QueryError) -> Operand {
        let base = try parsePrimary()
        guard isSymbol("**") else { return base }
        index += 1
        let exponent = try expression(parseFactor())
        return .expression(.arithmetic(.power, try expression(base), exponent))
    }

    private mutating func parsePrimary() throws(QueryError) -> Operand {
        var operand = try parseAtom()
        while isSymbol(".") {
            index += 1
            guard case .name(let method) = current.kind else { throw error("expected a method name after '.'") }
            let methodToken = current
            index += 1
            let isNull: Bool
            switch method {
            case "isna", "isnull": isNull = true
            case "notna", "notnull": isNull = false
            default: throw error("unsupported attribute or method '\(method)'", at: methodToken)
            }
            guard isSymbol("(") else { throw error("expected '()' after \(method)") }
            index += 1
            try expect(")", "\(method)() takes no arguments")
            operand = .expression(.nullTest(try expression(operand), isNull: isNull))
        }
        if isSymbol("(") { throw error("function calls are not supported") }
        if isSymbol("[") { throw error("subscripts are not supported") }
        return operand
    }

    private mutating func parseAtom() throws(QueryError) -> Operand {
        let token = current
        switch token.kind {
        case .end:
            throw error("expected an operand")
        case .int(let v):
            index += 1
            return .expression(.literal(.int(v)))
        case .double(let v):
            index += 1
            return .expression(.literal(.double(v)))
        case .string(let s):
            index += 1
            if case .string = current.kind { throw error("adjacent string literals are not supported") }
            return .expression(.literal(.string(s)))
        case .quotedName(let name):
            index += 1
            return .expression(.column(name))
        case .name(let name):
            switch name {
            case "True", "False":
                index += 1
                return .expression(.literal(.bool(name == "True")))
            case "None":
                index += 1
                return .expression(.literal(.null))
            case "inf", "Inf":
                index += 1
                return .expression(.literal(.double(.infinity)))
            case _ where Expression.reservedWords.contains(name):
                throw error("expected an operand, found the keyword '\(name)'")
            default:
                index += 1
                return .expression(.column(name))
            }
        case .symbol("@"):
            throw error("local variables (@name) are not supported in queries")
        case .symbol("("):
            index += 1
            if isSymbol(")") {
                index += 1
                return .list([], token)
            }
            let first = try parseOr()
            if isSymbol(")") {
                index += 1
                return first
            }
            guard isSymbol(",") else { throw error("expected ')' or ','") }
            return .list(try listElements(first: first, closing: ")"), token)
        case .symbol("["):
            index += 1
            if isSymbol("]") {
                index += 1
                return .list([], token)
            }
            return .list(try listElements(first: try parseOr(), closing: "]"), token)
        default:
            throw error("expected an operand")
        }
    }

    /// The constants of a list or tuple whose first element has been parsed.
    private mutating func listElements(first: Operand, closing: String) throws(QueryError) -> [Literal] {
        var elements = [try constant(first)]
        while isSymbol(",") {
            index += 1
            if isSymbol(closing) { break }
            elements.append(try constant(parseOr()))
        }
        try expect(closing, "expected ',' or '\(closing)' in a list")
        return elements
    }

    private func constant(_ operand: Operand) throws(QueryError) -> Literal {
        guard case .expression(.literal(let value)) = operand else {
            throw error("list elements must be constants", at: tokens[index - 1])
        }
        return value
    }
}
