import KompasDSL

/// Links to indicators: `koppel|ontkoppel aanbeveling ADVIES N …` and `koppel|ontkoppel resultaat "WERKBLAD" ADRES …`.
extension Command {
    static let koppelAanbeveling = Command(
        "koppel", action: "aanbeveling", task: .adviezenEnCijfers,
        schema: NodeSchema("aanbeveling", summary: "Koppelt een aanbeveling van een advies aan een indicator, met de richting die het advies verwacht.",
                           arguments: [.action("aanbeveling"), Slot("advies", .identifier, help: "de id van het advies", completes: .adviezen),
                                       Slot("nummer", .wholeNumber, help: "het nummer van de aanbeveling", range: 1...999)],
                           fields: [Slot("indicator", .identifier, help: "de id van de indicator", completes: .indicatoren),
                                    Slot("richting", .choice(AanbevelingIndicator.richtingen), help: "omhoog of omlaag: welke kant de indicator op moet"),
                                    .optional("horizon", .wholeNumber, help: "het jaar waarin het effect te zien moet zijn", range: Slot.jaren),
                                    .optional("gebied", .word, help: "het gebied waarin het effect te zien moet zijn: een naam (\"Almere\") of code (GM0034)")])
    ) { node, context throws(Diagnostic) in
        let monitor = try context.monitor(node)
        let adviesId = node.text(1), nummer = node.int(2)
        let gebied = try node.optionalText("gebied").map { text throws(Diagnostic) in try context.gebied(text, at: node.span(of: "gebied")) }
        let indicator = try context.indicator(node.fieldText("indicator"), at: node.span(of: "indicator"), in: context.catalog(node))
        try requireAanbeveling(node, context, advies: adviesId, nummer: nummer)
        // The schema keeps the horizon within the years Raadskompas works with.
        let horizon = node.wholeNumber("horizon")
        let link = AanbevelingIndicator(adviesId: adviesId, nummer: nummer, indicator: indicator.id, richting: node.fieldText("richting"), horizon: horizon,
                                        gebied: gebied?.code)
        try context.attempt(node) { try monitor.link(link) }
        return "Aanbeveling \(adviesId).\(nummer) gekoppeld aan \(indicator.id) (verwacht \(link.richting)\(horizon.map { " in \($0)" } ?? "")\(gebied.map { " in \($0.weergave)" } ?? "")).\n"
    }

    static let ontkoppelAanbeveling = Command(
        "ontkoppel", action: "aanbeveling", task: .adviezenEnCijfers,
        schema: NodeSchema("aanbeveling", summary: "Haalt de koppeling van een aanbeveling met een indicator weg.",
                           arguments: [.action("aanbeveling"), Slot("advies", .identifier, help: "de id van het advies", completes: .adviezen),
                                       Slot("nummer", .wholeNumber, help: "het nummer van de aanbeveling", range: 1...999)],
                           fields: [.optional("indicator", .identifier, help: "welke indicator", completes: .indicatoren)])
    ) { node, context throws(Diagnostic) in
        let monitor = try context.monitor(node)
        let adviesId = node.text(1), nummer = node.int(2)
        guard let indicator = node.optionalText("indicator") else {
            throw .error("welke indicator?", hint: "schrijf `ontkoppel aanbeveling \(adviesId) \(nummer) indicator=ID`", at: node.nameSpan)
        }
        guard try context.attempt(node, { try monitor.unlink(advies: adviesId, nummer: nummer, indicator: indicator) }) else {
            throw .error("aanbeveling \(adviesId).\(nummer) is niet gekoppeld aan \(indicator)", hint: "bekijk de koppelingen met `advies toon \(adviesId)`", at: node.arguments[1].span)
        }
        return "Koppeling van \(adviesId).\(nummer) met \(indicator) weggehaald.\n"
    }

    static let resultaatAdres = Slot("adres", .word, help: "welk resultaat: zelf.1, samen.2 (of resultaten.zelf.1)", completes: .resultaatAdres)

    static let koppelResultaat = Command(
        "koppel", action: "resultaat", task: .adviezenEnCijfers,
        schema: NodeSchema("resultaat", summary: "Koppelt een maatschappelijk resultaat van een werkblad aan een indicator, met een doel.",
                           arguments: [.action("resultaat"), werkbladNaam, resultaatAdres],
                           fields: [Slot("indicator", .identifier, help: "de id van de indicator", completes: .indicatoren),
                                    Slot("doel", .any, help: "de streefwaarde in de eenheid van de indicator, bijvoorbeeld 70% of 12,5"),
                                    .optional("richting", .choice(WerkbladItem.richtingen), help: "omhoog of omlaag (anders: volgens de indicator)"),
                                    .optional("jaar", .wholeNumber, help: "het jaar waarin het doel gehaald moet zijn", range: Slot.jaren),
                                    .optional("gebied", .word, help: "het gebied waarin gemeten wordt, bijvoorbeeld GM0363")])
    ) { node, context throws(Diagnostic) in
        let (store, werkblad, found) = try resultaat(node, context)
        var item = found
        let entry = try context.indicator(node.fieldText("indicator"), at: node.span(of: "indicator"), in: context.catalog(node))
        guard let doel = node.field("doel").flatMap(WerkbladSchemas.number) else {
            throw .error("het doel is geen getal", hint: "schrijf de streefwaarde in de eenheid van de indicator (\(entry.eenheid)), bijvoorbeeld doel=70% of doel=12,5",
                         at: node.span(of: "doel"))
        }
        item.indicator = entry.id
        item.doel = doel
        // A percentage is a value in %; otherwise the value is in the indicator's own unit.
        if case .percent? = node.field("doel") { item.eenheid = "%" } else { item.eenheid = nil }
        item.richting = node.optionalText("richting")
            ?? (entry.richting == "lager-is-beter" ? "omlaag" : entry.richting == "hoger-is-beter" ? "omhoog" : nil) ?? item.richting
        if let jaar = node.wholeNumber("jaar") { item.jaar = jaar }
        if let gebied = node.optionalText("gebied") { item.gebied = try context.gebied(gebied, at: node.span(of: "gebied")).code }
        let updated = item
        try context.attempt(node) { try store.updateItem(updated) }
        return "Resultaat \(item.kant.rawValue).\(item.volgorde) van ‘\(werkblad.naam)’ gekoppeld: doel \(item.doelTekst ?? Value.format(doel))."
            + " Volg het met `werkblad voortgang \(Value.quote(werkblad.naam))`.\n"
    }

    static let ontkoppelResultaat = Command(
        "ontkoppel", action: "resultaat", task: .adviezenEnCijfers,
        schema: NodeSchema("resultaat", summary: "Haalt de koppeling van een maatschappelijk resultaat met een indicator weg.",
                           arguments: [.action("resultaat"), werkbladNaam, resultaatAdres])
    ) { node, context throws(Diagnostic) in
        let (store, werkblad, found) = try resultaat(node, context)
        var item = found
        guard let indicator = item.indicator else {
            throw .error("dit resultaat is niet aan een indicator gekoppeld", hint: "bekijk het werkblad met `werkblad voortgang \(Value.quote(werkblad.naam))`", at: node.arguments[2].span)
        }
        item.indicator = nil
        item.gebied = nil
        let updated = item
        try context.attempt(node) { try store.updateItem(updated) }
        return "Koppeling van resultaat \(item.kant.rawValue).\(item.volgorde) met \(indicator) weggehaald.\n"
    }

    /// Checks that the advies exists and has aanbeveling `nummer`, with the nearest id as a hint.
    private static func requireAanbeveling(_ node: Node, _ context: CommandContext, advies id: String, nummer: Int) throws(Diagnostic) {
        let store = try context.adviezen(node)
        _ = try context.advies(id, at: node.arguments[1].span, in: store)
        let numbers = try context.attempt(node) { try store.aanbevelingen(of: id).map(\.nummer) }
        guard numbers.contains(nummer) else {
            throw .error("advies \(id) heeft geen aanbeveling \(nummer)",
                         hint: numbers.isEmpty ? "het advies heeft nog geen aanbevelingen" : "aanbevelingen: " + numbers.map(String.init).joined(separator: ", "),
                         at: node.arguments[2].span)
        }
    }

    /// The werkblad of argument 1 and its resultaat at `zelf.2`, `samen.1` or `resultaten.zelf.2` (argument 2).
    private static func resultaat(_ node: Node, _ context: CommandContext) throws(Diagnostic) -> (WerkbladStore, Werkblad, WerkbladItem) {
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let raw = node.arguments[2].value.displayText
        let parts = raw.split(separator: ".").map(String.init).drop { $0 == "resultaten" }
        guard parts.count == 2, let kant = Kant(rawValue: parts[parts.startIndex]), let number = Int(parts[parts.startIndex + 1]) else {
            throw .error("`\(raw)` is geen adres van een resultaat", hint: "schrijf zelf.1 of samen.2 (de resultaten van stap 3)", at: node.arguments[2].span)
        }
        let items = try context.attempt(node) { try store.content(of: werkblad) }.items(.resultaten, kant)
        guard number >= 1, number <= items.count else {
            throw .error("‘\(werkblad.naam)’ heeft geen resultaat \(kant.rawValue).\(number)",
                         hint: items.isEmpty ? "bij \(kant.rawValue) staan nog geen resultaten" : "kies \(kant.rawValue).1 tot en met \(kant.rawValue).\(items.count)",
                         at: node.arguments[2].span)
        }
        return (store, werkblad, items[number - 1])
    }
}
