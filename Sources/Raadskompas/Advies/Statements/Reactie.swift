import KompasDSL

/// The college's reactie on an advies: `reactie ID` asks per aanbeveling in the shell;
/// `reactie ID datum=… { aanbeveling N overgenomen|deels|niet "motivering" }` is the script form.
extension Command {
    static let reactieGevraagd = Command(
        "reactie", task: .adviezenEnCijfers, guided: true,
        schema: NodeSchema("reactie", summary: "Vraagt in de shell per aanbeveling de reactie van het college: overgenomen, deels of niet, met de motivering.",
                           arguments: [Slot("id", .identifier, help: "de id van het advies", completes: .adviezen)]),
        accepts: { node in !node.hasBlock && node.properties.isEmpty && node.arguments.count == 1 }
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let id = node.text(0)
        let advies = try context.advies(id, at: node.arguments[0].span, in: store)
        let aanbevelingen = try context.attempt(node) { try store.aanbevelingen(of: id) }
        guard !aanbevelingen.isEmpty else {
            throw .error("advies \(id) heeft nog geen aanbevelingen", hint: "voeg ze toe met `advies \(id) … { aanbeveling 1 \"…\" }`", at: node.arguments[0].span)
        }
        let flow = try guidedAdvies(node, context, store: store, statement: "reactie",
                                    script: "`reactie \(id) datum=2026-03-01 { aanbeveling 1 overgenomen \"…\" }`")
        try flow.reactie(advies, aanbevelingen: aanbevelingen)
        return ""
    }

    static let reactieOpAanbeveling = NodeSchema(
        "aanbeveling", summary: "De reactie van het college op één aanbeveling.",
        arguments: [Slot("nummer", .wholeNumber, help: "het nummer van de aanbeveling", range: 1...999),
                    Slot("reactie", .choice(Aanbeveling.reacties), help: "overgenomen, deels of niet"),
                    .optional("motivering", .text, help: "waarom")]
    )

    static let reactieDeclaratie = Command(
        "reactie", task: .adviezenEnCijfers,
        schema: NodeSchema("reactie", summary: "De reactie van het college op een advies, per aanbeveling (niet) overgenomen, met motivering.",
                           arguments: [Slot("id", .identifier, help: "de id van het advies", completes: .adviezen)],
                           fields: [Slot("datum", .date, help: "wanneer de reactie kwam")],
                           children: [ChildRule("aanbeveling", min: 1) { reactieOpAanbeveling }])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let id = node.text(0)
        guard let date = node.date("datum") else {
            throw .error("de reactie heeft een datum nodig", hint: "schrijf datum=2026-03-01", at: node.nameSpan)
        }
        let advies = try context.advies(id, at: node.arguments[0].span, in: store, hint: "leg het advies eerst vast met `advies \(id) …`")
        if let issued = advies.uitgebracht.flatMap(Termijn.parse), date < issued {
            throw .error("de reactie (\(date.dutch)) is van vóór het advies (uitgebracht \(issued.dutch))",
                         hint: "controleer de datum van de reactie, of die van het advies (`advies \(id) uitgebracht=…`)", at: node.span(of: "datum"))
        }
        let existing = try context.attempt(node) { try store.aanbevelingen(of: id) }
        var updates: [Aanbeveling] = []
        for child in node.children where child.name == "aanbeveling" {
            let number = child.int(0)
            guard var aanbeveling = existing.first(where: { $0.nummer == number }) else {
                throw .error("advies \(id) heeft geen aanbeveling \(number)",
                             hint: existing.isEmpty ? "het advies heeft nog geen aanbevelingen" : "aanbevelingen: " + existing.map { String($0.nummer) }.joined(separator: ", "),
                             at: child.arguments[0].span)
            }
            aanbeveling.reactie = child.text(1)
            aanbeveling.motivering = child.arguments.count > 2 ? child.text(2) : ""
            updates.append(aanbeveling)
        }
        let changed = updates
        try context.attempt(node) { try store.saveReactie(to: id, on: date, changed) }
        return "Reactie op advies \(id) opgeslagen (\(updates.count) \(updates.count == 1 ? "aanbeveling" : "aanbevelingen")).\n"
    }
}
