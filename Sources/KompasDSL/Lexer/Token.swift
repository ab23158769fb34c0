/// One lexical token: its kind, its byte range and, for literals, its decoded value.
public struct Token: Sendable {
    public enum Kind: Sendable, Equatable {
        case identifier
        case variable
        case string
        case number
        case percent
        case date
        case leftBrace, rightBrace, leftBracket, rightBracket, leftParen, rightParen
        case comma, equals, semicolon, dot
        case plus, minus, star, slash
        case equalEqual, notEqual, less, lessEqual, greater, greaterEqual
        case newline
        case endOfFile
        /// Something the lexer could not read; it has already reported a diagnostic.
        case invalid
    }

    public enum Payload: Sendable {
        case none
        case text(String)
        case number(Double)
        case date(DateValue)
        /// A text with escapes or interpolations, in parts.
        case string([StringPart])
        /// A text that is one literal (most texts): no array to allocate per text.
        case plainString(String)

        /// The parts of a text token: `plainString` as one literal part (none when empty).
        public var stringParts: [StringPart]? {
            switch self {
            case .string(let parts): parts
            case .plainString(let text): text.isEmpty ? [] : [.literal(text)]
            default: nil
            }
        }
    }

    public let kind: Kind
    public let start: Int
    public let end: Int
    /// `var` only so that the parser can move a text out of its token window instead of copying it.
    public internal(set) var payload: Payload

    /// The identifier or variable name (without `$`).
    public var text: String {
        if case .text(let t) = payload { return t }
        return ""
    }
}

/// A piece of a string literal: literal text, or an interpolation to evaluate.
public enum StringPart: Sendable {
    case literal(String)
    /// `$naam` or `$naam.veld.veld`: the fields apply when the value has them, otherwise they are
    /// plain text (so "zie $site.nl" still reads naturally).
    case variable(name: String, fields: [String], start: Int, end: Int)
    /// `${ expressie }`: the byte range of the expression between the braces.
    case expression(start: Int, end: Int)
}

extension Token.Kind {
    /// How the kind is named in a Dutch diagnostic.
    public var dutchName: String {
        switch self {
        case .identifier: "een naam"
        case .variable: "een variabele"
        case .string: "een tekst"
        case .number: "een getal"
        case .percent: "een percentage"
        case .date: "een datum"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .leftBracket: "`[`"
        case .rightBracket: "`]`"
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .comma: "`,`"
        case .equals: "`=`"
        case .semicolon: "`;`"
        case .dot: "`.`"
        case .plus: "`+`"
        case .minus: "`-`"
        case .star: "`*`"
        case .slash: "`/`"
        case .equalEqual: "`==`"
        case .notEqual: "`!=`"
        case .less: "`<`"
        case .lessEqual: "`<=`"
        case .greater: "`>`"
        case .greaterEqual: "`>=`"
        case .newline: "het einde van de regel"
        case .endOfFile: "het einde van de tekst"
        case .invalid: "een onleesbaar teken"
        }
    }
}
