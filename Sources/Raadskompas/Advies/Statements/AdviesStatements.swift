import KompasDSL

/// `advies lijst|toon|nieuw` and the declarative `advies ID raad=… { aanbeveling N "…" }`.
extension Command {
    static let adviesId = Slot("id", .identifier, help: "de id van het advies", completes: .adviezen)

    static let adviesLijst = Command(
        "advies", action: "lijst", task: .adviezenEnCijfers,
        schema: NodeSchema("lijst", summary: "Laat alle adviezen zien, met de termijn van de reactie; voorstellen in het kerndomein zonder advies worden gemeld.",
                           arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let voorstellen = try context.voorstellen(node)
        let (raden, adviezen, all) = try context.attempt(node) { (try store.raden(), try store.adviezen(), try voorstellen.all()) }
        let unadvised = try context.withoutAdvies(all, node)
        return AdviesTextRenderer(style: context.style, today: context.today())
            .list(adviezen, raden: raden, withoutAdvies: all.filter { unadvised.contains($0.id) }.sorted { ($0.datum ?? "", $0.id) < ($1.datum ?? "", $1.id) })
    }

    static let adviesToon = Command(
        "advies", action: "toon", task: .adviezenEnCijfers,
        schema: NodeSchema("toon", summary: "Laat een advies zien: de data, elke aanbeveling met de reactie, en de trend van gekoppelde indicatoren voor en na het advies.",
                           arguments: [.action("toon"), adviesId])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let advies = try context.advies(node.text(1), at: node.arguments[1].span, in: store)
        let (raden, aanbevelingen, links) = try context.attempt(node) { (try store.raden(), try store.aanbevelingen(of: advies.id), try store.links(of: advies.id)) }
        var effects: [AdviesTextRenderer.Effect] = []
        if !links.isEmpty {
            let catalog = try context.catalog(node)
            // Without a gemeente of its own choosing, the database follows the adviesraad's gemeente.
            let settings = try context.instellingen(node)
            let raadGemeente: String? = settings.gemeente == nil
                ? raden.first { $0.id == advies.raad }.flatMap { raad in
                    if case .found(let gebied) = context.gebieden.lookup(raad.gemeente), gebied.soort == .gemeente { gebied.code } else { nil }
                }
                : nil
            for link in links {
                guard let entry = catalog.entry(link.indicator) else { continue }
                let report = try context.indicatorReport(node, entry, gebied: link.gebied ?? raadGemeente, full: true)
                let aanbeveling = aanbevelingen.first { $0.nummer == link.nummer }
                effects.append(.init(link: link, indicator: entry, lines: report.effect(IndicatorReport.Link(advies: advies, aanbeveling: aanbeveling, koppeling: link))))
            }
        }
        // A voorstel removed since (perhaps in another shell) is named as such, not as if it were there.
        let voorstelGone = try advies.voorstel.map { id throws(Diagnostic) in
            try context.attempt(node) { try store.store.read { db in try Voorstel.fetchOne(db, key: id) == nil } }
        } ?? false
        return AdviesTextRenderer(style: context.style, today: context.today())
            .show(advies, raad: raden.first { $0.id == advies.raad }, aanbevelingen: aanbevelingen, effects: effects, voorstelGone: voorstelGone)
    }

    static let adviesNieuw = Command(
        "advies", action: "nieuw", task: .adviezenEnCijfers, guided: true,
        schema: NodeSchema("nieuw", summary: "Legt stap voor stap een advies vast, met de aanbevelingen; elk antwoord wordt meteen bewaard.",
                           arguments: [.action("nieuw")])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let (raden, existing) = try context.attempt(node) { (try store.raden(), Set(try store.ids())) }
        guard !raden.isEmpty else {
            throw .error("er is nog geen adviesraad", hint: "leg die eerst vast: adviesraad asd naam=\"Adviesraad Sociaal Domein\" reactietermijn=6", at: node.nameSpan)
        }
        let flow = try guidedAdvies(node, context, store: store, statement: "advies nieuw",
                                    script: "`advies ID raad=… soort=… onderwerp=\"…\" { aanbeveling 1 \"…\" }`")
        let voorstellen = try context.voorstellen(node)
        let ids = try context.attempt(node) { try voorstellen.all().map(\.id) }
        try flow.newAdvies(raden: raden, existing: existing, laws: ContentSchemas.staalkaartIds, voorstellen: ids)
        return ""
    }

    static let aanbeveling = NodeSchema(
        "aanbeveling", summary: "Een genummerde aanbeveling van het advies.",
        arguments: [Slot("nummer", .wholeNumber, help: "1, 2, 3, …", range: 1...999), Slot("tekst", .text, help: "de aanbeveling")]
    )

    static let adviesDeclaratie = Command(
        "advies", task: .adviezenEnCijfers,
        schema: NodeSchema("advies", summary: "Een advies van de adviesraad, met de data van de levensloop en de aanbevelingen. Opnieuw vastleggen verandert alleen wat je noemt; de rest (reacties, koppelingen, data) blijft.",
                           arguments: [Slot("id", .identifier, help: "de id, bijvoorbeeld adv-2026-03", completes: .adviezen)],
                           fields: [.optional("raad", .identifier, help: "de id van de adviesraad (nodig bij een nieuw advies)"),
                                    .optional("soort", .choice(Advies.soorten), help: "voorkant, gevraagd, ongevraagd of signaal (nodig bij een nieuw advies)"),
                                    .optional("onderwerp", .text, help: "waar het advies over gaat (nodig bij een nieuw advies)"),
                                    .optional("thema", .text, help: "het thema"),
                                    .optional("wetten", .list(.reference(kinds: ["staalkaart"])), help: "de wetten, bijvoorbeeld [wmo]"),
                                    .optional("aangevraagd", .date, help: "wanneer het college om advies vroeg"),
                                    .optional("uitgebracht", .date, help: "wanneer het advies is uitgebracht; de reactietermijn loopt vanaf hier"),
                                    .optional("bij_raadsstukken", .date, help: "wanneer advies en reactie bij de raadsstukken kwamen"),
                                    .optional("voorstel", .identifier, help: "de id van het raadsvoorstel waar het bij hoort", completes: .voorstellen),
                                    .optional("vervang", .bool, help: "vervang=ja: aanbevelingen die niet in het blok staan worden weggehaald")],
                           children: [ChildRule("aanbeveling") { aanbeveling }]) { node, validation in
            validation.requireUnique(node, child: "aanbeveling", hint: "geef elk nummer één keer") { "aanbeveling \($0)" }
        },
        accepts: { node in node.hasBlock || !node.properties.isEmpty }, isFallback: true
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let id = node.text(0)
        let actions = Registry.forms(of: "advies").compactMap(\.action)
        if actions.contains(id) {
            throw .error("`\(id)` kan geen id zijn: het is een actie van `advies`",
                         hint: id == "verwijder" || id == "wijzig" ? "schrijf `advies \(id) ID …` met de id van het advies (zie `advies lijst`)" : "kies een id als adv-2026-03",
                         at: node.arguments[0].span)
        }
        if let raad = node.optionalText("raad") {
            let known = try context.attempt(node) { try store.raden().map(\.id) }
            guard known.contains(raad) else {
                throw .error("onbekende adviesraad `\(raad)`",
                             hint: Suggestion.hint(for: raad, in: known) ?? "leg de adviesraad eerst vast: adviesraad \(raad) naam=\"…\" reactietermijn=…",
                             at: node.span(of: "raad"))
            }
        }
        if let voorstel = node.optionalText("voorstel") {
            let voorstellen = try context.voorstellen(node)
            _ = try context.attempt(at: node.span(of: "voorstel")) { try voorstellen.find(voorstel) }
        }
        let declaration = AdviesStore.Declaration(
            id: id, raad: node.optionalText("raad"), soort: node.optionalText("soort"), onderwerp: node.optionalText("onderwerp"),
            thema: node.optionalText("thema"), wetten: node.field("wetten") == nil ? nil : node.texts("wetten"),
            aangevraagd: node.date("aangevraagd")?.description, uitgebracht: node.date("uitgebracht")?.description,
            bijRaadsstukken: node.date("bij_raadsstukken")?.description, voorstel: node.optionalText("voorstel"),
            aanbevelingen: node.children.filter { $0.name == "aanbeveling" }.map { ($0.int(0), $0.text(1)) },
            replaceAanbevelingen: node.flag("vervang"))
        let declared = try context.attempt(node) { try store.declare(declaration) }
        return describe(declared, id: id)
    }

    /// "Advies adv-1 bijgewerkt: voorstel; aanbeveling 3 nieuw; 1, 2 ongewijzigd."
    static func describe(_ declared: AdviesStore.Declared, id: String) -> String {
        func numbers(_ list: [Int]) -> String { list.sorted().map(String.init).joined(separator: ", ") }
        var parts: [String] = []
        if !declared.changedFields.isEmpty { parts.append(declared.changedFields.joined(separator: ", ") + " gewijzigd") }
        if !declared.new.isEmpty { parts.append("\(declared.new.count == 1 ? "aanbeveling" : "aanbevelingen") \(numbers(declared.new)) nieuw") }
        if !declared.changed.isEmpty { parts.append("\(declared.changed.count == 1 ? "aanbeveling" : "aanbevelingen") \(numbers(declared.changed)) bijgewerkt") }
        if !declared.removed.isEmpty { parts.append("\(declared.removed.count == 1 ? "aanbeveling" : "aanbevelingen") \(numbers(declared.removed)) weggehaald (vervang=ja)") }
        let same = declared.unchanged + declared.kept
        if !same.isEmpty, !declared.isNew { parts.append("\(same.count == 1 ? "aanbeveling" : "aanbevelingen") \(numbers(same)) ongewijzigd") }
        if declared.isNew {
            let count = declared.new.count
            return "Advies \(id) opgeslagen met \(count) \(count == 1 ? "aanbeveling" : "aanbevelingen").\n"
        }
        return "Advies \(id) bijgewerkt: " + (parts.isEmpty ? "niets veranderd" : parts.joined(separator: "; ")) + ".\n"
    }

    static let adviesWijzig = Command.wijzig(
        adviesDeclaratie, summary: "Verandert velden van een advies: advies wijzig adv-1 voorstel=rv-2. De rest (aanbevelingen, reacties, koppelingen) blijft.",
        example: "advies wijzig adv-1 onderwerp=\"Jeugdhulp\"") { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        guard try context.attempt(node, { try store.advies(node.text(1)) }) == nil else { return }
        let adviezen = try context.attempt(node) { try store.adviezen() }
        throw .error("geen advies met id `\(node.text(1))`",
                     hint: Command.unknownIdHint(node.text(1), records: adviezen.map { ($0.id, $0.onderwerp) }, named: "het onderwerp", statement: "advies wijzig", fallback: "typ `advies lijst`"),
                     at: node.arguments[1].span)
    }

    static let aanbevelingWijzig = Command(
        "aanbeveling", action: "wijzig", task: .adviezenEnCijfers,
        schema: NodeSchema("wijzig", summary: "Geeft één aanbeveling van een advies een nieuwe tekst; reacties en koppelingen blijven.",
                           arguments: [.action("wijzig"), aanbevelingAdvies, aanbevelingNummer, Slot("tekst", .text, help: "de nieuwe tekst")])
    ) { node, context throws(Diagnostic) in
        let (_, advies, nummer) = try existingAanbeveling(node, context) { advies, numbers in
            "een nieuwe: aanbeveling nieuw \(advies) \"tekst\"" + (numbers.isEmpty ? "" : "; bestaande: " + numbers.map(String.init).joined(separator: ", "))
        }
        return try declareAanbeveling(node, context, advies: advies.id, nummer: nummer, tekst: node.arguments[3])
    }

    static let adviesVerwijder = Command(
        "advies", action: "verwijder", task: .adviezenEnCijfers,
        schema: NodeSchema("verwijder", summary: "Verwijdert een advies met zijn aanbevelingen, de reacties erop en de koppelingen aan indicatoren. `ongedaan` zet het terug.",
                           arguments: [.action("verwijder"), Slot("id", .identifier, help: "de id van het advies", completes: .adviezen)],
                           fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let advies = try context.advies(node.text(1), at: node.arguments[1].span, in: store)
        let count = try context.attempt(node) { try store.aanbevelingen(of: advies.id).count }
        guard try context.confirmDeletion(node, question: "Advies \(advies.id) (\(advies.onderwerp)) met \(count) \(count == 1 ? "aanbeveling" : "aanbevelingen") verwijderen?",
                                          script: "advies verwijder \(advies.id) zeker=ja") else { return "Niets verwijderd.\n" }
        let removed = try context.attempt(node) { try store.removeAdvies(advies.id) }
        var with = ["\(removed.aanbevelingen) \(removed.aanbevelingen == 1 ? "aanbeveling" : "aanbevelingen")"]
        if removed.links > 0 { with.append("\(removed.links) \(removed.links == 1 ? "koppeling" : "koppelingen") aan een indicator") }
        return "Advies \(advies.id) verwijderd, met \(with.joined(separator: " en ")). `ongedaan` zet het terug.\n"
    }

    static let aanbevelingAdvies = Slot("advies", .identifier, help: "de id van het advies", completes: .adviezen)
    static let aanbevelingNummer = Slot("nummer", .wholeNumber, help: "het nummer van de aanbeveling", range: 1...999)

    /// The advies of argument 1 and the number of argument 2, which must be one of its
    /// aanbevelingen (`hint` says what to do when it is not, given the advies and its numbers).
    private static func existingAanbeveling(_ node: Node, _ context: CommandContext, hint: (String, [Int]) -> String) throws(Diagnostic) -> (AdviesStore, Advies, Int) {
        let store = try context.adviezen(node)
        let advies = try context.advies(node.text(1), at: node.arguments[1].span, in: store)
        let nummer = node.int(2)
        let numbers = try context.attempt(node) { try store.aanbevelingen(of: advies.id).map(\.nummer) }
        guard numbers.contains(nummer) else {
            throw .error("advies \(advies.id) heeft geen aanbeveling \(nummer)", hint: hint(advies.id, numbers), at: node.arguments[2].span)
        }
        return (store, advies, nummer)
    }

    static let aanbevelingNieuw = Command(
        "aanbeveling", action: "nieuw", task: .adviezenEnCijfers,
        schema: NodeSchema("nieuw", summary: "Voegt een aanbeveling toe aan een advies, met het volgende nummer (of nummer=N).",
                           arguments: [.action("nieuw"), aanbevelingAdvies, Slot("tekst", .text, help: "de aanbeveling")],
                           fields: [.optional("nummer", .wholeNumber, help: "het nummer; zonder: het volgende", range: 1...999)])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let advies = try context.advies(node.text(1), at: node.arguments[1].span, in: store)
        let numbers = try context.attempt(node) { try store.aanbevelingen(of: advies.id).map(\.nummer) }
        let nummer = node.wholeNumber("nummer") ?? ((numbers.max() ?? 0) + 1)
        if numbers.contains(nummer) {
            throw .error("advies \(advies.id) heeft al een aanbeveling \(nummer)",
                         hint: "een andere tekst: aanbeveling wijzig \(advies.id) \(nummer) \"tekst\"; een nieuwe zonder nummer= krijgt \((numbers.max() ?? 0) + 1)",
                         at: node.span(of: "nummer"))
        }
        return try declareAanbeveling(node, context, advies: advies.id, nummer: nummer, tekst: node.arguments[2])
    }

    /// `advies ID { aanbeveling N "tekst" }`: one aanbeveling declared, the others kept.
    private static func declareAanbeveling(_ node: Node, _ context: CommandContext, advies: String, nummer: Int, tekst: Node.Argument) throws(Diagnostic) -> String {
        let child = Node(name: "aanbeveling", nameSpan: node.nameSpan,
                         arguments: [Node.Argument(value: .number(Double(nummer)), span: node.nameSpan), tekst],
                         properties: [], children: [], hasBlock: false, span: node.span)
        let declared = Node(name: "advies", nameSpan: node.nameSpan, arguments: [Node.Argument(value: .text(advies), span: node.arguments[1].span)],
                            properties: [], children: [child], hasBlock: true, span: node.span)
        return try adviesDeclaratie.run(declared, context)
    }

    static let aanbevelingVerwijder = Command(
        "aanbeveling", action: "verwijder", task: .adviezenEnCijfers,
        schema: NodeSchema("verwijder", summary: "Haalt één aanbeveling van een advies weg (met de reactie erop). `ongedaan` zet haar terug.",
                           arguments: [.action("verwijder"), aanbevelingAdvies, aanbevelingNummer],
                           fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")])
    ) { node, context throws(Diagnostic) in
        let (store, advies, nummer) = try existingAanbeveling(node, context) { _, numbers in
            numbers.isEmpty ? "het advies heeft nog geen aanbevelingen" : "aanbevelingen: " + numbers.map(String.init).joined(separator: ", ")
        }
        guard try context.confirmDeletion(node, question: "Aanbeveling \(nummer) van \(advies.id) weghalen?",
                                          script: "aanbeveling verwijder \(advies.id) \(nummer) zeker=ja") else { return "Niets verwijderd.\n" }
        try context.attempt(node) { try store.removeAanbeveling(advies.id, nummer: nummer) }
        return "Aanbeveling \(nummer) van \(advies.id) weggehaald. `ongedaan` zet haar terug.\n"
    }

    /// The guided flow for `advies nieuw` and `reactie ID`; each answer is written at once.
    static func guidedAdvies(_ node: Node, _ context: CommandContext, store: AdviesStore, statement: String, script: String) throws(Diagnostic) -> GuidedAdvies {
        let conversation = try context.conversation(for: node, statement: statement, script: script)
        var guided = GuidedAdvies(style: context.style, conversation: conversation, today: context.today()) { body throws(Diagnostic) in
            try context.attempt(node) { try store.write(body) }
        }
        guided.soortHelp = GuidedAdvies.soortHelp(from: context.library)
        guided.wettenHelp = GuidedAdvies.wettenHelp(from: context.library)
        return guided
    }
}
