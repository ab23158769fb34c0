/// Runs a program: evaluates expressions, `laat`, `voor elk` and `als`, and hands every top-level
/// node to the host, in order. The language itself has no side effects; the host gives nodes meaning.
public final class Interpreter {
    public enum ErrorPolicy: Sendable {
        /// Stop at the first error (scripts).
        case stop
        /// Skip the failing statement and go on (content loading, `check`): report everything.
        case continueAfterError
    }

    /// The result of one `run`.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var nodeCount: Int
        public var stopped: Bool { diagnostics.hasErrors }
    }

    public private(set) var builtins: [String: Builtin]
    /// Global variables; they persist across `run` calls (a shell session).
    public private(set) var globals: [String: Value] = [:]
    private var scopes: [[String: Value]] = []

    public init(builtins: [Builtin] = StandardLibrary.builtins) {
        var table: [String: Builtin] = [:]
        for builtin in builtins { table[builtin.name] = builtin }
        self.builtins = table
    }

    public func register(_ builtin: Builtin) {
        builtins[builtin.name] = builtin
    }

    public func setGlobal(_ name: String, _ value: Value) {
        globals[name] = value
    }

    /// Every variable name in scope, for completion and suggestions.
    public var variableNames: [String] {
        var names = Set(globals.keys)
        for scope in scopes { names.formUnion(scope.keys) }
        return names.sorted()
    }

    /// Runs `program`, giving each top-level node to `host`. The host may throw a diagnostic to
    /// reject a node; that counts as an error like any other.
    @discardableResult
    public func run(_ program: Program, policy: ErrorPolicy = .stop, host: (Node) throws(Diagnostic) -> Void) -> Outcome {
        var outcome = Outcome(diagnostics: [], nodeCount: 0)
        scopes = []
        for statement in program.statements {
            do {
                try execute(statement, topLevel: true, host: host, collect: nil, outcome: &outcome)
            } catch {
                outcome.diagnostics.append(error)
                if policy == .stop { break }
            }
        }
        scopes = []
        return outcome
    }

    /// Evaluates a single expression (for `${…}`-like uses by hosts and tests).
    public func evaluate(_ expression: Expression) throws(Diagnostic) -> Value {
        try eval(expression)
    }

    // MARK: - Statements

    private func execute(
        _ statement: Statement, topLevel: Bool, host: (Node) throws(Diagnostic) -> Void,
        collect: UnsafeMutablePointer<[Node]>?, outcome: inout Outcome
    ) throws(Diagnostic) {
        switch statement {
        case .node(let syntax):
            let node = try evaluateNode(syntax)
            if let collect {
                collect.pointee.append(node)
            } else {
                outcome.nodeCount += 1
                try host(node)
            }
        case .assignment(let name, _, let expression, _):
            assign(name, try eval(expression))
        case .forEach(let variable, _, let sequence, let body, _):
            let value = try eval(sequence)
            let items: [Value]
            switch value {
            case .list(let list): items = list
            case .record(let record): items = record.fields.map { .record(Record(kind: "veld", fields: [("naam", .text($0.key)), ("waarde", $0.value)])) }
            default:
                throw .error("`voor elk` loopt over een lijst, maar kreeg een \(value.typeName)",
                             hint: "schrijf bijvoorbeeld `voor elk x in [1, 2, 3] { … }`", at: sequence.span)
            }
            for item in items {
                scopes.append([variable: item])
                defer { scopes.removeLast() }
                for inner in body {
                    try execute(inner, topLevel: topLevel, host: host, collect: collect, outcome: &outcome)
                }
            }
        case .conditional(let branches, let otherwise, _):
            for branch in branches {
                let condition = try eval(branch.condition)
                guard case .bool(let truth) = condition else {
                    throw .error("een voorwaarde moet ja of nee zijn, maar is een \(condition.typeName)",
                                 hint: "vergelijk, bijvoorbeeld `als $aantal > 3 { … }`", at: branch.condition.span)
                }
                if truth {
                    try executeBlock(branch.body, topLevel: topLevel, host: host, collect: collect, outcome: &outcome)
                    return
                }
            }
            if let otherwise {
                try executeBlock(otherwise, topLevel: topLevel, host: host, collect: collect, outcome: &outcome)
            }
        }
    }

    private func executeBlock(
        _ body: [Statement], topLevel: Bool, host: (Node) throws(Diagnostic) -> Void,
        collect: UnsafeMutablePointer<[Node]>?, outcome: inout Outcome
    ) throws(Diagnostic) {
        scopes.append([:])
        defer { scopes.removeLast() }
        for statement in body {
            try execute(statement, topLevel: topLevel, host: host, collect: collect, outcome: &outcome)
        }
    }

    /// `laat` updates the innermost scope that has the name, else defines it in the current one.
    private func assign(_ name: String, _ value: Value) {
        for i in scopes.indices.reversed() where scopes[i][name] != nil {
            scopes[i][name] = value
            return
        }
        if scopes.isEmpty || globals[name] != nil {
            globals[name] = value
        } else {
            scopes[scopes.count - 1][name] = value
        }
    }

    private func lookup(_ name: String) -> Value? {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return globals[name]
    }

    private func evaluateNode(_ syntax: NodeSyntax) throws(Diagnostic) -> Node {
        if let constant = syntax.constant { return constant }
        var arguments: [Node.Argument] = []
        arguments.reserveCapacity(syntax.arguments.count)
        for expression in syntax.arguments {
            arguments.append(Node.Argument(value: try eval(expression), span: expression.span))
        }
        var properties: [Node.Property] = []
        for property in syntax.properties {
            if properties.contains(where: { $0.key == property.key }) {
                throw .error("eigenschap `\(property.key)` staat er twee keer", hint: "laat er één staan", at: property.keySpan)
            }
            properties.append(Node.Property(key: property.key, keySpan: property.keySpan, value: try eval(property.value), valueSpan: property.value.span))
        }
        var children: [Node] = []
        if let body = syntax.children {
            scopes.append([:])
            defer { scopes.removeLast() }
            var unused = Outcome(diagnostics: [], nodeCount: 0)
            try withUnsafeMutablePointer(to: &children) { (pointer) throws(Diagnostic) in
                for statement in body {
                    try execute(statement, topLevel: false, host: { _ in }, collect: pointer, outcome: &unused)
                }
            }
        }
        return Node(name: syntax.name, nameSpan: syntax.nameSpan, arguments: arguments, properties: properties,
                    children: children, hasBlock: syntax.children != nil, span: syntax.span)
    }

    // MARK: - Expressions

    private func eval(_ expression: Expression) throws(Diagnostic) -> Value {
        switch expression {
        case .literal(let value, _):
            return value
        case .interpolated(let parts, _):
            var text = ""
            for part in parts {
                switch part {
                case .literal(let s): text += s
                case .expression(let e): text += try eval(e).displayText
                case .variable(let name, let fields, let span):
                    var value = try eval(.variable(name, SourceSpan(file: span.file, start: span.start, end: span.start + 1 + name.utf8.count)))
                    var rest = fields[...]
                    while let field = rest.first, case .record(let record) = value, let inner = record[field] {
                        value = inner
                        rest = rest.dropFirst()
                    }
                    text += value.displayText + rest.map { "." + $0 }.joined()
                }
            }
            return .text(text)
        case .variable(let name, let span):
            guard let value = lookup(name) else {
                var known = Set(globals.keys)
                for scope in scopes { known.formUnion(scope.keys) }
                throw .error("onbekende variabele `$\(name)`",
                             hint: Suggestion.hint(for: name, in: known, quote: { "`$\($0)`" }) ?? "geef haar eerst een waarde met `laat \(name) = …`",
                             at: span)
            }
            return value
        case .list(let items, _):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try eval(item)) }
            return .list(values)
        case .unary(let op, let operand, let span):
            let value = try eval(operand)
            switch (op, value) {
            case (.negate, .number(let n)): return .number(-n)
            case (.negate, .percent(let n)): return .percent(-n)
            case (.not, .bool(let b)): return .bool(!b)
            case (.negate, _):
                throw .error("`-` werkt op een getal, niet op een \(value.typeName)", at: span)
            case (.not, _):
                throw .error("`niet` werkt op ja/nee, niet op een \(value.typeName)", at: span)
            }
        case .binary:
            return try chain(expression)
        case .field(let base, let name, let nameSpan, _):
            let value = try eval(base)
            guard case .record(let record) = value else {
                throw .error("een \(value.typeName) heeft geen veld `\(name)`", hint: "alleen gegevens (zoals een kaart) hebben velden", at: nameSpan)
            }
            guard let field = record[name] else {
                throw .error("\(record.kind) heeft geen veld `\(name)`",
                             hint: Suggestion.hint(for: name, in: record.fields.map(\.key)) ?? "velden: \(record.fields.map(\.key).joined(separator: ", "))",
                             at: nameSpan)
            }
            return field
        case .call(let name, let nameSpan, let argumentExpressions, let span):
            guard let builtin = builtins[name] else {
                throw .error("onbekende functie `\(name)`",
                             hint: Suggestion.hint(for: name, in: builtins.keys) ?? "typ `help functies` voor de lijst",
                             at: nameSpan)
            }
            guard builtin.arity.contains(argumentExpressions.count) else {
                let expected = builtin.arity.lowerBound == builtin.arity.upperBound
                    ? "\(builtin.arity.lowerBound)" : "\(builtin.arity.lowerBound) tot \(builtin.arity.upperBound)"
                throw .error("`\(name)` verwacht \(expected) argument\(builtin.arity.upperBound == 1 ? "" : "en"), maar kreeg er \(argumentExpressions.count)",
                             hint: "gebruik: \(builtin.signature)", at: span)
            }
            var values: [Value] = []
            for argument in argumentExpressions { values.append(try eval(argument)) }
            return try builtin.body(Builtin.Call(name: name, arguments: values, argumentSpans: argumentExpressions.map(\.span), span: span))
        }
    }

    /// A date from arithmetic stays within the years a date literal can have (1–9999).
    private func calendarDate(_ date: DateValue, _ span: SourceSpan) throws(Diagnostic) -> Value {
        guard (1...9999).contains(date.year) else {
            throw .error("de uitkomst ligt buiten de kalender (jaar \(date.year))", hint: "een datum ligt tussen het jaar 1 en 9999", at: span)
        }
        return .date(date)
    }

    /// A chain `a + b + c` is the left-deep tree `((a + b) + c)`: walked down its left side without
    /// recursion, so a long chain needs no deep stack.
    private func chain(_ expression: Expression) throws(Diagnostic) -> Value {
        var spine: [(op: BinaryOperator, left: Expression, right: Expression, span: SourceSpan)] = []
        var node = expression
        while case .binary(let op, let left, let right, let span) = node {
            spine.append((op, left, right, span))
            node = left
        }
        var value = try eval(node)
        for link in spine.reversed() {
            value = try binary(link.op, value, link.left, link.right, link.span)
        }
        return value
    }

    private func binary(_ op: BinaryOperator, _ left: Value, _ leftExpression: Expression, _ rightExpression: Expression, _ span: SourceSpan) throws(Diagnostic) -> Value {
        // `en` and `of` only look at the right side when they need to.
        if op == .and || op == .or {
            guard case .bool(let l) = left else {
                throw .error("`\(op.rawValue)` werkt op ja/nee, niet op een \(left.typeName)", at: leftExpression.span)
            }
            if op == .and, !l { return .bool(false) }
            if op == .or, l { return .bool(true) }
            let right = try eval(rightExpression)
            guard case .bool(let r) = right else {
                throw .error("`\(op.rawValue)` werkt op ja/nee, niet op een \(right.typeName)", at: rightExpression.span)
            }
            return .bool(r)
        }
        let right = try eval(rightExpression)
        func mismatch() -> Diagnostic {
            .error("`\(op.rawValue)` kan niet met een \(left.typeName) en een \(right.typeName)",
                   hint: op == .add && (left.kind == .text || right.kind == .text) ? "voeg tekst samen met \"${…}\" of `tekst(…)`" : nil,
                   at: span)
        }
        switch op {
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        case .less, .lessEqual, .greater, .greaterEqual:
            let order: Int
            switch (left, right) {
            case (.number(let a), .number(let b)), (.percent(let a), .percent(let b)):
                order = a < b ? -1 : (a > b ? 1 : 0)
            case (.date(let a), .date(let b)):
                order = a < b ? -1 : (a > b ? 1 : 0)
            case (.text(let a), .text(let b)):
                order = a < b ? -1 : (a > b ? 1 : 0)
            default:
                throw mismatch()
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .add:
            switch (left, right) {
            case (.number(let a), .number(let b)): return .number(a + b)
            case (.percent(let a), .percent(let b)): return .percent(a + b)
            case (.text(let a), .text(let b)): return .text(a + b)
            case (.list(let a), .list(let b)): return .list(a + b)
            case (.date(let d), .number(let n)) where n == n.rounded() && abs(n) < 1e7,
                 (.number(let n), .date(let d)) where n == n.rounded() && abs(n) < 1e7:
                return try calendarDate(DateValue(dayNumber: d.dayNumber + Int(n)), span)
            default: throw mismatch()
            }
        case .subtract:
            switch (left, right) {
            case (.number(let a), .number(let b)): return .number(a - b)
            case (.percent(let a), .percent(let b)): return .percent(a - b)
            case (.date(let a), .date(let b)): return .number(Double(a.dayNumber - b.dayNumber))
            case (.date(let d), .number(let n)) where n == n.rounded() && abs(n) < 1e7:
                return try calendarDate(DateValue(dayNumber: d.dayNumber - Int(n)), span)
            default: throw mismatch()
            }
        case .multiply:
            switch (left, right) {
            case (.number(let a), .number(let b)): return .number(a * b)
            // A percentage of a number is a number: (1000 * 40%) is 400, as in a spreadsheet.
            case (.percent(let a), .number(let b)), (.number(let b), .percent(let a)): return .number(a * b / 100)
            default: throw mismatch()
            }
        case .divide:
            let divisor: Double
            switch right {
            case .number(let b): divisor = b
            default: throw mismatch()
            }
            guard divisor != 0 else {
                throw .error("delen door nul", hint: "controleer de waarde rechts van `/`", at: rightExpression.span)
            }
            switch left {
            case .number(let a): return .number(a / divisor)
            case .percent(let a): return .percent(a / divisor)
            default: throw mismatch()
            }
        case .and, .or:
            // Evaluated lazily at the top of this function; never reached.
            preconditionFailure("`en`/`of` are short-circuited before both sides are evaluated")
        }
    }
}
