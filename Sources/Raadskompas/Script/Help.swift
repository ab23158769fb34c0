import KompasDSL

extension Command {
    /// `help [onderwerp]`.
    static let help = Command(
        "help", task: .scripts,
        schema: NodeSchema("help", summary: "Uitleg over Raadskompas, een opdracht, een taak, een soort kaart of de taal.",
                           arguments: [.optional("onderwerp", .word, help: "een opdracht (toon), een taak (raadsvoorstellen), een soort kaart (staalkaart), `functies` of `taal`",
                                                 completes: .helpTopics)],
                           repeatsLastArgument: true)
    ) { node, context throws(Diagnostic) in
        // `help advies nieuw`: a statement with its action, as people type it.
        let words = node.arguments.compactMap { $0.value.stringValue?.lowercased() }
        if words.count >= 2, let command = Registry.forms(of: words[0]).first(where: { $0.action == words[1] }) {
            return HelpText.schemaHelp(command.schema, title: "Opdracht", name: command.name, usage: command.usage, style: context.style)
        }
        return HelpText.render(topic: words.first, library: context.library, interpreter: context.interpreter, style: context.style)
    }

    /// `schrijf WAARDE`.
    static let schrijf = Command(
        "schrijf", task: .scripts,
        schema: NodeSchema("schrijf", summary: "Schrijft een waarde of tekst op het scherm (handig in scripts).",
                           arguments: [Slot("waarde", .any, help: "wat je wilt laten zien, bijvoorbeeld \"Aantal: $n\"")])
    ) { node, _ throws(Diagnostic) in
        node.arguments[0].value.displayText + "\n"
    }
}
