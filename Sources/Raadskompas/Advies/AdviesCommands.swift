import KompasDSL

/// Declarations and statements for adviesraden, adviezen and reacties.
public enum AdviesCommands {
    static let datum = FieldType.date

    public static let adviesraad: NodeSchema = NodeSchema(
        "adviesraad", summary: "Een adviesraad sociaal domein, met de reactietermijn uit de eigen verordening.",
        arguments: [Slot("id", .identifier, help: "de id, bijvoorbeeld asd-almere")],
        fields: [Slot("naam", .text, help: "de naam"), .optional("gemeente", .text, help: "de gemeente"),
                 .optional("reactietermijn", .wholeNumber, help: "binnen hoeveel weken het college reageert (uit de verordening; er is geen standaard)")]
    )

    static let aanbeveling: NodeSchema = NodeSchema(
        "aanbeveling", summary: "Een genummerde aanbeveling van het advies.",
        arguments: [Slot("nummer", .wholeNumber, help: "1, 2, 3, …"), Slot("tekst", .text, help: "de aanbeveling")]
    )

    public static let advies: NodeSchema = NodeSchema(
        "advies", summary: "Een advies van de adviesraad, met de data van de levensloop en de aanbevelingen.",
        arguments: [Slot("id", .identifier, help: "de id, bijvoorbeeld adv-2026-03")],
        fields: [Slot("raad", .identifier, help: "de id van de adviesraad"),
                 Slot("soort", .choice(Advies.soorten), help: "voorkant, gevraagd, ongevraagd of signaal"),
                 Slot("onderwerp", .text, help: "waar het advies over gaat"),
                 .optional("thema", .text, help: "het thema"),
                 .optional("wetten", .list(.reference(kinds: ["staalkaart"])), help: "de wetten, bijvoorbeeld [wmo]"),
                 .optional("aangevraagd", datum, help: "wanneer het college om advies vroeg"),
                 .optional("uitgebracht", datum, help: "wanneer het advies is uitgebracht; de reactietermijn loopt vanaf hier"),
                 .optional("bij_raadsstukken", datum, help: "wanneer advies en reactie bij de raadsstukken kwamen"),
                 .optional("voorstel", .identifier, help: "de id van het raadsvoorstel waar het bij hoort")],
        children: [ChildRule("aanbeveling") { aanbeveling }]
    ) { node, validation in
        ContentSchemas.checkNumbering(node, child: "aanbeveling", validation: &validation)
    }

    static let reactieOpAanbeveling: NodeSchema = NodeSchema(
        "aanbeveling", summary: "De reactie van het college op één aanbeveling.",
        arguments: [Slot("nummer", .wholeNumber, help: "het nummer van de aanbeveling"),
                    Slot("reactie", .choice(Aanbeveling.reacties), help: "overgenomen, deels of niet"),
                    .optional("motivering", .text, help: "waarom")]
    )

    static func action(_ name: String) -> Slot { Slot(name, .choice([name]), help: "het woord `\(name)`") }

    /// `advies lijst`, `advies toon ID`, `advies nieuw` (next to the declarative `advies ID { … }`).
    public static let subcommands: [NodeSchema] = [
        NodeSchema("lijst", summary: "Laat alle adviezen zien, met de termijn van de reactie; voorstellen in het kerndomein zonder advies worden gemeld.",
                   arguments: [action("lijst")]),
        NodeSchema("toon", summary: "Laat een advies zien: de data, elke aanbeveling met de reactie, en de trend van gekoppelde indicatoren voor en na het advies.",
                   arguments: [action("toon"), Slot("id", .identifier, help: "de id van het advies")]),
        NodeSchema("nieuw", summary: "Legt stap voor stap een advies vast, met de aanbevelingen; elk antwoord wordt meteen bewaard.",
                   arguments: [action("nieuw")]),
    ]

    public static let adviesraadLijst: NodeSchema = NodeSchema(
        "lijst", summary: "Laat de adviesraden zien, met hun reactietermijn.", arguments: [action("lijst")])

    public static let importeer: NodeSchema = NodeSchema(
        "importeer", summary: "Leest metingen in uit een CSV: een CBS StatLine-bestand, of indicator;gebied;periode;waarde. Alles of niets; opnieuw inlezen verandert niets.",
        arguments: [Slot("wat", .choice(["metingen"]), help: "het woord `metingen`"), Slot("pad", .text, help: "het CSV-bestand")],
        fields: [.optional("indicator", .identifier, help: "bij een CBS-bestand: de indicator waar de waarden bij horen"),
                 .optional("kolom", .text, help: "bij een CBS-bestand met meer kolommen: de kolom met de waarden")]
    )

    public static let metingen: NodeSchema = NodeSchema(
        "metingen", summary: "Laat de metingen van een indicator zien, per gebied en periode.",
        arguments: [Slot("indicator", .word, help: "de id van de indicator")],
        fields: [.optional("gebied", .text, help: "alleen dit gebied, bijvoorbeeld GM0363")]
    )

    public static let reactie: NodeSchema = NodeSchema(
        "reactie", summary: "De reactie van het college op een advies, per aanbeveling (niet) overgenomen, met motivering.",
        arguments: [Slot("advies", .identifier, help: "de id van het advies")],
        fields: [Slot("datum", datum, help: "wanneer de reactie kwam")],
        children: [ChildRule("aanbeveling", min: 1) { reactieOpAanbeveling }]
    )
}
