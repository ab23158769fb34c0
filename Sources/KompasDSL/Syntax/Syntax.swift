/// The syntax tree. Enums with associated values, no visitors (as in slox).

/// A parsed file or statement batch.
public struct Program: Sendable {
    public let file: SourceFile
    public let statements: [Statement]

    /// A program of `statements` from `file` (one statement of `Parser.parseEach`, for one).
    public init(file: SourceFile, statements: [Statement]) {
        self.file = file
        self.statements = statements
    }
}

public enum Statement: Sendable {
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
    /// The node already evaluated, when nothing in it depends on variables or control flow (all of
    /// a content file, as a rule). The interpreter then hands it out as is; `arguments`,
    /// `properties` and `children` are left empty to save memory.
    public let constant: Node?

    init(name: String, nameSpan: SourceSpan, arguments: [Expression], properties: [PropertySyntax], children: [Statement]?,
         span: SourceSpan, constant: Node?) {
        self.name = name
        self.nameSpan = nameSpan
        self.arguments = arguments
        self.properties = properties
        self.children = children
        self.span = span
        self.constant = constant
    }

    /// A node that was parsed as constant.
    init(constant node: Node) {
        self.init(name: node.name, nameSpan: node.nameSpan, arguments: [], properties: [], children: node.hasBlock ? [] : nil,
                  span: node.span, constant: node)
    }
}

public struct PropertySyntax: Sendable {
    public let key: String
    public let keySpan: SourceSpan
    public let value: Expression
}

/// Only the recursive cases are `indirect`, so a literal costs no allocation of its own.
public enum Expression: Sendable {
    case literal(Value, SourceSpan)
    /// A string with interpolations.
    case interpolated([InterpolationPart], SourceSpan)
    case variable(String, SourceSpan)
    case list([Expression], SourceSpan)
    indirect case unary(UnaryOperator, Expression, SourceSpan)
    indirect case binary(BinaryOperator, Expression, Expression, SourceSpan)
    indirect case field(Expression, name: String, nameSpan: SourceSpan, SourceSpan)
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
