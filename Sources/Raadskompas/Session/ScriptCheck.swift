import KompasDSL

/// What `raadskompas check` does with a script (a file of statements rather than cards): check the
/// syntax, and the shape of every statement that can be checked without running it.
public enum ScriptCheck {
    /// Whether the file holds cards (content) rather than statements (a script).
    public static func isContent(_ program: Program) -> Bool {
        func holdsCards(_ statements: [Statement]) -> Bool {
            statements.contains {
                switch $0 {
                // A card always has a block; `indicator nieuw …` (a statement) has none.
                case .node(let node): ContentSchemas.card(named: node.name) != nil && (node.constant?.hasBlock ?? (node.children != nil))
                case .forEach(_, _, _, let body, _): holdsCards(body)
                case .conditional(let branches, let otherwise, _): branches.contains { holdsCards($0.body) } || holdsCards(otherwise ?? [])
                case .assignment: false
                }
            }
        }
        return holdsCards(program.statements)
    }

    /// Every function a script can call: the language's own and the host's (`kaart`, …).
    static let functions: Set<String> = Set(StandardLibrary.builtins.map(\.name) + HostBuiltins.make(library: ContentLibrary.load([])).map(\.name))

    public static func check(_ program: Program) -> [Diagnostic] {
        var validation = Validation()
        /// Checks the variables and functions an expression uses; `known` are the variables set so far.
        func visit(_ expression: Expression, _ known: Set<String>) {
            switch expression {
            case .literal: break
            case .variable(let name, let span): variable(name, span, known)
            case .interpolated(let parts, _):
                for part in parts {
                    switch part {
                    case .literal: break
                    case .expression(let inner): visit(inner, known)
                    case .variable(let name, _, let span): variable(name, span, known)
                    }
                }
            case .list(let items, _): for item in items { visit(item, known) }
            case .unary(_, let operand, _): visit(operand, known)
            case .binary(_, let left, let right, _):
                visit(left, known)
                visit(right, known)
            case .field(let base, _, _, _): visit(base, known)
            case .call(let name, let nameSpan, let arguments, _):
                if !functions.contains(name) {
                    validation.error("onbekende functie `\(name)`", hint: Suggestion.hint(for: name, in: functions) ?? "typ `help functies` voor de lijst", at: nameSpan)
                }
                for argument in arguments { visit(argument, known) }
            }
        }
        func variable(_ name: String, _ span: SourceSpan, _ known: Set<String>) {
            guard !known.contains(name) else { return }
            validation.error("onbekende variabele `$\(name)`",
                             hint: Suggestion.hint(for: name, in: known, quote: { "`$\($0)`" }) ?? "geef haar eerst een waarde met `laat \(name) = …`", at: span)
        }
        /// A statement with variables: its word, its action (when written out), its fields and the
        /// values that are already known are checked; what the variables hold is known only when it runs.
        func partial(_ syntax: NodeSyntax, _ known: Set<String>) {
            for argument in syntax.arguments { visit(argument, known) }
            for property in syntax.properties { visit(property.value, known) }
            let forms = Registry.forms(of: syntax.name)
            var action: String?
            if case .literal(let value, _)? = syntax.arguments.first { action = value.stringValue }
            let candidates = forms.filter { $0.action != nil && $0.action == action }
            let schemas = (candidates.isEmpty ? forms.filter { $0.action == nil } : candidates).map(\.schema)
            guard !schemas.isEmpty else { return }
            let openWords = Set(schemas.compactMap(\.openFieldsAfter))
            let open = syntax.arguments.contains { argument in
                if case .literal(let value, _) = argument, let word = value.stringValue { return openWords.contains(word) }
                return false
            }
            for property in syntax.properties {
                guard let slot = schemas.lazy.compactMap({ $0.field(property.key) }).first else {
                    if open { continue }
                    let names = Array(Set(schemas.flatMap { $0.fields.map(\.name) })).sorted()
                    validation.error("onbekend veld `\(property.key)` bij `\(syntax.name)`",
                                     hint: Suggestion.hint(for: property.key, in: names) ?? (names.isEmpty ? "`\(syntax.name)` heeft geen velden" : "bekende velden: " + names.joined(separator: ", ")),
                                     at: property.keySpan)
                    continue
                }
                if case .literal(let value, let span) = property.value { validation.checkValue(value, at: span, slot: slot, owner: syntax.name) }
            }
        }
        func walk(_ statements: [Statement], _ known: inout Set<String>) {
            for statement in statements {
                switch statement {
                case .node(let syntax):
                    guard !Registry.forms(of: syntax.name).isEmpty else {
                        validation.error("onbekende opdracht `\(syntax.name)`",
                                         hint: Suggestion.hint(for: syntax.name, in: Registry.words) ?? "typ `raadskompas -c help` voor de opdrachten",
                                         at: syntax.nameSpan)
                        continue
                    }
                    guard let constant = syntax.constant else {
                        partial(syntax, known)
                        continue
                    }
                    switch Registry.command(for: constant) {
                    case .success(let command): validation.validate(constant, against: command.schema)
                    case .failure(let diagnostic): validation.diagnostics.append(diagnostic)
                    }
                case .forEach(let name, _, let sequence, let body, _):
                    visit(sequence, known)
                    var inner = known
                    inner.insert(name)
                    // A block has its own scope: what `laat` sets inside is gone after it, as when it runs.
                    walk(body, &inner)
                case .conditional(let branches, let otherwise, _):
                    for branch in branches {
                        visit(branch.condition, known)
                        var inner = known
                        walk(branch.body, &inner)
                    }
                    var inner = known
                    walk(otherwise ?? [], &inner)
                case .assignment(let name, _, let value, _):
                    visit(value, known)
                    known.insert(name)
                }
            }
        }
        var known: Set<String> = []
        walk(program.statements, &known)
        return validation.diagnostics
    }
}
