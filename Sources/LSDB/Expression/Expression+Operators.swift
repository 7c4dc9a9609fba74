/// Exponentiation, binding tighter than multiplication and grouping to the right (`2 ** 3 ** 2`
/// is `2 ** 9`), as in Python.
precedencegroup ExpressionExponentiationPrecedence {
    associativity: right
    higherThan: MultiplicationPrecedence
}

/// Raises the left operand to the power of the right one.
infix operator ** : ExpressionExponentiationPrecedence

/// Compares two expressions for equality, giving an expression (`==` itself compares trees).
infix operator .== : ComparisonPrecedence

/// Compares two expressions for inequality, giving an expression.
infix operator .!= : ComparisonPrecedence

/// The typed Swift API: operators build trees, literals become constants.
///
///     let cut = Expression.column("teff") > 5380 && .column("logg") < 4.72
///     let band = .column("mag") ** 2 .== 4 || !.column("flag")
///
/// `==` and `!=` compare expression trees (``Expression`` is `Hashable`), so equality inside a
/// query is spelled `.==` and `.!=`, or ``equals(_:)`` and ``notEquals(_:)``.
extension Expression {
    /// `lhs + rhs`.
    public static func + (lhs: Expression, rhs: Expression) -> Expression { .arithmetic(.add, lhs, rhs) }
    /// `lhs - rhs`.
    public static func - (lhs: Expression, rhs: Expression) -> Expression { .arithmetic(.subtract, lhs, rhs) }
    /// `lhs * rhs`.
    public static func * (lhs: Expression, rhs: Expression) -> Expression { .arithmetic(.multiply, lhs, rhs) }
    /// True division `lhs / rhs` (always floating point).
    public static func / (lhs: Expression, rhs: Expression) -> Expression { .arithmetic(.divide, lhs, rhs) }
    /// Python's remainder `lhs % rhs`, with the sign of `rhs`.
    public static func % (lhs: Expression, rhs: Expression) -> Expression { .arithmetic(.modulo, lhs, rhs) }
    /// `lhs ** rhs`.
    public static func ** (lhs: Expression, rhs: Expression) -> Expression { .arithmetic(.power, lhs, rhs) }
    /// Arithmetic negation.
    public static prefix func - (operand: Expression) -> Expression { .negate(operand) }

    /// Floor division `self // divisor`, rounding toward negative infinity.
    public func floorDivided(by divisor: Expression) -> Expression { .arithmetic(.floorDivide, self, divisor) }

    /// `lhs < rhs`.
    public static func < (lhs: Expression, rhs: Expression) -> Expression { .comparison(.less, lhs, rhs) }
    /// `lhs <= rhs`.
    public static func <= (lhs: Expression, rhs: Expression) -> Expression { .comparison(.lessOrEqual, lhs, rhs) }
    /// `lhs > rhs`.
    public static func > (lhs: Expression, rhs: Expression) -> Expression { .comparison(.greater, lhs, rhs) }
    /// `lhs >= rhs`.
    public static func >= (lhs: Expression, rhs: Expression) -> Expression { .comparison(.greaterOrEqual, lhs, rhs) }
    /// `lhs == rhs` as a query comparison.
    public static func .== (lhs: Expression, rhs: Expression) -> Expression { .comparison(.equal, lhs, rhs) }
    /// `lhs != rhs` as a query comparison.
    public static func .!= (lhs: Expression, rhs: Expression) -> Expression { .comparison(.notEqual, lhs, rhs) }

    /// `self == other` as a query comparison.
    public func equals(_ other: Expression) -> Expression { .comparison(.equal, self, other) }
    /// `self != other` as a query comparison.
    public func notEquals(_ other: Expression) -> Expression { .comparison(.notEqual, self, other) }

    /// Kleene `lhs and rhs`.
    public static func && (lhs: Expression, rhs: Expression) -> Expression { .and(lhs, rhs) }
    /// Kleene `lhs or rhs`.
    public static func || (lhs: Expression, rhs: Expression) -> Expression { .or(lhs, rhs) }
    /// Kleene `not operand`.
    public static prefix func ! (operand: Expression) -> Expression { .not(operand) }

    /// `self in values`.
    public func isIn(_ values: [Literal]) -> Expression { .membership(self, values, negated: false) }
    /// `self not in values`.
    public func isNotIn(_ values: [Literal]) -> Expression { .membership(self, values, negated: true) }
    /// `self.isna()`: whether the value is null (NaN is not).
    public func isNull() -> Expression { .nullTest(self, isNull: true) }
    /// `self.notna()`: whether the value is not null.
    public func isNotNull() -> Expression { .nullTest(self, isNull: false) }

    /// A 64-bit integer constant.
    public init(_ value: Int) { self = .literal(.int(Int64(value))) }
    /// A floating-point constant.
    public init(_ value: Double) { self = .literal(.double(value)) }
    /// A string constant (not a column name: use ``column(_:)`` for that).
    public init(_ value: String) { self = .literal(.string(value)) }
    /// A boolean constant.
    public init(_ value: Bool) { self = .literal(.bool(value)) }
    /// The null constant, `None`.
    public static var null: Expression { .literal(.null) }
}

extension Expression: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral
{
    /// An integer constant.
    public init(integerLiteral value: Int64) { self = .literal(.int(value)) }
    /// A floating-point constant.
    public init(floatLiteral value: Double) { self = .literal(.double(value)) }
    /// A string constant, not a column name.
    public init(stringLiteral value: String) { self = .literal(.string(value)) }
    /// A boolean constant.
    public init(booleanLiteral value: Bool) { self = .literal(.bool(value)) }
}

extension Literal: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    /// An integer constant.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A floating-point constant.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string constant.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A boolean constant.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `None`.
    public init(nilLiteral: ()) { self = .null }
}
