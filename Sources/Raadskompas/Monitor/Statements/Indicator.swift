import KompasDSL

/// Own indicators: `indicator nieuw|lijst|verwijder`.
extension Command {
    static let indicatorNieuw = Command(
        "indicator", action: "nieuw", task: .adviezenEnCijfers,
        schema: NodeSchema("nieuw", summary: "Legt een eigen indicator vast, naast de catalogus; daarna kun je er metingen van inlezen en aan koppelen.",
                           arguments: [.action("nieuw"), Slot("id", .identifier, help: "de id, bijvoorbeeld wachttijd-wmo")],
                           fields: [Slot("naam", .text, help: "de naam"), Slot("eenheid", .text, help: "de eenheid, bijvoorbeeld \"dagen\" of \"%\""),
                                    .optional("omschrijving", .text, help: "wat er gemeten wordt"),
                                    .optional("richting", .choice(["hoger-is-beter", "lager-is-beter"]), help: "hoger-is-beter of lager-is-beter"),
                                    .optional("thema", .text, help: "het thema")])
    ) { node, context throws(Diagnostic) in
        let monitor = try context.monitor(node)
        let catalog = try context.catalog(node)
        let id = node.text(1)
        if let existing = catalog.entry(id), !existing.eigen {
            throw .error("`\(id)` staat al in de catalogus (\(existing.naam))", hint: "kies een andere id, of gebruik de indicator uit de catalogus", at: node.arguments[1].span)
        }
        let indicator = EigenIndicator(id: id, naam: node.fieldText("naam"), omschrijving: node.fieldText("omschrijving"),
                                       eenheid: node.fieldText("eenheid"), richting: node.optionalText("richting"), thema: node.fieldText("thema"))
        if let existing = try context.attempt(node, { try monitor.ownIndicator(id) }) {
            var changed: [String] = []
            if existing.naam != indicator.naam { changed.append("naam") }
            if existing.eenheid != indicator.eenheid { changed.append("eenheid") }
            if node.field("omschrijving") != nil, existing.omschrijving != indicator.omschrijving { changed.append("omschrijving") }
            if node.field("richting") != nil, existing.richting != indicator.richting { changed.append("richting") }
            if node.field("thema") != nil, existing.thema != indicator.thema { changed.append("thema") }
            guard !changed.isEmpty else { return "Eigen indicator \(id) bestaat al, met dezelfde gegevens.\n" }
            // Fields that are not given keep what is stored.
            let updated = EigenIndicator(id: id, naam: indicator.naam, omschrijving: node.field("omschrijving") == nil ? existing.omschrijving : indicator.omschrijving,
                                         eenheid: indicator.eenheid, richting: node.field("richting") == nil ? existing.richting : indicator.richting,
                                         thema: node.field("thema") == nil ? existing.thema : indicator.thema)
            try context.attempt(node) { try monitor.save(updated) }
            return "Eigen indicator \(id) bijgewerkt: \(changed.joined(separator: ", ")).\n"
        }
        try context.attempt(node) { try monitor.save(indicator) }
        return "Eigen indicator \(id) opgeslagen. Lees metingen in met: importeer metingen \"bestand.csv\"\n"
    }

    static let indicatorWijzig = Command.wijzig(
        indicatorNieuw, summary: "Verandert velden van een eigen indicator: indicator wijzig wachttijd-wmo eenheid=\"weken\".",
        example: "indicator wijzig wachttijd-wmo naam=\"Wachttijd Wmo\"", keepAction: true,
        exists: { node, context throws(Diagnostic) in
            let id = node.text(1)
            let monitor = try context.monitor(node)
            guard try context.attempt(node, { try monitor.ownIndicator(id) }) == nil else { return }
            if let entry = try context.catalog(node).entry(id), !entry.eigen {
                throw .error("`\(id)` staat in de catalogus (\(entry.naam)) en is niet te wijzigen", hint: "alleen eigen indicatoren zijn te wijzigen; maak er een met `indicator nieuw`",
                             at: node.arguments[1].span)
            }
            let own = try context.attempt(node) { try monitor.ownIndicators() }
            throw .error("geen eigen indicator met id `\(id)`",
                         hint: Command.unknownIdHint(id, records: own.map { ($0.id, $0.naam) }, statement: "indicator wijzig", fallback: "typ `indicator lijst`"),
                         at: node.arguments[1].span)
        },
        prepare: { node, context throws(Diagnostic) in
            // `indicator nieuw` needs naam and eenheid; what is not given stays as stored.
            let monitor = try context.monitor(node)
            guard let existing = try context.attempt(node, { try monitor.ownIndicator(node.text(1)) }) else { return [] }
            return [("naam", existing.naam), ("eenheid", existing.eenheid)].map {
                Node.Property(key: $0.0, keySpan: node.nameSpan, value: .text($0.1), valueSpan: node.nameSpan)
            }
        })

    static let indicatorLijst = Command(
        "indicator", action: "lijst", task: .adviezenEnCijfers,
        schema: NodeSchema("lijst", summary: "Laat de indicatoren zien: de catalogus en je eigen indicatoren, met het aantal metingen.",
                           arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let monitor = try context.monitor(node)
        let catalog = try context.catalog(node)
        let counts = try context.attempt(node) { try monitor.measurementCounts() }
        return MonitorTextRenderer(style: context.style).list(catalog, counts: counts)
    }

    static let indicatorVerwijder = Command(
        "indicator", action: "verwijder", task: .adviezenEnCijfers,
        schema: NodeSchema("verwijder", summary: "Verwijdert een eigen indicator met zijn metingen, koppelingen en duidingen.",
                           arguments: [.action("verwijder"), Slot("id", .identifier, help: "de id van de eigen indicator", completes: .indicatoren)],
                           fields: [.optional("zeker", .bool, help: "in een script: zeker=ja om zonder vraag te verwijderen")])
    ) { node, context throws(Diagnostic) in
        let monitor = try context.monitor(node)
        let catalog = try context.catalog(node)
        let id = node.text(1)
        guard let entry = catalog.entry(id), entry.eigen else {
            let own = catalog.entries.filter(\.eigen).map(\.id)
            throw .error(catalog.entry(id) == nil ? "geen eigen indicator `\(id)`" : "`\(id)` komt uit de catalogus en kan niet weg",
                         hint: Suggestion.hint(for: id, in: own) ?? "je eigen indicatoren: " + (own.isEmpty ? "(geen)" : own.joined(separator: ", ")), at: node.arguments[1].span)
        }
        let measured = try context.attempt(node) { try monitor.measurementCount(of: id) }
        guard try context.confirmDeletion(node, question: "Indicator \(id) verwijderen, met \(measured) \(measured == 1 ? "meting" : "metingen") en alle koppelingen en duidingen ervan?",
                                          script: "indicator verwijder \(id) zeker=ja") else { return "Niets verwijderd.\n" }
        let removal = try context.attempt(node) { try monitor.deleteOwnIndicator(id) }
        var parts = ["\(removal.metingen) \(removal.metingen == 1 ? "meting" : "metingen")"]
        if removal.koppelingen > 0 { parts.append("\(removal.koppelingen) \(removal.koppelingen == 1 ? "koppeling aan een aanbeveling" : "koppelingen aan aanbevelingen")") }
        if removal.duidingen > 0 { parts.append("\(removal.duidingen) \(removal.duidingen == 1 ? "duiding" : "duidingen")") }
        var out = "Indicator \(id) verwijderd, met " + parts.joined(separator: ", ") + ".\n"
        if removal.resultaten > 0 {
            out += "\(removal.resultaten) \(removal.resultaten == 1 ? "resultaat in een werkblad meet" : "resultaten in werkbladen meten") niet meer met deze indicator; de streefwaarde blijft staan. Terugdraaien kan met `ongedaan`.\n"
        }
        return out
    }
}
