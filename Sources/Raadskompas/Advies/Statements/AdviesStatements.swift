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
            let monitor = try context.monitor(node)
            for link in links {
                guard let entry = catalog.entry(link.indicator) else { continue }
                let report = try context.attempt(node) { try monitor.report(entry, gebied: nil) }
                let aanbeveling = aanbevelingen.first { $0.nummer == link.nummer }
                effects.append(.init(link: link, indicator: entry, lines: report.effect(IndicatorReport.Link(advies: advies, aanbeveling: aanbeveling, koppeling: link))))
            }
        }
        return AdviesTextRenderer(style: context.style, today: context.today())
            .show(advies, raad: raden.first { $0.id == advies.raad }, aanbevelingen: aanbevelingen, effects: effects)
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
        try flow.newAdvies(raden: raden, existing: existing, laws: ContentSchemas.staalkaartIds)
        return ""
    }

    static let aanbeveling = NodeSchema(
        "aanbeveling", summary: "Een genummerde aanbeveling van het advies.",
        arguments: [Slot("nummer", .wholeNumber, help: "1, 2, 3, …"), Slot("tekst", .text, help: "de aanbeveling")]
    )

    static let adviesDeclaratie = Command(
        "advies", task: .adviezenEnCijfers,
        schema: NodeSchema("advies", summary: "Een advies van de adviesraad, met de data van de levensloop en de aanbevelingen.",
                           arguments: [Slot("id", .identifier, help: "de id, bijvoorbeeld adv-2026-03")],
                           fields: [Slot("raad", .identifier, help: "de id van de adviesraad"),
                                    Slot("soort", .choice(Advies.soorten), help: "voorkant, gevraagd, ongevraagd of signaal"),
                                    Slot("onderwerp", .text, help: "waar het advies over gaat"),
                                    .optional("thema", .text, help: "het thema"),
                                    .optional("wetten", .list(.reference(kinds: ["staalkaart"])), help: "de wetten, bijvoorbeeld [wmo]"),
                                    .optional("aangevraagd", .date, help: "wanneer het college om advies vroeg"),
                                    .optional("uitgebracht", .date, help: "wanneer het advies is uitgebracht; de reactietermijn loopt vanaf hier"),
                                    .optional("bij_raadsstukken", .date, help: "wanneer advies en reactie bij de raadsstukken kwamen"),
                                    .optional("voorstel", .identifier, help: "de id van het raadsvoorstel waar het bij hoort", completes: .voorstellen)],
                           children: [ChildRule("aanbeveling") { aanbeveling }]) { node, validation in
            ContentSchemas.checkNumbering(node, child: "aanbeveling", validation: &validation)
        },
        accepts: { node in node.hasBlock || !node.properties.isEmpty }, isFallback: true
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let advies = Advies(id: node.text(0), raad: node.fieldText("raad"), soort: node.fieldText("soort"),
                            onderwerp: node.fieldText("onderwerp"), thema: node.fieldText("thema"), wetten: node.texts("wetten").joined(separator: ","),
                            aangevraagd: node.date("aangevraagd")?.description, uitgebracht: node.date("uitgebracht")?.description, reactieOntvangen: nil,
                            bijRaadsstukken: node.date("bij_raadsstukken")?.description, voorstel: node.optionalText("voorstel"))
        let aanbevelingen = node.children.filter { $0.name == "aanbeveling" }.map {
            Aanbeveling(adviesId: advies.id, nummer: $0.int(0), tekst: $0.text(1), reactie: nil, motivering: "")
        }
        let known = try context.attempt(node) { try store.raden().map(\.id) }
        guard known.contains(advies.raad) else {
            throw .error("onbekende adviesraad `\(advies.raad)`",
                         hint: Suggestion.hint(for: advies.raad, in: known) ?? "leg de adviesraad eerst vast: adviesraad \(advies.raad) naam=\"…\" reactietermijn=…",
                         at: node.span(of: "raad"))
        }
        try context.attempt(node) { try store.declare(advies, aanbevelingen: aanbevelingen) }
        return "Advies \(advies.id) opgeslagen met \(aanbevelingen.count) \(aanbevelingen.count == 1 ? "aanbeveling" : "aanbevelingen").\n"
    }

    /// The guided flow for `advies nieuw` and `reactie ID`; each answer is written at once.
    static func guidedAdvies(_ node: Node, _ context: CommandContext, store: AdviesStore, statement: String, script: String) throws(Diagnostic) -> GuidedAdvies {
        let conversation = try context.conversation(for: node, statement: statement, script: script)
        return GuidedAdvies(style: context.style, conversation: conversation, today: context.today()) { body throws(Diagnostic) in
            try context.attempt(node) { try store.write(body) }
        }
    }
}
