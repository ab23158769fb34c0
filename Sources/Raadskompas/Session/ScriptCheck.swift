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

    public static func check(_ program: Program) -> [Diagnostic] {
        var validation = Validation()
        func walk(_ statements: [Statement]) {
            for statement in statements {
                switch statement {
                case .node(let syntax):
                    guard !Registry.forms(of: syntax.name).isEmpty else {
                        validation.error("onbekende opdracht `\(syntax.name)`",
                                         hint: Suggestion.hint(for: syntax.name, in: Registry.words) ?? "typ `raadskompas -c help` voor de opdrachten",
                                         at: syntax.nameSpan)
                        continue
                    }
                    // Nodes with variables are only known when the script runs.
                    guard let constant = syntax.constant else { continue }
                    switch Registry.command(for: constant) {
                    case .success(let command): validation.validate(constant, against: command.schema)
                    case .failure(let diagnostic): validation.diagnostics.append(diagnostic)
                    }
                case .forEach(_, _, _, let body, _):
                    walk(body)
                case .conditional(let branches, let otherwise, _):
                    for branch in branches { walk(branch.body) }
                    walk(otherwise ?? [])
                case .assignment:
                    break
                }
            }
        }
        walk(program.statements)
        return validation.diagnostics
    }
}
