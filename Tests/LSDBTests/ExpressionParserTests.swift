import Testing
@testable import LSDB

@Suite struct ExpressionParserTests {
    private func parse(_ query: String) throws -> Expression { try Expression(parsing: query) }

    @Test func seedNotebookQuery() throws {
        let e = try parse("nobs_g_ztf > 50 and parallax_gaia > 0 and teff_gaia > 5380")
        let expected: Expression = .and(
            .and(.comparison(.greater, .column("nobs_g_ztf"), 50), .comparison(.greater, .column("parallax_gaia"), 0)),
            .comparison(.greater, .column("teff_gaia"), 5380))
        #expect(e == expected)
        #expect(e.referencedColumns == ["nobs_g_ztf", "parallax_gaia", "teff_gaia"])
        #expect(e.description == "nobs_g_ztf > 50 and parallax_gaia > 0 and teff_gaia > 5380")
    }

    @Test func chainedComparisonMeansAnd() throws {
        #expect(try parse("5380 < teff < 7220")
            == .and(.comparison(.less, 5380, .column("teff")), .comparison(.less, .column("teff"), 7220)))
        #expect(try parse("a < b <= c == d")
            == .and(.and(.comparison(.less, .column("a"), .column("b")), .comparison(.lessOrEqual, .column("b"), .column("c"))),
                    .comparison(.equal, .column("c"), .column("d"))))
    }

    @Test func arithmeticPrecedence() throws {
        #expect(try parse("a + b * c") == .arithmetic(.add, .column("a"), .arithmetic(.multiply, .column("b"), .column("c"))))
        #expect(try parse("a - b - c") == .arithmetic(.subtract, .arithmetic(.subtract, .column("a"), .column("b")), .column("c")))
        #expect(try parse("2 ** 3 ** 2") == .arithmetic(.power, 2, .arithmetic(.power, 3, 2)))
        #expect(try parse("-a ** 2") == .negate(.arithmetic(.power, .column("a"), 2)))
        #expect(try parse("a ** -1") == .arithmetic(.power, .column("a"), -1))
        #expect(try parse("-2 ** 2") == .negate(.arithmetic(.power, 2, 2)))
        #expect(try parse("(-2) ** 2") == .arithmetic(.power, -2, 2))
        #expect(try parse("a // b % c") == .arithmetic(.modulo, .arithmetic(.floorDivide, .column("a"), .column("b")), .column("c")))
        #expect(try parse("a / -b") == .arithmetic(.divide, .column("a"), .negate(.column("b"))))
        #expect(try parse("+a") == .column("a"))
    }

    @Test func logicalPrecedence() throws {
        let a = Expression.column("a"), b = Expression.column("b"), c = Expression.column("c")
        #expect(try parse("a or b and c") == .or(a, .and(b, c)))
        #expect(try parse("a | b & c") == .or(a, .and(b, c)))
        #expect(try parse("not a and b") == .and(.not(a), b))
        #expect(try parse("not a > 1") == .not(.comparison(.greater, a, 1)))
        #expect(try parse("~a > 1") == .comparison(.greater, .not(a), 1))
        #expect(try parse("a > 0 & b > 2") == .and(.comparison(.greater, a, 0), .comparison(.greater, b, 2)))
        #expect(try parse("~(a > 0) | not b") == .or(.not(.comparison(.greater, a, 0)), .not(b)))
        #expect(try parse("not not a") == .not(.not(a)))
    }

    @Test func literals() throws {
        #expect(try parse("x > 1e-3") == .comparison(.greater, .column("x"), .literal(.double(0.001))))
        #expect(try parse("x > .5") == .comparison(.greater, .column("x"), 0.5))
        #expect(try parse("x > 1.") == .comparison(.greater, .column("x"), 1.0))
        #expect(try parse("x > 1_000") == .comparison(.greater, .column("x"), 1000))
        #expect(try parse("x > 0x1F") == .comparison(.greater, .column("x"), 31))
        #expect(try parse("x > -inf") == .comparison(.greater, .column("x"), .literal(.double(-.infinity))))
        #expect(try parse("x == True") == .comparison(.equal, .column("x"), true))
        #expect(try parse("x == None") == .comparison(.equal, .column("x"), .null))
        #expect(try parse("s == 'it\\'s'") == .comparison(.equal, .column("s"), "it's"))
        #expect(try parse("s == \"d\\u00e9j\\xe0\"") == .comparison(.equal, .column("s"), "déjà"))
        #expect(try parse("`my col` > 0") == .comparison(.greater, .column("my col"), 0))
        #expect(try parse("`and` > 0") == .comparison(.greater, .column("and"), 0))
    }

    @Test func membershipLists() throws {
        let s = Expression.column("s")
        #expect(try parse("s in ['a', \"b\"]") == .membership(s, ["a", "b"], negated: false))
        #expect(try parse("s not in ('a',)") == .membership(s, ["a"], negated: true))
        #expect(try parse("s in [-1, 2.5, None, True]") == .membership(s, [-1, 2.5, nil, true], negated: false))
        #expect(try parse("s in []") == .membership(s, [], negated: false))
        #expect(try parse("s == [1, 2]") == .membership(s, [1, 2], negated: false))
        #expect(try parse("[1, 2] != s") == .membership(s, [1, 2], negated: true))
        #expect(try parse("a.isna() | b.notnull()") == .or(.nullTest(.column("a"), isNull: true), .nullTest(.column("b"), isNull: false)))
    }

    @Test(arguments: [
        ("a >", 3, ""),
        ("a = 1", 2, "="),
        ("(a > 0", 6, ""),
        ("a > 0)", 5, ")"),
        ("a >> 1", 2, ">>"),
        ("a in b", 2, "in"),
        ("a in (1)", 2, "in"),
        ("a in [b]", 6, "b"),
        ("[1, 2]", 0, "["),
        ("a is None", 2, "is"),
        ("a > 'open", 4, "'open"),
        ("a > 007", 4, "007"),
        ("a > 1j", 4, "1j"),
        ("`open > 1", 0, "`open > 1"),
        ("a.b > 1", 2, "b"),
        ("sin(a) > 0", 3, "("),
        ("a $ 1", 2, "$"),
        ("", 0, ""),
        ("a > 1 and", 9, ""),
        ("a > 99999999999999999999", 4, "99999999999999999999"),
        ("a > @limit", 4, "@"),
    ])
    func syntaxErrorsNameOffsetAndToken(_ query: String, _ offset: Int, _ token: String) {
        do {
            let e = try Expression(parsing: query)
            Issue.record("'\(query)' parsed as \(e)")
        } catch {
            guard case .syntax(_, let at, let found) = error else {
                Issue.record("'\(query)' gave \(error)")
                return
            }
            #expect(at == offset, "\(query): \(error)")
            #expect(found == token, "\(query): \(error)")
        }
    }

    @Test func syntaxErrorDescription() {
        #expect(throws: QueryError.syntax("assignment is not supported; use == to compare", offset: 2, token: "=")) {
            try Expression(parsing: "a = 1")
        }
        let error = QueryError.syntax("expected an operand", offset: 4, token: ")")
        #expect(error.description == "query syntax error at offset 4 (')'): expected an operand")
    }

    @Test(arguments: [
        "a > 1 and b < 2 or not c",
        "(a + b) * c ** 2 >= -d",
        "(-2) ** 2 == 4",
        "-a ** 2",
        "a - (b - c)",
        "a / (b * c)",
        "(a > 1) == (b < 2)",
        "`my col` + `and` > 0",
        "s in ['x', 'it\\'s'] or s.isna()",
        "(a + 1).notna()",
        "not (a or b)",
        "x > 1e-05",
        "x < -inf",
        "a ** (b ** c)",
        "(a ** b) ** c",
    ])
    func descriptionRoundTrips(_ query: String) throws {
        let e = try Expression(parsing: query)
        #expect(try Expression(parsing: e.description) == e, "\(query) → \(e)")
    }

    @Test func descriptionUsesMinimalParentheses() throws {
        #expect(try parse("(a + b) * c").description == "(a + b) * c")
        #expect(try parse("a + (b * c)").description == "a + b * c")
        #expect(try parse("((a > 1))").description == "a > 1")
        #expect(try parse("a or (b and c)").description == "a or b and c")
        #expect(try parse("(a or b) and c").description == "(a or b) and c")
        #expect(try parse("~(a > 1)").description == "not a > 1")
        #expect(try parse("`x y` in (1, 2)").description == "`x y` in [1, 2]")
        #expect(try parse("s == \"a\"").description == "s == 'a'")
    }
}
