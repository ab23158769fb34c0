import KompasDSL

/// The guided werkblad statements: `werkblad invullen` and `werkblad koppel`.
extension Command {
    static let werkbladInvullen = Command(
        "werkblad", action: "invullen", task: .kennisEnVisie, guided: true,
        schema: NodeSchema("invullen", summary: "Vult het werkblad stap voor stap in, met de vragen, tips en voorbeelden van het visie-werkblad; elk antwoord wordt meteen bewaard.",
                           arguments: [.action("invullen"), werkbladNaam])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        guard let conversation = context.conversation else {
            throw .error("`werkblad invullen` werkt in de shell, waar Raadskompas vragen kan stellen",
                         hint: "start `raadskompas` in een terminal; in een script schrijf je `werkblad \(Value.quote(werkblad.naam)) { stap … }`",
                         at: node.nameSpan)
        }
        guard let template = context.library.cards(ofKind: "werkbladsjabloon").first else {
            throw .error("er is geen visie-werkblad in de inhoud", hint: "controleer de inhoud met `lijst sjablonen`", at: node.nameSpan)
        }
        let filling = GuidedFilling(store: store, template: template, library: context.library, style: context.style, conversation: conversation)
        _ = try context.attempt(node) { try filling.run(werkblad) }
        return ""
    }

    static let werkbladKoppel = Command(
        "werkblad", action: "koppel", task: .kennisEnVisie, guided: true,
        schema: NodeSchema("koppel", summary: "Vult de koppeltabel: waarde → leidend principe → onderbouwing → maatschappelijk resultaat, met de voorbeelden uit de infographic.",
                           arguments: [.action("koppel"), werkbladNaam])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let conversation = try context.conversation(for: node, statement: "werkblad koppel",
                                                    script: "`koppeling { waarde \"…\"; principe \"…\"; resultaat \"…\" }` in het werkblad")
        let linking = GuidedLinking(store: store, template: context.library.cards(ofKind: "werkbladsjabloon").first, style: context.style, conversation: conversation)
        try context.attempt(node) { try linking.run(werkblad) }
        return ""
    }
}
