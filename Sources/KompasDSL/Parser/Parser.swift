/// Recursive-descent parser for KompasDSL.
///
/// It recovers after an error by skipping to the end of the statement, so one run reports every
/// problem in a file. Nesting is bounded (`maxDepth`), so hostile input cannot exhaust the stack.
public struct Parser {
    public static let maxDepth = 200
    /// Operators in one expression (all its parentheses together): a left-deep chain of `+` is as
    /// deep a tree as it is long, and evaluating or releasing it recurses that deep.
    public static let maxOperators = 1000

    private let file: SourceFile
    private var lexer: Lexer
    /// A window on the token stream: `tokens[0]` is token number `base`. Tokens are pulled from
    /// the lexer as the parser moves on and dropped once it is past them.
    private var tokens: [Token] = []
    private var base = 0
    /// The absolute number of the current token. At least `lookahead` tokens past it are always
    /// in the window (or the end of the file is).
    private var index = 0 {
        didSet { ensure(index + Parser.lookahead) }
    }
    private static let lookahead = 2
    private static let chunk = 2048
    private var depth = 0
    private var operators = 0
    /// How many `(`, `[` or call parentheses are open: inside them line breaks are layout.
    private var layoutDepth = 0
    private var parserDiagnostics: [Diagnostic] = []
    /// Constant nodes of the blocks being parsed, innermost last (see `parseStatements`).
    private var pending: [Node] = []

    /// The lexer's and the parser's diagnostics, in reading order.
    public var diagnostics: [Diagnostic] {
        (lexer.diagnostics + parserDiagnostics).sortedBySource()
    }

    public init(file: SourceFile) {
        self.init(file: file, range: nil, depth: 0)
    }

    private init(file: SourceFile, range: Range<Int>?, depth: Int) {
        self.file = file
        self.lexer = Lexer(file: file, range: range)
        self.depth = depth
        ensure(Parser.lookahead)
    }

    /// Parses a whole file (or statement batch).
    public static func parse(_ file: SourceFile) -> (program: Program, diagnostics: [Diagnostic]) {
        var parser = Parser(file: file)
        let statements = parser.parseStatements(closedBy: nil)
        return (Program(file: file, statements: statements), parser.diagnostics)
    }

    /// Parses a whole file, handing each top-level statement to `body` as soon as it is read, in
    /// order; returns the diagnostics, as `parse` does. A content loader uses it to check and
    /// build each card while its nodes are still in the processor's cache, and to free them before
    /// the next card is read, instead of holding the tree of the whole file.
    public static func parseEach(_ file: SourceFile, _ body: (Statement) -> Void) -> [Diagnostic] {
        var parser = Parser(file: file)
        var none: [Node]? = nil
        // `emit` is optional, so formally escaping; it is only called during this parse.
        withoutActuallyEscaping(body) { body in
            _ = parser.parseStatements(closedBy: nil, constants: &none, emit: body)
        }
        return parser.diagnostics
    }

    /// Makes token number `absolute` available (unless the file ends before it).
    private mutating func ensure(_ absolute: Int) {
        while base + tokens.count <= absolute, !lexer.isFinished {
            // Keep one token behind the current one: `previousEnd` reads it.
            let keepFrom = index - 1 - base
            if keepFrom > Parser.chunk {
                tokens.removeFirst(keepFrom)
                base += keepFrom
            }
            lexer.lexChunk(into: &tokens, count: Parser.chunk)
        }
    }

    /// Token number `absolute`, which must be in the window; past the end it is the end of file.
    private func token(at absolute: Int) -> Token {
        let i = absolute - base
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    /// Whether the text ends inside an open block, list, parenthesis or text block: a shell asks for
    /// more input instead of reporting an error.
    public static func isIncomplete(_ file: SourceFile) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(file)
        if diagnostics.contains(where: { $0.summary.hasPrefix("tekstblok wordt niet afgesloten") }) { return true }
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: depth += 1
            case .rightBrace, .rightBracket, .rightParen: depth -= 1
            default: break
            }
        }
        return depth > 0
    }

    // MARK: - Token access

    private var current: Token { token(at: index) }
    /// Only the kind: reading it does not copy (and retain) the token's text.
    private var currentKind: Token.Kind { kind(at: index) }

    private func peekKind(_ offset: Int = 1) -> Token.Kind {
        kind(at: index + offset)
    }

    private func kind(at absolute: Int) -> Token.Kind {
        let i = absolute - base
        return i < tokens.count ? tokens[i].kind : .endOfFile
    }

    private mutating func advance() -> Token {
        let token = current
        if token.kind != .endOfFile { index += 1 }
        return token
    }

    private func span(_ token: Token) -> SourceSpan { SourceSpan(file: file, start: token.start, end: token.end) }
    private func span(from start: Int, to end: Int) -> SourceSpan { SourceSpan(file: file, start: start, end: end) }
    private var previousEnd: Int {
        guard index > 0 else { return 0 }
        let i = index - 1 - base
        // Only the end: reading it does not copy (and retain) the token's text.
        return i < tokens.count ? tokens[i].end : tokens[tokens.count - 1].end
    }

    private func isKeyword(_ token: Token, _ word: String) -> Bool {
        token.kind == .identifier && token.text == word
    }

    private mutating func error(_ summary: String, hint: String? = nil, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        parserDiagnostics.append(.error(summary, hint: hint, at: span, notes: notes))
    }

    private mutating func skipNewlines() {
        while currentKind == .newline || currentKind == .semicolon { index += 1 }
    }

    // MARK: - Statements

    /// Statements until `}` (when `closedBy` is the opening brace) or the end of the text.
    private mutating func parseStatements(closedBy opening: Token?) -> [Statement] {
        var none: [Node]? = nil
        return parseStatements(closedBy: opening, constants: &none)
    }

    /// As above; while `constants` is non-nil, constant nodes are collected there instead (the
    /// common case in content, which then needs no statement array at all). The first statement
    /// that is not constant turns the collected nodes back into statements and sets it to nil.
    ///
    /// The nodes are gathered on `pending`, one stack for all open blocks, and copied into an
    /// array of the right size when the block ends: one allocation per block instead of one per
    /// doubling of a growing array.
    ///
    /// With `emit`, statements that are not collected as constants go to it instead of into the
    /// array returned (`parseEach`).
    private mutating func parseStatements(closedBy opening: Token?, constants: inout [Node]?, emit: ((Statement) -> Void)? = nil) -> [Statement] {
        var statements: [Statement] = []
        let mark = pending.count
        var collecting = constants != nil
        defer {
            if collecting {
                constants = Array(pending[mark...])
                pending.removeSubrange(mark...)
            }
        }
        while true {
            skipNewlines()
            switch currentKind {
            case .endOfFile:
                if let opening {
                    error("blok wordt niet gesloten", hint: "zet een `}` aan het eind van het blok", at: span(opening),
                          notes: [.init("de tekst eindigt hier", span: span(current))])
                }
                return statements
            case .rightBrace:
                if opening != nil { return statements }
                error("losse `}` zonder bijbehorende `{`", hint: "haal deze `}` weg, of zoek de `{` die ontbreekt", at: span(current))
                index += 1
                continue
            default:
                break
            }
            // A node in a block of constant nodes (a content file): parsed straight into its
            // `Node`, without a statement around it.
            if collecting, currentKind == .identifier, !startsControlStatement {
                switch parseNodeOrConstant() {
                case .constant(let node)?:
                    pending.append(node)
                    if index == 0 || token(at: index - 1).kind != .rightBrace { expectEndOfStatement() }
                    continue
                case .syntax(let syntax)?:
                    statements = pending[mark...].map { .node(NodeSyntax(constant: $0)) }
                    pending.removeSubrange(mark...)
                    collecting = false
                    constants = nil
                    statements.append(.node(syntax))
                    if index == 0 || token(at: index - 1).kind != .rightBrace { expectEndOfStatement() }
                    continue
                case nil:
                    synchronize()
                    continue
                }
            }
            if let statement = parseStatement() {
                if collecting, case .node(let syntax) = statement, let constant = syntax.constant {
                    pending.append(constant)
                } else {
                    if collecting {
                        statements = pending[mark...].map { .node(NodeSyntax(constant: $0)) }
                        pending.removeSubrange(mark...)
                        collecting = false
                        constants = nil
                    }
                    if let emit { emit(statement) } else { statements.append(statement) }
                }
                // After a block's `}` the next statement may follow on the same line: `} stap … {`.
                if index == 0 || token(at: index - 1).kind != .rightBrace { expectEndOfStatement() }
            } else {
                synchronize()
            }
        }
    }

    private mutating func expectEndOfStatement() {
        switch currentKind {
        case .newline, .semicolon, .endOfFile, .rightBrace:
            return
        default:
            let token = current
            if token.kind != .invalid {
                error("onverwacht \(describe(token)) na het einde van de opdracht",
                      hint: "zet een nieuwe opdracht op een nieuwe regel; een blok opent met `{` op dezelfde regel", at: span(token))
            }
            synchronize()
        }
    }

    /// Skips to the end of the current statement: a newline or `;` outside nested brackets, or a `}`
    /// that closes the enclosing block (which is left for the caller).
    private mutating func synchronize() {
        var nesting = 0
        while true {
            switch currentKind {
            case .endOfFile:
                return
            case .newline, .semicolon:
                if nesting == 0 { return }
            case .leftBrace:
                nesting += 1
            case .rightBrace:
                if nesting == 0 { return }
                nesting -= 1
            default:
                break
            }
            index += 1
        }
    }

    /// Whether the current name starts `laat`, `voor elk` or `als` (only a name of three or four
    /// letters can).
    private var startsControlStatement: Bool {
        let i = index - base
        guard i < tokens.count, (3...4).contains(tokens[i].end - tokens[i].start) else { return false }
        switch tokens[i].text {
        case "laat", "voor", "als": return true
        default: return false
        }
    }

    private mutating func parseStatement() -> Statement? {
        let token = current
        switch token.kind {
        case .identifier where (3...4).contains(token.end - token.start):
            // `laat`, `voor`, `als`: only a name of that length can be one.
            switch token.text {
            case "laat" where peekKind() == .identifier || peekKind() == .variable:
                return parseAssignment()
            case "laat":
                error("na `laat` komt de naam van een variabele", hint: "schrijf bijvoorbeeld `laat aantal = 3`", at: span(self.token(at: index + 1)))
                return nil
            case "voor" where peekKind() == .identifier && self.token(at: index + 1).text == "elk":
                return parseForEach()
            case "als":
                return parseConditional()
            default:
                return parseNode().map(Statement.node)
            }
        case .identifier:
            return parseNode().map(Statement.node)
        case .invalid:
            return nil
        case .variable:
            error("een variabele kan geen opdracht zijn", hint: "geef een variabele een waarde met `laat \(token.text) = …`", at: span(token))
            return nil
        default:
            error("hier verwacht ik een opdracht, niet \(describe(token))", hint: "een regel begint met een naam, bijvoorbeeld `toon wmo`", at: span(token))
            return nil
        }
    }

    private mutating func parseAssignment() -> Statement? {
        let keyword = advance()
        let nameToken = advance()
        if nameToken.kind == .variable {
            error("schrijf de naam zonder `$` na `laat`", hint: "laat \(nameToken.text) = …", at: span(nameToken))
        } else if nameToken.text.contains(".") || nameToken.text.contains("-") {
            error("ongeldige variabelenaam `\(nameToken.text)`", hint: "gebruik letters, cijfers en `_`, bijvoorbeeld `aantal_jongeren`", at: span(nameToken))
            return nil
        }
        guard currentKind == .equals else {
            error("`=` ontbreekt na `laat \(nameToken.text)`", hint: "schrijf `laat \(nameToken.text) = waarde`", at: span(current))
            return nil
        }
        index += 1
        guard let value = parseExpression() else { return nil }
        return .assignment(name: nameToken.text, nameSpan: span(nameToken), value: value, span: span(from: keyword.start, to: previousEnd))
    }

    private mutating func parseForEach() -> Statement? {
        let keyword = advance()
        _ = advance() // elk
        guard currentKind == .identifier || currentKind == .variable else {
            error("naam van de lusvariabele ontbreekt", hint: "schrijf `voor elk x in [1, 2, 3] { … }`", at: span(current))
            return nil
        }
        let variable = advance()
        guard isKeyword(current, "in") else {
            error("`in` ontbreekt", hint: "schrijf `voor elk \(variable.text) in lijst { … }`", at: span(current))
            return nil
        }
        index += 1
        guard let sequence = parseExpression() else { return nil }
        guard let body = parseBlock(for: "voor elk") else { return nil }
        return .forEach(variable: variable.text, variableSpan: span(variable), sequence: sequence, body: body, span: span(from: keyword.start, to: previousEnd))
    }

    private mutating func parseConditional() -> Statement? {
        let keyword = advance()
        var branches: [(Expression, [Statement])] = []
        guard let condition = parseExpression() else { return nil }
        guard let body = parseBlock(for: "als") else { return nil }
        branches.append((condition, body))
        var otherwise: [Statement]?
        while true {
            // `anders` may stand after the `}` or on the next line.
            var look = index
            while token(at: look).kind == .newline {
                look += 1
                ensure(look)
            }
            guard isKeyword(token(at: look), "anders") else { break }
            index = look + 1
            if isKeyword(current, "als") {
                index += 1
                guard let condition = parseExpression(), let body = parseBlock(for: "anders als") else { return nil }
                branches.append((condition, body))
            } else {
                guard let body = parseBlock(for: "anders") else { return nil }
                otherwise = body
                break
            }
        }
        return .conditional(branches: branches, otherwise: otherwise, span: span(from: keyword.start, to: previousEnd))
    }

    private mutating func parseBlock(for construct: String) -> [Statement]? {
        guard currentKind == .leftBrace else {
            error("`{` ontbreekt na `\(construct)`", hint: "open het blok met `{` op dezelfde regel", at: span(current))
            return nil
        }
        return parseBraces()
    }

    /// At `{`: the statements up to the matching `}`.
    private mutating func parseBraces() -> [Statement]? {
        var none: [Node]? = nil
        return parseBraces(constants: &none)
    }

    private mutating func parseBraces(constants: inout [Node]?) -> [Statement]? {
        let opening = advance()
        guard depth < Parser.maxDepth else {
            error("te diep genest (meer dan \(Parser.maxDepth) niveaus)", hint: "maak de structuur platter", at: span(opening))
            skipBalanced()
            return nil
        }
        depth += 1
        let savedLayout = layoutDepth
        layoutDepth = 0
        defer {
            depth -= 1
            layoutDepth = savedLayout
        }
        let statements = parseStatements(closedBy: opening, constants: &constants)
        if currentKind == .rightBrace { index += 1 }
        return statements
    }

    /// After an opening `{` that is not parsed: skip to its matching `}` without recursion.
    private mutating func skipBalanced() {
        var nesting = 1
        while currentKind != .endOfFile {
            if currentKind == .leftBrace { nesting += 1 }
            if currentKind == .rightBrace {
                nesting -= 1
                if nesting == 0 { index += 1; return }
            }
            index += 1
        }
    }

    // MARK: - Nodes

    private enum ParsedNode {
        /// Every argument and property a literal and every child constant.
        case constant(Node)
        case syntax(NodeSyntax)
    }

    private mutating func parseNode() -> NodeSyntax? {
        switch parseNodeOrConstant() {
        case .constant(let node)?:
            return NodeSyntax(name: node.name, nameSpan: node.nameSpan, arguments: [], properties: [], children: node.hasBlock ? [] : nil,
                              span: node.span, constant: node)
        case .syntax(let syntax)?: return syntax
        case nil: return nil
        }
    }

    private mutating func parseNodeOrConstant() -> ParsedNode? {
        let nameToken = advance()
        // Literal arguments go straight into the shape a constant node keeps (one array, not two
        // per node); `arguments` is made only when one is not a literal.
        var literalArguments = Node.Arguments()
        var expressions: [Expression]?
        var properties: [PropertySyntax] = []
        var children: [Statement]?
        var constantChildren: [Node]? = []
        loop: while true {
            switch currentKind {
            case .newline, .semicolon, .endOfFile, .rightBrace:
                break loop
            case .leftBrace:
                guard let block = parseBraces(constants: &constantChildren) else { return nil }
                children = block
                break loop
            case .identifier where peekKind() == .equals:
                let key = advance()
                index += 1 // =
                if [.newline, .endOfFile, .semicolon, .rightBrace, .leftBrace].contains(currentKind) {
                    error("waarde ontbreekt na `\(key.text)=`", hint: "schrijf bijvoorbeeld `\(key.text)=\"…\"`", at: span(current))
                    return nil
                }
                guard let value = parseArgument() else { return nil }
                properties.append(PropertySyntax(key: key.text, keySpan: span(key), value: value))
            case .equals:
                error("`=` zonder naam ervoor", hint: "schrijf `sleutel=waarde` zonder spaties rond de naam", at: span(current))
                return nil
            default:
                // A plain text or a number (most arguments in content): straight into the node.
                if expressions == nil, let literal = plainLiteral() {
                    literalArguments.append(literal)
                    continue
                }
                guard let value = parseArgument() else { return nil }
                if expressions == nil, case .literal(let literal, let literalSpan) = value {
                    literalArguments.append(Node.Argument(value: literal, span: literalSpan))
                } else {
                    if expressions == nil { expressions = literalArguments.map { .literal($0.value, $0.span) } }
                    expressions!.append(value)
                }
            }
        }
        let nodeSpan = span(from: nameToken.start, to: previousEnd)
        if let constantChildren, expressions == nil, let literalProperties = literalProperties(properties) {
            // The arguments and children move into the node (an initializer owns its arguments).
            return .constant(Node(name: nameToken.text, nameSpan: span(nameToken), arguments: consume literalArguments,
                                  properties: literalProperties, children: constantChildren, hasBlock: children != nil, span: nodeSpan))
        }
        // The node itself is not constant: its constant children become statements again.
        if children != nil, let constantChildren, !constantChildren.isEmpty {
            children = constantChildren.map { .node(NodeSyntax(constant: $0)) }
        }
        return .syntax(NodeSyntax(name: nameToken.text, nameSpan: span(nameToken),
                                  arguments: expressions ?? literalArguments.map { .literal($0.value, $0.span) }, properties: properties,
                                  children: children, span: nodeSpan, constant: nil))
    }

    /// The current token as an argument when it is a plain text, a number, a percentage or a date
    /// that nothing (`.veld`) follows; the token is then consumed. Nil otherwise, without moving.
    private mutating func plainLiteral() -> Node.Argument? {
        let i = index - base
        guard i < tokens.count, peekKind() != .dot else { return nil }
        let value: Value
        switch tokens[i].kind {
        case .string:
            guard case .plainString = tokens[i].payload else { return nil }
            // Moved out of the window (nothing reads a text token's payload twice): no retain here
            // and no release when the window drops the token.
            var payload = Token.Payload.none
            swap(&payload, &tokens[i].payload)
            guard case .plainString(let text) = payload else { return nil }
            value = .text(text)
        case .number, .percent, .date:
            switch (tokens[i].kind, tokens[i].payload) {
            case (.number, .number(let n)): value = .number(n)
            case (.percent, .number(let n)): value = .percent(n)
            case (.date, .date(let d)): value = .date(d)
            default: return nil
            }
        default:
            return nil
        }
        let argument = Node.Argument(value: value, span: SourceSpan(file: file, start: tokens[i].start, end: tokens[i].end))
        index += 1
        return argument
    }

    /// The properties as values, when every one is a literal (a constant node); nil otherwise.
    /// Duplicate properties are left to the interpreter to report.
    private func literalProperties(_ properties: [PropertySyntax]) -> [Node.Property]? {
        var props: [Node.Property] = []
        for property in properties {
            guard case .literal(let value, let valueSpan) = property.value, !props.contains(where: { $0.key == property.key }) else { return nil }
            props.append(Node.Property(key: property.key, keySpan: property.keySpan, value: value, valueSpan: valueSpan))
        }
        return props
    }

    /// An argument or property value: a literal, name, variable (with `.veld`), list, call or `( … )`.
    private mutating func parseArgument() -> Expression? {
        if currentKind == .minus, [.number, .percent].contains(peekKind()), token(at: index + 1).start == current.end {
            let minus = advance()
            guard let operand = parsePostfix() else { return nil }
            let negativeSpan = span(from: minus.start, to: previousEnd)
            switch operand {
            case .literal(.number(let n), _): return .literal(.number(-n), negativeSpan)
            case .literal(.percent(let n), _): return .literal(.percent(-n), negativeSpan)
            default: return .unary(.negate, operand, negativeSpan)
            }
        }
        return parsePostfix()
    }

    // MARK: - Expressions

    public mutating func parseExpression() -> Expression? {
        guard depth < Parser.maxDepth else {
            error("te diep genest (meer dan \(Parser.maxDepth) niveaus)", hint: "maak de structuur platter, of splits een lange expressie op met `laat`", at: span(current))
            return nil
        }
        if depth == 0 { operators = 0 }
        depth += 1
        defer { depth -= 1 }
        return parseOr()
    }

    /// Counts one binary operator; past `maxOperators` the expression is refused at that operator.
    private mutating func countOperator() -> Bool {
        operators += 1
        guard operators <= Parser.maxOperators else {
            error("te lange expressie (meer dan \(Parser.maxOperators) bewerkingen)", hint: "reken in stappen met `laat`, of gebruik `som(…)` voor een lijst", at: span(current))
            return false
        }
        return true
    }

    private mutating func parseOr() -> Expression? {
        guard var left = parseAnd() else { return nil }
        while skipNestedLayout(), isKeyword(current, "of") {
            guard countOperator() else { return nil }
            index += 1
            _ = skipNestedLayout()
            guard let right = parseAnd() else { return nil }
            left = .binary(.or, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseAnd() -> Expression? {
        guard var left = parseNot() else { return nil }
        while skipNestedLayout(), isKeyword(current, "en") {
            guard countOperator() else { return nil }
            index += 1
            _ = skipNestedLayout()
            guard let right = parseNot() else { return nil }
            left = .binary(.and, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseNot() -> Expression? {
        if isKeyword(current, "niet") {
            let keyword = advance()
            _ = skipNestedLayout()
            guard depth < Parser.maxDepth else {
                error("expressie te diep genest", hint: "vereenvoudig de expressie", at: span(keyword))
                return nil
            }
            depth += 1
            defer { depth -= 1 }
            guard let operand = parseNot() else { return nil }
            return .unary(.not, operand, span(keyword).to(operand.span))
        }
        return parseComparison()
    }

    private mutating func parseComparison() -> Expression? {
        guard let left = parseAdditive() else { return nil }
        _ = skipNestedLayout()
        let op: BinaryOperator? = switch currentKind {
        case .equalEqual: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
        if currentKind == .equals {
            error("`=` in een vergelijking", hint: "schrijf `==` om te vergelijken", at: span(current))
            return nil
        }
        guard let op else { return left }
        index += 1
        _ = skipNestedLayout()
        guard let right = parseAdditive() else { return nil }
        _ = skipNestedLayout()
        if [.equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(currentKind) {
            error("vergelijkingen kun je niet aan elkaar rijgen", hint: "schrijf bijvoorbeeld ($a < $b en $b < $c)", at: span(current))
            return nil
        }
        return .binary(op, left, right, left.span.to(right.span))
    }

    private mutating func parseAdditive() -> Expression? {
        guard var left = parseMultiplicative() else { return nil }
        while skipNestedLayout(), currentKind == .plus || currentKind == .minus {
            guard countOperator() else { return nil }
            let op: BinaryOperator = currentKind == .plus ? .add : .subtract
            index += 1
            _ = skipNestedLayout()
            guard let right = parseMultiplicative() else { return nil }
            left = .binary(op, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseMultiplicative() -> Expression? {
        guard var left = parseUnary() else { return nil }
        while skipNestedLayout(), currentKind == .star || currentKind == .slash {
            guard countOperator() else { return nil }
            let op: BinaryOperator = currentKind == .star ? .multiply : .divide
            index += 1
            _ = skipNestedLayout()
            guard let right = parseUnary() else { return nil }
            left = .binary(op, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseUnary() -> Expression? {
        if currentKind == .minus {
            let minus = advance()
            _ = skipNestedLayout()
            guard depth < Parser.maxDepth else {
                error("expressie te diep genest", hint: "vereenvoudig de expressie", at: span(minus))
                return nil
            }
            depth += 1
            defer { depth -= 1 }
            guard let operand = parseUnary() else { return nil }
            return .unary(.negate, operand, span(minus).to(operand.span))
        }
        return parsePostfix()
    }

    private mutating func parsePostfix() -> Expression? {
        guard var expression = parsePrimary() else { return nil }
        while currentKind == .dot, peekKind() == .identifier, token(at: index + 1).start == current.end, current.start == previousEnd {
            index += 1
            let name = advance()
            // `$kaart.sectie.titel` lexes the tail as one name; split it into a chain of fields.
            var offset = name.start
            for part in name.text.split(separator: ".", omittingEmptySubsequences: false) {
                let partSpan = span(from: offset, to: offset + part.utf8.count)
                expression = .field(expression, name: String(part), nameSpan: partSpan, expression.span.to(partSpan))
                offset += part.utf8.count + 1
            }
        }
        return expression
    }

    private mutating func parsePrimary() -> Expression? {
        let token = current
        switch token.kind {
        case .string:
            index += 1
            return stringExpression(token)
        case .number:
            index += 1
            if case .number(let n) = token.payload { return .literal(.number(n), span(token)) }
        case .percent:
            index += 1
            if case .number(let n) = token.payload { return .literal(.percent(n), span(token)) }
        case .date:
            index += 1
            if case .date(let d) = token.payload { return .literal(.date(d), span(token)) }
        case .variable:
            index += 1
            return .variable(token.text, span(token))
        case .identifier:
            index += 1
            switch token.text {
            case "ja": return .literal(.bool(true), span(token))
            case "nee": return .literal(.bool(false), span(token))
            default:
                if currentKind == .leftParen, current.start == token.end {
                    return parseCall(token)
                }
                return .literal(.symbol(token.text), span(token))
            }
        case .leftBracket:
            return parseList()
        case .leftParen:
            let open = advance()
            layoutDepth += 1
            defer { layoutDepth -= 1 }
            skipLayout()
            guard let inner = parseExpression() else { return nil }
            skipLayout()
            guard currentKind == .rightParen else {
                error("`)` ontbreekt", hint: "sluit de `(` op \(open.start == 0 ? "deze regel" : "kolom \(span(open).location.column)") af met `)`", at: span(current),
                      notes: [.init("geopend hier", span: span(open))])
                return nil
            }
            index += 1
            return inner
        case .invalid:
            index += 1
            return nil
        default:
            break
        }
        if let path = barePath(around: token), let date = Parser.slashDate(path.text) {
            // 12/03/2026 or 12.03.2026: a date as people write it, not a path.
            error("schrijf een datum met streepjes", hint: "bijvoorbeeld \(date) (of \(date.split(separator: "-").reversed().map { String(Int($0) ?? 0) }.joined(separator: "-")))", at: path)
            return nil
        }
        if let path = barePath(around: token) {
            error("een pad hoort tussen aanhalingstekens", hint: "zet het pad tussen aanhalingstekens: \"\(path.text)\"", at: path)
            return nil
        }
        error("hier verwacht ik een waarde, niet \(describe(token))", hint: operatorHint(token) ?? "bijvoorbeeld een tekst \"…\", een getal, een naam of een lijst [a, b]", at: span(token))
        return nil
    }

    /// For an operator right after a value (`schrijf 1+1`, `schrijf $a * 2`): a calculation as an
    /// argument needs parentheses; the hint shows it with the values typed, where they are simple.
    private func operatorHint(_ token: Token) -> String? {
        let operators: [Token.Kind] = [.plus, .minus, .star, .slash, .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual]
        let values: [Token.Kind] = [.number, .percent, .string, .variable, .identifier, .date]
        // Not right after the statement's own name (`schrijf +`): there is nothing to calculate.
        guard operators.contains(token.kind), index > 1, ![.newline, .semicolon, .leftBrace].contains(self.token(at: index - 2).kind) else { return nil }
        let before = self.token(at: index - 1), after = self.token(at: index + 1)
        guard values.contains(before.kind) || before.kind == .rightParen || before.kind == .rightBracket else { return nil }
        guard values.contains(before.kind), values.contains(after.kind), before.end - before.start <= 40, after.end - after.start <= 40 else {
            return "een berekening of vergelijking hoort tussen haakjes, bijvoorbeeld `schrijf ($a + 1)`"
        }
        return "zet de berekening tussen haakjes: `(\(span(before).text) \(span(token).text) \(span(after).text))`"
    }

    /// A file path typed without quotes (`data/x.csv`, `/tmp/x.csv`): the run of non-blank
    /// characters around a `/` that cannot start a value. Nil for any other token.
    /// `12/03/2026`, `12.3.2026`: the date as yyyy-mm-dd, or nil when the text is no date.
    static func slashDate(_ text: String) -> String? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ part in !part.isEmpty && part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              let date = DateValue(year: year, month: month, day: day) else { return nil }
        return date.description
    }

    private func barePath(around token: Token) -> SourceSpan? {
        let bytes = file.bytes
        guard token.start < bytes.count, bytes[token.start] == UInt8(ascii: "/") || bytes[token.start] == UInt8(ascii: ".") else { return nil }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "\"") }
        var start = token.start
        while start > 0, !isBlank(bytes[start - 1]), bytes[start - 1] != UInt8(ascii: "=") { start -= 1 }
        var end = token.end
        while end < bytes.count, !isBlank(bytes[end]) { end += 1 }
        // A path has a name after the slash: `a / b` in an expression is not one.
        guard end > token.end, bytes[start..<end].contains(UInt8(ascii: "/")) || bytes[start..<end].contains(UInt8(ascii: ".")) else { return nil }
        return span(from: start, to: Parser.pathEnd(bytes, start: start, end: end))
    }

    /// Where a path typed without quotes ends, when it has spaces (`/tmp/mijn cijfers.csv`): while
    /// its last part has no extension yet, the next word on the line belongs to it, unless that
    /// word is a property (`id=…`), a block, a comment or a text. `end` is where the first word ends.
    static func pathEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, start: Int, end: Int) -> Int where Bytes.Index == Int {
        var end = end
        func lastPartHasExtension() -> Bool {
            var index = end - 1
            while index >= start, bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "\\") {
                if bytes[index] == UInt8(ascii: "."), index > start, bytes[index - 1] != UInt8(ascii: "/"), bytes[index - 1] != UInt8(ascii: "\\") { return true }
                index -= 1
            }
            return false
        }
        while end < bytes.endIndex, bytes[end] == 0x20, !lastPartHasExtension() {
            var next = end + 1
            guard next < bytes.endIndex, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: ";"), UInt8(ascii: "#")].contains(bytes[next]) else { break }
            var word = false
            while next < bytes.endIndex, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\"")].contains(bytes[next]) {
                if bytes[next] == UInt8(ascii: "=") || bytes[next] == UInt8(ascii: "{") || bytes[next] == UInt8(ascii: ";") { word = false; break }
                word = true
                next += 1
            }
            guard word, next == bytes.endIndex || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) else { break }
            end = next
        }
        return end
    }

    /// Inside `( … )` and `[ … ]` line breaks do not end a statement.
    private mutating func skipLayout() {
        while currentKind == .newline { index += 1 }
    }

    /// Skips line breaks when inside brackets; always true, so it can lead a `while` condition.
    private mutating func skipNestedLayout() -> Bool {
        if layoutDepth > 0 { skipLayout() }
        return true
    }

    private mutating func parseList() -> Expression? {
        let open = advance()
        layoutDepth += 1
        defer { layoutDepth -= 1 }
        var items: [Expression] = []
        skipLayout()
        while currentKind != .rightBracket {
            if currentKind == .endOfFile || currentKind == .rightBrace {
                error("lijst wordt niet gesloten", hint: "sluit de lijst af met `]`", at: span(open),
                      notes: [.init("hier had `]` moeten staan", span: span(current))])
                return nil
            }
            guard let item = parseExpression() else { return nil }
            items.append(item)
            skipLayout()
            if currentKind == .comma {
                index += 1
                skipLayout()
            } else if currentKind != .rightBracket {
                error("`,` of `]` verwacht in de lijst, niet \(describe(current))", hint: "scheid de elementen met komma's: [a, b, c]", at: span(current))
                return nil
            }
        }
        let close = advance()
        let listSpan = span(open).to(span(close))
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard case .literal(let value, _) = item else { return .list(items, listSpan) }
            values.append(value)
        }
        return .literal(.list(values), listSpan)
    }

    private mutating func parseCall(_ name: Token) -> Expression? {
        let open = advance()
        layoutDepth += 1
        defer { layoutDepth -= 1 }
        var arguments: [Expression] = []
        skipLayout()
        while currentKind != .rightParen {
            if currentKind == .endOfFile || currentKind == .rightBrace {
                error("`)` ontbreekt na de argumenten van `\(name.text)`", hint: "sluit af met `)`", at: span(open))
                return nil
            }
            guard let argument = parseExpression() else { return nil }
            arguments.append(argument)
            skipLayout()
            if currentKind == .comma {
                index += 1
                skipLayout()
            } else if currentKind != .rightParen {
                error("`,` of `)` verwacht, niet \(describe(current))", hint: "scheid de argumenten met komma's: \(name.text)(a, b)", at: span(current))
                return nil
            }
        }
        let close = advance()
        return .call(name: name.text, nameSpan: span(name), arguments: arguments, span(name).to(span(close)))
    }

    private mutating func stringExpression(_ token: Token) -> Expression {
        if case .plainString(let text) = token.payload { return .literal(.text(text), span(token)) }
        guard case .string(let parts) = token.payload else { return .literal(.text(""), span(token)) }
        if parts.isEmpty { return .literal(.text(""), span(token)) }
        if parts.count == 1, case .literal(let text) = parts[0] { return .literal(.text(text), span(token)) }
        var pieces: [InterpolationPart] = []
        for part in parts {
            switch part {
            case .literal(let text):
                pieces.append(.literal(text))
            case .variable(let name, let fields, let start, let end):
                pieces.append(.variable(name: name, fields: fields, span: span(from: start, to: end)))
            case .expression(let start, let end):
                var sub = Parser(file: file, range: start..<end, depth: depth)
                sub.skipLayout()
                if sub.currentKind == .endOfFile {
                    error("lege `${}`", hint: "zet een expressie tussen de accolades, bijvoorbeeld `${$aantal + 1}`", at: span(from: start - 2, to: end + 1))
                    continue
                }
                var expression = sub.parseExpression()
                // `${naam}` means the variable, as in a shell: a lone name inside `${…}` is never a symbol.
                // `${k.titel}` likewise reads as `${$k.titel}`.
                if case .literal(.symbol(let name), let nameSpan)? = expression, !name.contains("-") {
                    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    var offset = nameSpan.start
                    var chain = Expression.variable(parts[0], sub.span(from: offset, to: offset + parts[0].utf8.count))
                    offset += parts[0].utf8.count + 1
                    for field in parts.dropFirst() {
                        let fieldSpan = sub.span(from: offset, to: offset + field.utf8.count)
                        chain = .field(chain, name: field, nameSpan: fieldSpan, chain.span.to(fieldSpan))
                        offset += field.utf8.count + 1
                    }
                    expression = chain
                }
                if expression != nil, sub.currentKind != .endOfFile {
                    sub.error("onverwacht \(sub.describe(sub.current)) in `${…}`", hint: "een `${…}` bevat één expressie", at: sub.span(sub.current))
                }
                parserDiagnostics.append(contentsOf: sub.diagnostics)
                if let expression { pieces.append(.expression(expression)) }
            }
        }
        return .interpolated(pieces, span(token))
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: "`\(token.text)`"
        case .variable: "`$\(token.text)`"
        default: token.kind.dutchName
        }
    }
}
