import KompasDSL

/// Every kind of content node, declared once. See `docs/inhoud.md` for the authors' view.
public enum ContentSchemas {
    /// Card kinds, by node name: the nodes that may stand at the top of a content file.
    public static let cards: [NodeSchema] = [
        staalkaart, koerskaart, waardemodel, werkbladsjabloon, criteria, kaart, adviesproces, indicator, analyseregels, gebieden,
    ]

    public static func card(named name: String) -> NodeSchema? {
        cards.first { $0.name == name }
    }

    public static let staalkaartIds = ["wmo", "participatiewet", "jeugdwet", "wgs", "wlz", "zvw"]
    public static let requiredStaalkaartSections = ["doelen", "verantwoordelijkheid", "praktijk", "financiering", "rol-raad"]
    public static let visieSteps = ["waarden", "principes", "resultaten", "kwaliteitseisen"]
    public static let themes = ["inleiding", "kennis", "visie", "sturing", "informatie", "advies"]

    // MARK: - Shared parts

    static let id = Slot("id", .identifier, help: "unieke naam van de kaart, bijvoorbeeld `wmo`")
    static let titel = Slot("titel", .text, help: "de titel zoals een raadslid hem leest")
    static let bron = Slot("bron", .text, help: "waar de inhoud vandaan komt")
    static let samenvatting = Slot.optional("samenvatting", .text, help: "één of twee zinnen over de kaart")

    /// The body elements allowed in cards, sections, pages, steps and their parts.
    static func body() -> [ChildRule] {
        [
            ChildRule("tekst") { tekst },
            ChildRule("punt") { punt },
            ChildRule("vraag") { vraag },
            ChildRule("tip") { tip },
            ChildRule("voorbeeld") { voorbeeld },
            ChildRule("link") { link },
            ChildRule("zie") { zie },
            ChildRule("tabel") { tabel },
            ChildRule("sectie") { sectie },
        ]
    }

    static let tekst: NodeSchema = NodeSchema("tekst", summary: "Een alinea tekst.",
                                  arguments: [Slot("tekst", .text, help: "de alinea")])
    static let punt: NodeSchema = NodeSchema("punt", summary: "Een punt in een opsomming, eventueel met subpunten.",
                                 arguments: [Slot("tekst", .text, help: "het punt")],
                                 fields: [.optional("nummer", .wholeNumber, help: "nummer in een genummerde lijst")],
                                 children: [ChildRule("punt") { punt }])
    static let vraag: NodeSchema = NodeSchema("vraag", summary: "Een vraag die de raad kan stellen of zichzelf kan stellen.",
                                  arguments: [Slot("vraag", .text, help: "de vraag")])
    static let tip: NodeSchema = NodeSchema("tip", summary: "Een praktische tip.", arguments: [Slot("tip", .text, help: "de tip")])
    static let voorbeeld: NodeSchema = NodeSchema("voorbeeld", summary: "Een voorbeeld uit de praktijk van een gemeente.",
                                      arguments: [Slot("tekst", .text, help: "het voorbeeld, of zijn titel als er een blok volgt")],
                                      fields: [.optional("bron", .text, help: "waar het voorbeeld vandaan komt")],
                                      children: body())
    static let link: NodeSchema = NodeSchema("link", summary: "Een link naar een bron buiten Raadskompas.",
                                 arguments: [Slot("adres", .url, help: "het webadres")],
                                 fields: [Slot("titel", .text, help: "waar de link naar wijst")])
    static let zie: NodeSchema = NodeSchema("zie", summary: "Een verwijzing naar een andere kaart of sectie.",
                                arguments: [Slot("kaart", .reference(kinds: []), help: "id van de kaart, eventueel met .sectie"),
                                            .optional("toelichting", .text, help: "waarom de verwijzing de moeite waard is")])
    static let tabel: NodeSchema = NodeSchema("tabel", summary: "Een tabel met kolomkoppen en rijen.",
                                  arguments: [.optional("titel", .text, help: "titel van de tabel")],
                                  fields: [Slot("kolommen", .list(.text), help: "de kolomkoppen")],
                                  children: [ChildRule("rij", min: 1) { rij }]) { node, validation in
        guard let header = node.children.first(where: { $0.name == "kolommen" })?.arguments.first?.value
                ?? node.property("kolommen")?.value,
              case .list(let columns) = header else { return }
        for row in node.children where row.name == "rij" {
            if let cells = row.arguments.first, case .list(let values) = cells.value, values.count != columns.count {
                validation.error("rij heeft \(values.count) cellen, maar de tabel heeft \(columns.count) kolommen",
                                 hint: "geef elke rij evenveel cellen als er kolommen zijn (een lege cel is \"\")", at: cells.span)
            }
        }
    }
    static let rij: NodeSchema = NodeSchema("rij", summary: "Een rij van een tabel.", arguments: [Slot("cellen", .list(.text), help: "de cellen")])
    static let sectie: NodeSchema = NodeSchema("sectie", summary: "Een onderdeel van een kaart, met een eigen id en titel.",
                                   arguments: [Slot("id", .identifier, help: "id binnen de kaart, bijvoorbeeld `doelen`"),
                                               Slot("titel", .text, help: "de kop van de sectie")],
                                   children: body())

    // MARK: - Staalkaart

    public static let staalkaart: NodeSchema = NodeSchema(
        "staalkaart", summary: "Wat een wet van de gemeente vraagt: doelen, verantwoordelijkheid, praktijk, financiering en de rol van de raad.",
        arguments: [id],
        fields: [titel, Slot("afkorting", .text, help: "korte naam, bijvoorbeeld Wmo"),
                 Slot("wettekst", .url, help: "de wet op wetten.overheid.nl"), bron, samenvatting],
        children: body()
    ) { node, validation in
        let present = Set(node.children.filter { $0.name == "sectie" }.compactMap { $0.arguments.first?.value.stringValue })
        let missing = requiredStaalkaartSections.filter { !present.contains($0) }
        if !missing.isEmpty {
            validation.error("staalkaart mist \(missing.count == 1 ? "de sectie" : "de secties") " + missing.map { "`\($0)`" }.joined(separator: ", "),
                             hint: "elke staalkaart heeft de secties " + requiredStaalkaartSections.joined(separator: ", "),
                             at: node.nameSpan)
        }
    }

    // MARK: - Koerskaart

    static let pagina: NodeSchema = NodeSchema("pagina", summary: "Een pagina van een koerskaart.",
                                   arguments: [Slot("nummer", .wholeNumber, help: "1, 2, 3, … zonder gaten"),
                                               Slot("titel", .text, help: "de kop van de pagina")],
                                   children: body())

    public static let koerskaart: NodeSchema = NodeSchema(
        "koerskaart", summary: "Waar de raad ruimte heeft om keuzes te maken op één onderwerp, uitgewerkt in pagina's.",
        arguments: [id],
        fields: [titel, Slot("onderwerp", .text, help: "het onderwerp, bijvoorbeeld Preventie"), bron, samenvatting,
                 .optional("sjabloon", .bool, help: "ja voor een sjabloon voor een nieuwe koerskaart")],
        children: [ChildRule("pagina", min: 1) { pagina }] + body()
    ) { node, validation in
        checkNumbering(node, child: "pagina", validation: &validation)
    }

    /// Children numbered by their first argument must run 1, 2, 3, … in order.
    static func checkNumbering(_ node: Node, child: String, validation: inout Validation) {
        var expected = 1
        for part in node.children where part.name == child {
            guard let argument = part.arguments.first, case .number(let n) = argument.value else { continue }
            if n != Double(expected) {
                validation.error("`\(child) \(Value.format(n))` staat op de plek van \(child) \(expected)",
                                 hint: "nummer de \(child)s 1, 2, 3, … op volgorde, zonder gaten", at: argument.span)
            }
            expected += 1
        }
    }

    // MARK: - Waardemodel

    static let kernwaarde: NodeSchema = NodeSchema(
        "kernwaarde", summary: "Een kernwaarde van het democratisch waardemodel, met vragen over vraag en aanbod.",
        arguments: [Slot("id", .identifier, help: "bijvoorbeeld `gelijkheid`"), Slot("naam", .text, help: "de naam van de waarde")],
        fields: [Slot("betekenis", .text, help: "wat de waarde betekent")],
        children: [ChildRule("aanbod", min: 1) { aanbod }] + body().map { $0.name == "vraag" ? ChildRule("vraag", min: 1) { vraag } : $0 }
    )
    static let aanbod: NodeSchema = NodeSchema("aanbod", summary: "Een vraag over de aanbieders (de aanbodkant).",
                                   arguments: [Slot("vraag", .text, help: "de vraag")])

    public static let waardemodel: NodeSchema = NodeSchema(
        "waardemodel", summary: "Het democratisch waardemodel: keuzeruimte, kernwaarden, keuzes maken en verdeelprocedures.",
        arguments: [id], fields: [titel, bron, samenvatting],
        children: [ChildRule("kernwaarde", min: 1) { kernwaarde }] + body()
    )

    // MARK: - Visie-werkblad

    static let noteer: NodeSchema = NodeSchema("noteer", summary: "Een opdracht om iets op te schrijven in het werkblad.",
                                   arguments: [Slot("opdracht", .text, help: "wat je noteert")])
    static func worksheetSide(_ name: String, _ summary: String) -> NodeSchema {
        NodeSchema(name, summary: summary, children: [ChildRule("noteer", min: 1) { noteer }] + body())
    }
    static let zelf: NodeSchema = worksheetSide("zelf", "Wat je als raadslid zelf kunt doen.")
    static let samen: NodeSchema = worksheetSide("samen", "Wat je als raadsleden samen kunt doen.")
    static let stap: NodeSchema = NodeSchema(
        "stap", summary: "Een stap van het visie-werkblad.",
        arguments: [Slot("id", .choice(visieSteps), help: "waarden, principes, resultaten of kwaliteitseisen"),
                    Slot("titel", .text, help: "de kop van de stap")],
        fields: [Slot("nummer", .wholeNumber, help: "1 tot en met 4"), Slot("uitleg", .text, help: "waar de stap over gaat")],
        children: [ChildRule("zelf", min: 1, max: 1) { zelf }, ChildRule("samen", min: 1, max: 1) { samen }] + body()
    )
    static let koppelvoorbeeld: NodeSchema = NodeSchema(
        "voorbeeld", summary: "Een voorbeeld van de koppeltabel: van waarde naar resultaat.",
        arguments: [Slot("titel", .text, help: "naam van het voorbeeld")],
        fields: [Slot("waarde", .text, help: "de maatschappelijke waarde"), Slot("principe", .text, help: "het leidend principe"),
                 Slot("onderbouwing", .text, help: "waarom het principe bij de waarde past"),
                 Slot("resultaat", .text, help: "het maatschappelijk resultaat")]
    )
    static let koppeltabel: NodeSchema = NodeSchema(
        "koppeltabel", summary: "De koppeltabel: waarde → leidend principe → onderbouwing → maatschappelijk resultaat.",
        fields: [Slot("uitleg", .text, help: "hoe je de koppeltabel gebruikt")],
        children: [ChildRule("voorbeeld", min: 1) { koppelvoorbeeld }]
    )
    public static let werkbladsjabloon: NodeSchema = NodeSchema(
        "werkbladsjabloon", summary: "Het visie-werkblad in vier stappen, met opdrachten, tips, voorbeelden en de koppeltabel.",
        arguments: [id], fields: [titel, bron, samenvatting],
        children: [ChildRule("stap", min: 4, max: 4) { stap }, ChildRule("koppeltabel", min: 1, max: 1) { koppeltabel }] + body()
    ) { node, validation in
        let steps = node.children.filter { $0.name == "stap" }
        for (i, step) in steps.enumerated() where i < visieSteps.count {
            if let id = step.arguments.first, id.value.stringValue != visieSteps[i] {
                validation.error("stap \(i + 1) moet `\(visieSteps[i])` zijn, niet `\(id.value.displayText)`",
                                 hint: "de stappen zijn, in deze volgorde: " + visieSteps.joined(separator: ", "), at: id.span)
            }
            let number = step.children.first { $0.name == "nummer" }?.arguments.first ?? step.property("nummer").map { Node.Argument(value: $0.value, span: $0.valueSpan) }
            if let number, case .number(let n) = number.value, n != Double(i + 1) {
                validation.error("stap `\(visieSteps[i])` heeft nummer \(i + 1), niet \(Value.format(n))", hint: "nummer de stappen 1 tot en met 4", at: number.span)
            }
        }
    }

    // MARK: - Criteria

    static let criterium: NodeSchema = NodeSchema(
        "criterium", summary: "Een criterium voor raadsvoorstellen, met zijn kernvragen.",
        arguments: [Slot("letter", .letter, help: "A, B, C, …"), Slot("titel", .text, help: "de naam van het criterium")],
        fields: [.optional("uitleg", .text, help: "waarom het criterium ertoe doet")],
        children: body().map { $0.name == "vraag" ? ChildRule("vraag", min: 1) { vraag } : $0 }
    )
    public static let criteria: NodeSchema = NodeSchema(
        "criteria", summary: "Criteria waaraan een raadsvoorstel kan voldoen (Breda), met kernvragen en aanbevelingen.",
        arguments: [id], fields: [titel, bron, samenvatting],
        children: [ChildRule("criterium", min: 1) { criterium }] + body()
    ) { node, validation in
        validation.requireUnique(node, child: "criterium", hint: "geef elk criterium een eigen letter") { "criterium \($0)" }
    }

    // MARK: - Kaart

    public static let kaart: NodeSchema = NodeSchema(
        "kaart", summary: "Een kenniskaart over sturing, informatie of een ander thema.",
        arguments: [id],
        fields: [titel, Slot("thema", .choice(themes), help: "het deel van de infographic waar de kaart bij hoort"), bron, samenvatting],
        children: body()
    )

    // MARK: - Adviesproces

    static let soort: NodeSchema = NodeSchema("soort", summary: "Een soort advies van de adviesraad.",
                                  arguments: [Slot("id", .identifier, help: "bijvoorbeeld `gevraagd`"), Slot("naam", .text, help: "de naam")],
                                  children: body())
    static let fase: NodeSchema = NodeSchema("fase", summary: "Een fase in de levensloop van een advies.",
                                 arguments: [Slot("id", .identifier, help: "bijvoorbeeld `reactie`"), Slot("naam", .text, help: "de naam")],
                                 fields: [.optional("wie", .text, help: "wie in deze fase aan zet is")],
                                 children: body())
    static let trede: NodeSchema = NodeSchema("trede", summary: "Een trede op de escalatieladder van een signaal.",
                                  arguments: [Slot("nummer", .wholeNumber, help: "1, 2, 3, …"), Slot("naam", .text, help: "de naam")],
                                  children: body())
    public static let adviesproces: NodeSchema = NodeSchema(
        "adviesproces", summary: "Hoe een adviesraad sociaal domein werkt: soorten advies, levensloop en escalatie van signalen.",
        arguments: [id], fields: [titel, bron, samenvatting],
        children: [ChildRule("soort", min: 1) { soort }, ChildRule("fase", min: 1) { fase }, ChildRule("trede", min: 1) { trede }] + body()
    ) { node, validation in
        checkNumbering(node, child: "trede", validation: &validation)
    }

    // MARK: - Analyseregels

    static let regel: NodeSchema = NodeSchema(
        "regel", summary: "Een signaal in de tekst van een raadsvoorstel dat bij een criterium hoort.",
        arguments: [Slot("id", .identifier, help: "de naam van de regel, bijvoorbeeld `a-eerdere-kaders`")],
        fields: [Slot("criterium", .letter, help: "het criterium (A–F) waar het signaal bij hoort"),
                 Slot("gewicht", .number, help: "hoeveel het signaal telt; negatief voor een signaal dat iets juist ontkent"),
                 Slot("uitleg", .text, help: "wat het signaal laat zien, zoals het in de analyse staat"),
                 .optional("kop", .bool, help: "ja: het signaal telt alleen als kopje (een korte regel zonder punt)")],
        children: [ChildRule("patroon", min: 1) { patroon }]
    )
    static let patroon: NodeSchema = NodeSchema(
        "patroon", summary: "Woorden die een signaal aanwijzen; `…` staat voor ‘iets in dezelfde zin’ (als … dan).",
        arguments: [Slot("woorden", .text, help: "de woorden, zonder op hoofdletters en accenten te letten")]
    )
    static let drempel: NodeSchema = NodeSchema(
        "drempel", summary: "Vanaf welk totaal gewicht een criterium aanwezig of deels aanwezig heet.",
        arguments: [Slot("criterium", .letter, help: "het criterium")],
        fields: [Slot("aanwezig", .wholeNumber, help: "totaal gewicht voor ‘aanwezig’"), Slot("deels", .wholeNumber, help: "totaal gewicht voor ‘deels’")]
    )
    static let ontbreekt: NodeSchema = NodeSchema(
        "ontbreekt", summary: "Wat de analyse noemt als een criterium niet (helemaal) aanwezig is.",
        arguments: [Slot("criterium", .letter, help: "het criterium"), Slot("tekst", .text, help: "wat er ontbreekt")],
        fields: [.optional("regels", .list(.text), help: "de regels en secties die dit punt dekken: vindt de analyse er één, dan noemt ze dit punt niet")]
    )
    static let vereist: NodeSchema = NodeSchema(
        "vereist", summary: "Regels en secties waarvan er één gevonden moet zijn voordat een criterium ‘aanwezig’ heet; anders is het hoogstens ‘deels’.",
        arguments: [Slot("criterium", .letter, help: "het criterium")],
        fields: [Slot("regels", .list(.text), help: "de ids van regels en secties, bijvoorbeeld [\"e-evaluatie\", \"evaluatie\"]")]
    )
    static let analyseSectie: NodeSchema = NodeSchema(
        "sectie", summary: "Een kopje dat gemeenten in raadsvoorstellen gebruiken, en waar de tekst eronder voor telt.",
        arguments: [Slot("id", .identifier, help: "de naam van de sectie, bijvoorbeeld `alternatieven`")],
        fields: [.optional("criterium", .letter, help: "het criterium (A–F) waar een sectie met inhoud voor telt"),
                 .optional("gewicht", .number, help: "hoeveel een sectie met inhoud telt (standaard 2)"),
                 .optional("afwezig", .number, help: "hoeveel een lege sectie, ‘geen’ of ‘n.v.t.’ telt (standaard -3)"),
                 .optional("rol", .choice(AnalysisRules.roles), help: "wat de leeswijzer uit deze sectie haalt")],
        children: [ChildRule("kop", min: 1) { analyseKop }]
    )
    static let analyseKop: NodeSchema = NodeSchema(
        "kop", summary: "Een kopje zoals het in een voorstel staat; hoofdletters, accenten, een nummer ervoor en een dubbele punt erachter tellen niet.",
        arguments: [Slot("woorden", .text, help: "het kopje, bijvoorbeeld \"alternatieven\" of \"wat mag het kosten\"")]
    )
    static let woordenlijst: NodeSchema = NodeSchema(
        "jargon", summary: "Woorden die een publieksvriendelijke samenvatting liever vermijdt.",
        arguments: [Slot("woorden", .list(.text), help: "de woorden")]
    )

    public static let analyseregels: NodeSchema = NodeSchema(
        "analyseregels", summary: "De signalen en gewichten waarmee Raadskompas een raadsvoorstel langs de criteria A–F legt; een griffie kan ze aanpassen.",
        arguments: [id], fields: [titel, bron, samenvatting],
        children: [ChildRule("regel", min: 1) { regel }, ChildRule("sectie") { analyseSectie }, ChildRule("drempel") { drempel }, ChildRule("ontbreekt") { ontbreekt }, ChildRule("vereist") { vereist },
                   ChildRule("jargon", max: 1) { woordenlijst }] + body()
    ) { node, validation in
        // `ontbreekt … regels=[…]` must name rules and sections that exist.
        let ids = Set(node.children.filter { $0.name == "regel" || $0.name == "sectie" }.compactMap { $0.arguments.first?.value.stringValue })
        for child in node.children where child.name == "ontbreekt" || child.name == "vereist" {
            guard let property = child.property("regels"), case .list(let items) = property.value else { continue }
            for item in items {
                guard let id = item.stringValue, !ids.contains(id) else { continue }
                validation.error("`\(id)` is geen regel of sectie in deze analyseregels", hint: "gebruik de id van een `regel` of `sectie` hierboven", at: property.valueSpan)
            }
        }
        var seen: [String: String] = [:]
        for child in node.children where child.name == "sectie" {
            for kop in child.children where kop.name == "kop" {
                guard let text = kop.arguments.first?.value.stringValue else { continue }
                let key = AnalysisRules.headingKey(text)
                if let other = seen[key] {
                    validation.error("het kopje “\(text)” staat ook bij de sectie `\(other)`", hint: "geef elk kopje bij één sectie", at: kop.span)
                }
                seen[key] = child.arguments.first?.value.stringValue ?? ""
            }
        }
    }

    // MARK: - Gebieden

    /// One entry of a `gebieden` card: `gemeente GM0034 "Almere" provincie=PV24`.
    static func gebied(_ soort: String, _ summary: String, fields: [Slot] = []) -> NodeSchema {
        NodeSchema(soort, summary: summary,
                   arguments: [Slot("code", .word, help: "de CBS-code, bijvoorbeeld GM0034, PV24, NL01, WK003401"),
                               Slot("naam", .text, help: "de naam zoals CBS hem schrijft")],
                   fields: fields + [.optional("label", .text, help: "de naam in StatLine-downloads als die anders is, zoals \"Groningen (gemeente)\""),
                                     .optional("ook", .list(.text), help: "andere namen die mensen gebruiken, zoals [\"Den Haag\"]")]) { node, validation in
            guard let argument = node.arguments.first, let code = argument.value.stringValue else { return }
            if !Gebieden.looksLikeCode(Gebieden.normalizedCode(code)) {
                validation.error("`\(code)` is geen CBS-gebiedscode", hint: "een code is twee hoofdletters en cijfers, zoals GM0034 of WK003401", at: argument.span)
            }
        }
    }

    public static let gebieden: NodeSchema = NodeSchema(
        "gebieden", summary: "Gebieden met hun CBS-code en naam, zodat een download met namen en een met codes hetzelfde gebied geven.",
        arguments: [id], fields: [titel, bron, samenvatting, .optional("geldig", .wholeNumber, help: "het jaar van de gemeentelijke indeling", range: Slot.jaren)],
        children: [
            ChildRule("land") { gebied("land", "Het land (NL01).") },
            ChildRule("provincie") { gebied("provincie", "Een provincie (PV20–PV31).") },
            ChildRule("gemeente") { gebied("gemeente", "Een gemeente.", fields: [.optional("provincie", .word, help: "de code van de provincie")]) },
            ChildRule("opgeheven") {
                gebied("opgeheven", "Een gemeente die is opgegaan in een of meer andere.",
                       fields: [Slot("jaar", .wholeNumber, help: "het jaar van de herindeling (1 januari)", range: Slot.jaren),
                                Slot("in", .list(.text), help: "de codes van de gemeenten waarin ze is opgegaan")])
            },
            ChildRule("wijk") { gebied("wijk", "Een wijk van een gemeente.", fields: [.optional("gemeente", .word, help: "de code van de gemeente")]) },
            ChildRule("buurt") { gebied("buurt", "Een buurt van een gemeente.", fields: [.optional("gemeente", .word, help: "de code van de gemeente")]) },
            ChildRule("regio") { gebied("regio", "Een andere regio: jeugdregio, arbeidsmarktregio, GGD-regio, …") },
        ]
    )

    // MARK: - Indicator

    public static let richtingen = ["hoger-is-beter", "lager-is-beter", "neutraal"]

    public static let indicator: NodeSchema = NodeSchema(
        "indicator", summary: "Een indicator uit een monitor (BBV, Gemeentelijke Monitor Sociaal Domein).",
        arguments: [id],
        fields: [Slot("naam", .text, help: "de naam van de indicator"), Slot("omschrijving", .text, help: "wat er gemeten wordt"),
                 Slot("eenheid", .text, help: "bijvoorbeeld \"% van de jongeren tot 18 jaar\""),
                 Slot("bron", .text, help: "de bron van de cijfers"),
                 Slot("wet", .list(.reference(kinds: ["staalkaart"])), help: "de wetten (staalkaart-ids) waar de indicator bij hoort"),
                 Slot("bbv", .bool, help: "ja voor een BBV-beleidsindicator"),
                 .optional("richting", .choice(richtingen), help: "welke kant op een verbetering is"),
                 .optional("thema", .text, help: "het thema van de indicator")]
    )
}
