import KompasDSL

/// `werkblad nieuw|lijst|toon|hernoem|verwijder`.
extension Command {
    static let werkbladNaam = Slot("naam", .text, help: "de naam van het werkblad", completes: .werkbladen)
    static let werkbladMetadata: [Slot] = [
        .optional("eigenaar", .text, help: "van wie het werkblad is"),
        .optional("gemeente", .text, help: "de gemeente"),
        .optional("soort", .choice(Werkblad.Soort.allCases.map(\.rawValue)), help: "raadslid, fractie of raad (samen)"),
    ]

    static let werkbladNieuw = Command(
        "werkblad", action: "nieuw", task: .kennisEnVisie,
        schema: NodeSchema("nieuw", summary: "Maakt een nieuw, leeg werkblad.", arguments: [.action("nieuw"), werkbladNaam], fields: werkbladMetadata)
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = Werkblad(naam: node.text(1), eigenaar: node.fieldText("eigenaar"),
                                soort: Werkblad.Soort(rawValue: node.optionalText("soort") ?? "") ?? .raadslid, gemeente: node.fieldText("gemeente"))
        // A name that is taken or cannot be one: the error points at the name.
        let created = try context.attempt(at: node.argumentSpan(1)) { try store.create(werkblad) }
        return "Werkblad ‘\(created.naam)’ gemaakt. Bekijk het met: werkblad toon \(Value.quote(created.naam))\n"
    }

    static let werkbladLijst = Command(
        "werkblad", action: "lijst", task: .kennisEnVisie,
        schema: NodeSchema("lijst", summary: "Laat alle werkbladen in de database zien.", arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        return WerkbladTextRenderer(style: context.style).list(try context.attempt(node) { try store.all() })
    }

    static let werkbladToon = Command(
        "werkblad", action: "toon", task: .kennisEnVisie,
        schema: NodeSchema("toon", summary: "Laat een werkblad zien, stap voor stap.", arguments: [.action("toon"), werkbladNaam])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let content = try context.attempt(node) { try store.content(of: werkblad) }
        let style = context.style
        return WerkbladTextRenderer(style: style).render(content)
            + WerkbladAnalysis.warnings(content).map { style.accent("⚠ ") + $0 + "\n" }.joined()
    }

    static let werkbladHernoem = Command(
        "werkblad", action: "hernoem", task: .kennisEnVisie,
        schema: NodeSchema("hernoem", summary: "Geeft een werkblad een nieuwe naam.",
                           arguments: [.action("hernoem"), werkbladNaam, Slot("nieuwe naam", .text, help: "de nieuwe naam")])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let newName = node.text(2)
        try context.attempt(at: node.argumentSpan(2)) { try store.rename(werkblad, to: newName) }
        return "Werkblad ‘\(werkblad.naam)’ heet nu ‘\(newName.trimmingCharacters(in: .whitespaces))’.\n"
    }

    static let werkbladVerwijder = Command(
        "werkblad", action: "verwijder", task: .kennisEnVisie,
        schema: NodeSchema("verwijder", summary: "Verwijdert een werkblad (je krijgt eerst een vraag ter bevestiging).",
                           arguments: [.action("verwijder"), werkbladNaam],
                           fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        guard try context.confirmDeletion(node, question: "Werkblad ‘\(werkblad.naam)’ met alles erin verwijderen?",
                                          script: "werkblad verwijder \(Value.quote(werkblad.naam)) zeker=ja") else { return "Niets verwijderd.\n" }
        try context.attempt(node) { try store.delete(werkblad) }
        return "Werkblad ‘\(werkblad.naam)’ is verwijderd.\n"
    }
}
