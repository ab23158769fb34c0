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
    static func wijzig(
        _ declaration: Command, summary: String, example: String, keepAction: Bool = false,
        exists: @escaping @Sendable (_ node: Node, _ context: CommandContext) throws(Diagnostic) -> Void,
        prepare: @escaping @Sendable (_ node: Node, _ context: CommandContext) throws(Diagnostic) -> [Node.Property] = { _, _ in [] }
    ) -> Command {
        let fields = declaration.schema.fields.filter { $0.name != "vervang" }
            .map { Slot($0.name, $0.type, required: false, help: $0.help, completes: $0.completes, range: $0.range) }
        let arguments = Array(declaration.schema.arguments.dropFirst(keepAction ? 1 : 0))
        return Command(declaration.word, action: "wijzig", task: declaration.task,
                       schema: NodeSchema("wijzig", summary: summary, arguments: [.action("wijzig")] + arguments, fields: fields)) { node, context throws(Diagnostic) in
            try exists(node, context)
            guard !node.properties.isEmpty || !node.children.isEmpty else {
                throw .error("zeg wat er verandert", hint: "bijvoorbeeld: \(example)", at: node.arguments.count > 1 ? node.arguments[1].span : node.nameSpan)
            }
            let extra = try prepare(node, context).filter { added in node.property(added.key) == nil && !node.children.contains { $0.name == added.key } }
            let declared = Node(name: declaration.word, nameSpan: node.nameSpan, arguments: keepAction ? node.arguments : Array(node.arguments.dropFirst()),
                                properties: node.properties + extra, children: node.children, hasBlock: node.hasBlock, span: node.span)
            return try declaration.run(declared, context)
        }
    }
}
