/// The syntax tree. Enums with associated values, no visitors (as in slox).

/// A parsed file or statement batch.
public struct Program: Sendable {
    public let file: SourceFile
    public let statements: [Statement]
}

public indirect enum Statement: Sendable {
    /// `naam argument* sleutel=waarde* { … }`
    case node(NodeSyntax)
    /// `laat naam = expressie`
    case assignment(name: String, nameSpan: SourceSpan, value: Expression, span: SourceSpan)
    /// `voor elk naam in expressie { … }`
    case forEach(variable: String, variableSpan: SourceSpan, sequence: Expression, body: [Statement], span: SourceSpan)
    /// `als expressie { … } anders als … { … } anders { … }`
    case conditional(branches: [(condition: Expression, body: [Statement])], otherwise: [Statement]?, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .node(let node): node.span
        case .assignment(_, _, _, let span), .forEach(_, _, _, _, let span), .conditional(_, _, let span): span
        }
    }
}

public struct NodeSyntax: Sendable {
    public let name: String
    public let nameSpan: SourceSpan
    public let arguments: [Expression]
    public let properties: [PropertySyntax]
    /// nil when the node has no block; an empty array for `{ }`.
    public let children: [Statement]?
    public let span: SourceSpan
}

public struct PropertySyntax: Sendable {
    public let key: String
    public let keySpan: SourceSpan
    public let value: Expression
}

public indirect enum Expression: Sendable {
    case literal(Value, SourceSpan)
    /// A string with interpolations.
    case interpolated([InterpolationPart], SourceSpan)
    case variable(String, SourceSpan)
    case list([Expression], SourceSpan)
    case unary(UnaryOperator, Expression, SourceSpan)
    case binary(BinaryOperator, Expression, Expression, SourceSpan)
    case field(Expression, name: String, nameSpan: SourceSpan, SourceSpan)
    case call(name: String, nameSpan: SourceSpan, arguments: [Expression], SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .literal(_, let s), .interpolated(_, let s), .variable(_, let s), .list(_, let s),
             .unary(_, _, let s), .binary(_, _, _, let s), .field(_, _, _, let s), .call(_, _, _, let s):
            s
        }
    }
}

public enum InterpolationPart: Sendable {
    case literal(String)
    case expression(Expression)
    /// `$naam.veld` inside a string: fields that the value does not have stay literal text.
    case variable(name: String, fields: [String], span: SourceSpan)
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "niet"
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "en", or = "of"
}
