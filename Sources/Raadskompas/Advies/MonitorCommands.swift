import KompasDSL

/// Statements for the monitor: own indicators, links to indicators, duiding and reports.
public enum MonitorCommands {
    static func action(_ name: String) -> Slot { Slot(name, .choice([name]), help: "het woord `\(name)`") }

    // MARK: indicator nieuw | lijst | verwijder

    public static let indicatorSubcommands: [NodeSchema] = [
        NodeSchema("nieuw", summary: "Legt een eigen indicator vast, naast de catalogus; daarna kun je er metingen van inlezen en aan koppelen.",
                   arguments: [action("nieuw"), Slot("id", .identifier, help: "de id, bijvoorbeeld wachttijd-wmo")],
                   fields: [Slot("naam", .text, help: "de naam"), Slot("eenheid", .text, help: "de eenheid, bijvoorbeeld \"dagen\" of \"%\""),
                            .optional("omschrijving", .text, help: "wat er gemeten wordt"),
                            .optional("richting", .choice(["hoger-is-beter", "lager-is-beter"]), help: "hoger-is-beter of lager-is-beter"),
                            .optional("thema", .text, help: "het thema")]),
        NodeSchema("lijst", summary: "Laat de indicatoren zien: de catalogus en je eigen indicatoren, met het aantal metingen.",
                   arguments: [action("lijst")]),
        NodeSchema("verwijder", summary: "Verwijdert een eigen indicator met zijn metingen, koppelingen en duidingen.",
                   arguments: [action("verwijder"), Slot("id", .identifier, help: "de id van de eigen indicator")],
                   fields: [.optional("zeker", .bool, help: "in een script: zeker=ja om zonder vraag te verwijderen")]),
    ]

    public static let indicator: NodeSchema = NodeSchema(
        "indicator", summary: "Eigen indicatoren: `indicator nieuw ID naam=… eenheid=…`, `indicator lijst`, `indicator verwijder ID`.",
        arguments: [Slot("actie", .choice(indicatorSubcommands.map(\.name)), help: "nieuw, lijst of verwijder"),
                    .optional("id", .identifier, help: "de id van de indicator")],
        fields: indicatorSubcommands[0].fields.map { .optional($0.name, $0.type, help: $0.help) } + [.optional("zeker", .bool, help: "zeker=ja bij verwijderen in een script")]
    )

    // MARK: koppel | ontkoppel

    public static let koppelAanbeveling: NodeSchema = NodeSchema(
        "aanbeveling", summary: "Koppelt een aanbeveling van een advies aan een indicator, met de richting die het advies verwacht.",
        arguments: [action("aanbeveling"), Slot("advies", .identifier, help: "de id van het advies"),
                    Slot("nummer", .wholeNumber, help: "het nummer van de aanbeveling")],
        fields: [Slot("indicator", .identifier, help: "de id van de indicator"),
                 Slot("richting", .choice(AanbevelingIndicator.richtingen), help: "omhoog of omlaag: welke kant de indicator op moet"),
                 .optional("horizon", .wholeNumber, help: "het jaar waarin het effect te zien moet zijn")]
    )

    public static let koppelResultaat: NodeSchema = NodeSchema(
        "resultaat", summary: "Koppelt een maatschappelijk resultaat van een werkblad aan een indicator, met een doel.",
        arguments: [action("resultaat"), Slot("werkblad", .text, help: "de naam van het werkblad"),
                    Slot("adres", .word, help: "welk resultaat: zelf.1, samen.2 (of resultaten.zelf.1)")],
        fields: [Slot("indicator", .identifier, help: "de id van de indicator"),
                 Slot("doel", .any, help: "de streefwaarde in de eenheid van de indicator, bijvoorbeeld 70% of 12,5"),
                 .optional("jaar", .wholeNumber, help: "het jaar waarin het doel gehaald moet zijn"),
                 .optional("gebied", .text, help: "het gebied waarin gemeten wordt, bijvoorbeeld GM0363")]
    )

    public static let koppel: NodeSchema = NodeSchema(
        "koppel", summary: "Koppelt een aanbeveling of een maatschappelijk resultaat aan een indicator.",
        arguments: [Slot("wat", .choice(["aanbeveling", "resultaat"]), help: "aanbeveling ADVIES NUMMER, of resultaat \"WERKBLAD\" ADRES"),
                    .optional("id", .any, help: "het advies of het werkblad"), .optional("nummer", .any, help: "het nummer of adres")],
        fields: koppelAanbeveling.fields.map { .optional($0.name, $0.type, help: $0.help) }
            + [.optional("doel", .any, help: "bij een resultaat: de streefwaarde"), .optional("jaar", .wholeNumber, help: "bij een resultaat: het jaar van het doel"),
               .optional("gebied", .text, help: "bij een resultaat: het gebied, bijvoorbeeld GM0363")]
    )

    public static let ontkoppel: NodeSchema = NodeSchema(
        "ontkoppel", summary: "Haalt een koppeling weg: `ontkoppel aanbeveling ADVIES NUMMER indicator=ID` of `ontkoppel resultaat \"WERKBLAD\" ADRES`.",
        arguments: [Slot("wat", .choice(["aanbeveling", "resultaat"]), help: "aanbeveling of resultaat"),
                    Slot("id", .any, help: "het advies of het werkblad"), Slot("nummer", .any, help: "het nummer of adres")],
        fields: [.optional("indicator", .identifier, help: "bij een aanbeveling: welke indicator")]
    )

    // MARK: duiding

    public static let duid: NodeSchema = NodeSchema(
        "duid", summary: "Duidt een indicator voor een periode met de vier duidingsvragen a–d; elk antwoord wordt meteen bewaard.",
        arguments: [Slot("indicator", .identifier, help: "de id van de indicator")],
        fields: [Slot("periode", .any, help: "de periode, bijvoorbeeld 2024, 2024-K2 of 2024-05"),
                 .optional("gebied", .text, help: "het gebied, bijvoorbeeld GM0363"),
                 .optional("door", .text, help: "wie duidt, bijvoorbeeld \"raad\" of een fractie")]
    )

    static let duidingAntwoord: [NodeSchema] = Duiding.letters.map { letter in
        NodeSchema(letter, summary: "Het antwoord op duidingsvraag \(letter).", arguments: [Slot("tekst", .text, help: "het antwoord")])
    }

    public static let duiding: NodeSchema = NodeSchema(
        "duiding", summary: "Legt een duiding vast: `duiding ID periode=2024 { a \"…\" b \"…\" c \"…\" d \"…\" }`.",
        arguments: [Slot("indicator", .identifier, help: "de id van de indicator")],
        fields: duid.fields,
        children: duidingAntwoord.map { schema in ChildRule(schema.name, max: 1) { schema } }
    )

    // MARK: reports

    public static let jaaroverzicht: NodeSchema = NodeSchema(
        "jaaroverzicht", summary: "Het jaaroverzicht van de adviezen: per soort en thema, hoeveel is overgenomen, reactietijden en te late reacties; ook als .html, .md of .csv.",
        arguments: [Slot("jaar", .wholeNumber, help: "het jaar, bijvoorbeeld 2026"), .optional("naar", .choice(["naar"]), help: "het woord `naar`"),
                    .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
        fields: [.optional("raad", .identifier, help: "alleen de adviezen van deze adviesraad")]
    )

    public static let rapport: NodeSchema = NodeSchema(
        "rapport", summary: "Het rapport van een indicator: de trend per gebied met adviezen en besluiten erbij, doelen en duidingen; ook als .html (met grafiek), .md of .csv.",
        arguments: [Slot("indicator", .identifier, help: "de id van de indicator"), .optional("naar", .choice(["naar"]), help: "het woord `naar`"),
                    .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
        fields: [.optional("gebied", .text, help: "alleen dit gebied")]
    )
}
