import KompasDSL

extension Command {
    /// `help [onderwerp]`.
    static let help = Command(
        "help", task: .scripts,
        schema: NodeSchema("help", summary: "Uitleg over Raadskompas, een opdracht, een taak, een soort kaart of de taal.",
                           arguments: [.optional("onderwerp", .word, help: "een opdracht (toon), een taak (raadsvoorstellen), een soort kaart (staalkaart), `functies` of `taal`",
                                                 completes: .helpTopics)])
    ) { node, context throws(Diagnostic) in
        HelpText.render(topic: node.arguments.first?.value.stringValue, library: context.library, interpreter: context.interpreter, style: context.style)
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
