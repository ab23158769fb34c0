import Foundation
import KompasDSL

extension Command {
    /// `WORD wijzig ID veld=…`: the declaration `WORD ID veld=…`, which changes only the fields it
    /// names and keeps the rest, for a record that must exist already (`exists` throws the error
    /// with "bedoelde je …?" otherwise). A user reaches for a verb to change one field; without it
    /// `advies wijzig adv-1 …` was "te veel argumenten".
    ///
    /// - Parameters:
    ///   - declaration: the statement that declares the record; its fields (all optional here,
    ///     without `vervang`) are the fields `wijzig` takes.
    ///   - keepAction: whether the declaration itself starts with an action word (`indicator
    ///     nieuw ID`): then the node keeps its first argument in that place.
    ///   - prepare: adds what the declaration needs and `wijzig` may leave out (the stored values
    ///     of its required fields).
    /// The hint for an unknown id of a record: the record whose name it is (without regard to case
    /// and accents), else the nearest id, else `fallback`.
    static func unknownIdHint(_ given: String, records: [(id: String, name: String)], named: String = "de naam", statement: String, fallback: String) -> String {
        func folded(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces) }
        if let match = records.first(where: { folded($0.name) == folded(given) }) {
            return "dat is \(named) van `\(match.id)`; schrijf de id: \(statement) \(match.id) …"
        }
        return Suggestion.hint(for: given, in: records.map(\.id)) ?? fallback
    }

    static func wijzig(
        _ declaration: Command, summary: String, example: String, keepAction: Bool = false,
        exists: @escaping @Sendable (_ node: Node, _ context: CommandContext) throws(Diagnostic) -> Void,
        prepare: @escaping @Sendable (_ node: Node, _ context: CommandContext) throws(Diagnostic) -> [Node.Property] = { _, _ in [] }
    ) -> Command {
        let fields = declaration.schema.fields.filter { $0.name != "vervang" }
            .map { Slot($0.name, $0.type, required: false, help: $0.help, completes: $0.completes, range: $0.range) }
        // The id may be typed as the record's name (`adviesraad wijzig "Adviesraad Sociaal Domein" …`):
        // `exists` then points at the id, rather than validation calling it an invalid id.
        let arguments = declaration.schema.arguments.dropFirst(keepAction ? 1 : 0).map { slot -> Slot in
            guard case .identifier = slot.type else { return slot }
            return Slot(slot.name, .word, required: slot.required, help: slot.help, completes: slot.completes, range: slot.range)
        }
        return Command(declaration.word, action: "wijzig", task: declaration.task,
                       schema: NodeSchema("wijzig", summary: summary, arguments: [.action("wijzig")] + arguments, fields: fields)) { node, context throws(Diagnostic) in
            try exists(node, context)
            guard !node.properties.isEmpty || !node.children.isEmpty else {
                throw .error("zeg wat er verandert", hint: "bijvoorbeeld: \(example)", at: node.arguments.count > 1 ? node.arguments[1].span : node.nameSpan)
            }
            let extra = try prepare(node, context).filter { added in node.property(added.key) == nil && !node.children.contains { $0.name == added.key } }
            let declared = Node(name: declaration.word, nameSpan: node.nameSpan, arguments: keepAction ? node.arguments : Node.Arguments([Node.Argument](node.arguments.dropFirst())),
                                properties: node.properties + extra, children: node.children, hasBlock: node.hasBlock, span: node.span)
            return try declaration.run(declared, context)
        }
    }
}
