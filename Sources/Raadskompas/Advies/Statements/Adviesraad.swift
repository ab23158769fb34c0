import KompasDSL

/// `adviesraad ID naam=… [reactietermijn=…]` and `adviesraad lijst`.
extension Command {
    static let adviesraadDeclaratie = Command(
        "adviesraad", task: .adviezenEnCijfers,
        schema: NodeSchema("adviesraad", summary: "Een adviesraad sociaal domein, met de reactietermijn uit de eigen verordening. Opnieuw vastleggen verandert alleen wat je noemt.",
                           arguments: [Slot("id", .identifier, help: "de id, bijvoorbeeld asd-almere")],
                           fields: [.optional("naam", .text, help: "de naam (nodig bij een nieuwe adviesraad)"), .optional("gemeente", .text, help: "de gemeente"),
                                    .optional("reactietermijn", .wholeNumber, help: "binnen hoeveel weken het college reageert (uit de verordening; er is geen standaard)", range: 1...520)]),
        accepts: { node in node.hasBlock || !node.properties.isEmpty }, isFallback: true
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let id = node.text(0)
        let actions = Registry.forms(of: "adviesraad").compactMap(\.action)
        if actions.contains(id) {
            throw .error("`\(id)` kan geen id zijn: het is een actie van `adviesraad`",
                         hint: id == "verwijder" || id == "wijzig" ? "schrijf `adviesraad \(id) ID …` met de id van de adviesraad (zie `adviesraad lijst`)" : "kies een id als asd",
                         at: node.arguments[0].span)
        }
        let weeks = node.wholeNumber("reactietermijn")
        if let existing = try context.attempt(node, { try store.raden().first { $0.id == id } }) {
            var raad = existing
            var changed: [String] = []
            if let naam = node.optionalText("naam"), naam != raad.naam { raad.naam = naam; changed.append("naam") }
            if let gemeente = node.optionalText("gemeente"), gemeente != raad.gemeente { raad.gemeente = gemeente; changed.append("gemeente") }
            if let weeks, weeks != raad.reactietermijn { raad.reactietermijn = weeks; changed.append("reactietermijn") }
            guard !changed.isEmpty else { return "Adviesraad \(id): niets veranderd.\n" }
            let updated = raad
            try context.attempt(node) { try store.save(updated) }
            var reply = "Adviesraad \(id) bijgewerkt: \(changed.joined(separator: ", ")).\n"
            if changed.contains("reactietermijn") {
                // The due date of every reactie follows the termijn: say so, the verdicts move.
                let adviezen = try context.attempt(node) { try store.adviezen().filter { $0.raad == id && $0.uitgebracht != nil }.count }
                if adviezen > 0 {
                    reply += "De reactietermijn geldt voor \(adviezen) uitgebrachte \(adviezen == 1 ? "advies" : "adviezen") van deze raad: "
                        + "wat op tijd of te laat is, is opnieuw berekend (zie `advies lijst`).\n"
                }
            }
            return reply
        }
        guard let naam = node.optionalText("naam") else {
            throw .error("adviesraad \(id) bestaat nog niet en heeft een naam nodig", hint: "schrijf `adviesraad \(id) naam=\"Adviesraad Sociaal Domein\" reactietermijn=6`", at: node.nameSpan)
        }
        let raad = Adviesraad(id: id, naam: naam, gemeente: node.fieldText("gemeente"), reactietermijn: weeks)
        try context.attempt(node) { try store.save(raad) }
        return "Adviesraad \(raad.id) opgeslagen" + (weeks == nil ? "; let op: zonder reactietermijn kan Raadskompas niet zien of een reactie te laat is.\n" : ".\n")
    }

    static let adviesraadWijzig = Command.wijzig(
        adviesraadDeclaratie, summary: "Verandert velden van een adviesraad: adviesraad wijzig asd reactietermijn=8.",
        example: "adviesraad wijzig asd reactietermijn=8") { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let raden = try context.attempt(node) { try store.raden() }
        guard raden.contains(where: { $0.id == node.text(1) }) else {
            throw .error("geen adviesraad met id `\(node.text(1))`",
                         hint: Command.unknownIdHint(node.text(1), records: raden.map { ($0.id, $0.naam) }, statement: "adviesraad wijzig", fallback: "typ `adviesraad lijst`"),
                         at: node.arguments[1].span)
        }
    }

    static let adviesraadVerwijder = Command(
        "adviesraad", action: "verwijder", task: .adviezenEnCijfers,
        schema: NodeSchema("verwijder", summary: "Verwijdert een adviesraad zonder adviezen. `ongedaan` zet hem terug.",
                           arguments: [.action("verwijder"), Slot("id", .identifier, help: "de id van de adviesraad")],
                           fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let id = node.text(1)
        let raden = try context.attempt(node) { try store.raden() }
        guard let raad = raden.first(where: { $0.id == id }) else {
            throw .error("geen adviesraad met id `\(id)`", hint: Suggestion.hint(for: id, in: raden.map(\.id)) ?? "typ `adviesraad lijst`", at: node.arguments[1].span)
        }
        let adviezen = try context.attempt(node) { try store.adviezen(of: id) }
        guard adviezen.isEmpty else {
            throw .error("adviesraad \(id) heeft nog \(adviezen.count) \(adviezen.count == 1 ? "advies" : "adviezen") (\(adviezen.prefix(5).joined(separator: ", "))\(adviezen.count > 5 ? ", …" : ""))",
                         hint: "er is niets verwijderd; verwijder of verplaats die eerst (`advies wijzig ID raad=…`, `advies verwijder ID`)", at: node.arguments[1].span)
        }
        guard try context.confirmDeletion(node, question: "Adviesraad \(id) (\(raad.naam)) verwijderen?",
                                          script: "adviesraad verwijder \(id) zeker=ja") else { return "Niets verwijderd.\n" }
        try context.attempt(node) { try store.removeRaad(id) }
        return "Adviesraad \(id) verwijderd. `ongedaan` zet hem terug.\n"
    }

    static let adviesraadLijst = Command(
        "adviesraad", action: "lijst", task: .adviezenEnCijfers,
        schema: NodeSchema("lijst", summary: "Laat de adviesraden zien, met hun reactietermijn.", arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let raden = try context.attempt(node) { try store.raden() }
        return AdviesTextRenderer(style: context.style, today: context.today()).list(raden)
    }
}
