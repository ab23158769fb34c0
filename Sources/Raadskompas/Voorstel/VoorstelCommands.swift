import KompasDSL

/// The statements for raadsvoorstellen and their beoordeling, declared once for validation, help
/// and completion.
public enum VoorstelCommands {
    static func action(_ name: String) -> Slot { Slot(name, .choice([name]), help: "het woord `\(name)`") }
    static let id = Slot("id", .identifier, help: "de id van het voorstel, bijvoorbeeld rv-2026-014")
    static let metadata: [Slot] = [
        .optional("titel", .text, help: "de titel (anders de eerste regel van de tekst)"),
        .optional("datum", .date, help: "de datum, bijvoorbeeld 2026-03-12"),
        .optional("gemeente", .text, help: "de gemeente"),
        .optional("portefeuille", .text, help: "de portefeuille of portefeuillehouder"),
        .optional("onderwerp", .text, help: "het onderwerp"),
        .optional("wetten", .list(.reference(kinds: ["staalkaart"])), help: "de wetten die het raakt, bijvoorbeeld [wmo, jeugdwet]"),
    ]
    static let actions = ["importeer", "lijst", "toon", "verwijder"]

    public static let subcommands: [NodeSchema] = [
        NodeSchema("importeer", summary: "Leest een raadsvoorstel in uit .txt, .md, .pdf of .docx; opnieuw inlezen ziet of de tekst veranderde.",
                   arguments: [action("importeer"), Slot("pad", .text, help: "het bestand")],
                   fields: [Slot("id", .identifier, help: "de id van het voorstel, bijvoorbeeld rv-2026-014")] + metadata
                       + [.optional("vervang", .bool, help: "vervang=ja: een bestaand voorstel met deze id krijgt de tekst van dit bestand")]),
        NodeSchema("lijst", summary: "Laat alle raadsvoorstellen zien.", arguments: [action("lijst")]),
        NodeSchema("toon", summary: "Laat een voorstel zien, met regelnummers.", arguments: [action("toon"), Slot("id", .word, help: "de id")]),
        NodeSchema("verwijder", summary: "Verwijdert een voorstel met zijn beoordelingen.",
                   arguments: [action("verwijder"), Slot("id", .word, help: "de id")],
                   fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")]),
    ]

    public static let declaration: NodeSchema = NodeSchema(
        "voorstel", summary: "Een raadsvoorstel met zijn tekst; maakt het voorstel of werkt het bij.",
        arguments: [id],
        fields: metadata + [Slot("tekst", .text, help: "de tekst van het voorstel (een tekstblok)")]
    )

    public static let beoordeel: NodeSchema = NodeSchema(
        "beoordeel", summary: "Beoordeelt een voorstel op de criteria A–F: per criterium de kernvragen, een score en een toelichting; elk antwoord wordt meteen bewaard.",
        arguments: [Slot("id", .word, help: "de id van het voorstel")],
        fields: [.optional("door", .text, help: "wie beoordeelt (standaard: griffie)")]
    )

    static let criterium: NodeSchema = NodeSchema(
        "criterium", summary: "De beoordeling van één criterium.",
        arguments: [Slot("letter", .letter, help: "A tot en met F"), .optional("toelichting", .text, help: "waarom deze score")],
        fields: [Slot("score", .any, help: "0 ontbreekt, 1 summier, 2 voldoende, 3 goed, of nvt")]
    ) { node, validation in
        guard let score = node.property("score") ?? node.children.first(where: { $0.name == "score" }).flatMap({ child in
            child.arguments.first.map { Node.Property(key: "score", keySpan: child.nameSpan, value: $0.value, valueSpan: $0.span) }
        }) else { return }
        switch score.value {
        case .number(let n) where n == n.rounded() && (0...3).contains(n): break
        case .symbol("nvt"), .text("nvt"), .text("n.v.t."): break
        default:
            validation.error("score `\(score.value.displayText)` ligt niet op de schaal",
                             hint: "kies 0 (ontbreekt), 1 (summier), 2 (voldoende), 3 (goed) of nvt", at: score.valueSpan)
        }
    }

    public static let beoordeling: NodeSchema = NodeSchema(
        "beoordeling", summary: "De beoordeling van een voorstel door één beoordelaar, in een script.",
        arguments: [Slot("id", .word, help: "de id van het voorstel")],
        fields: [Slot("door", .text, help: "wie beoordeelt")],
        children: [ChildRule("criterium") { criterium }]
    ) { node, validation in
        validation.requireUnique(node, child: "criterium", hint: "geef elk criterium één score") { "criterium \($0)" }
    }

    public static let beoordelingen: NodeSchema = NodeSchema(
        "beoordelingen", summary: "Zet de beoordelingen van alle beoordelaars van een voorstel naast elkaar, met de verschillen.",
        arguments: [Slot("id", .word, help: "de id van het voorstel")]
    )

    public static let analyseer: NodeSchema = NodeSchema(
        "analyseer", summary: "Legt de tekst van een voorstel langs de criteria A–F: wat er staat (met regelnummers), wat ontbreekt, en een voorstel voor het oordeel.",
        arguments: [Slot("id", .word, help: "de id van het voorstel")]
    )

    public static let apk: NodeSchema = NodeSchema(
        "apk", summary: "De APK voor raadsvoorstellen: alle beoordeelde voorstellen in een periode, per criterium, per kwartaal en per portefeuille; ook naar .html, .md of .csv.",
        arguments: [Slot("van", .date, help: "de eerste dag, bijvoorbeeld 2026-01-01"), Slot("tot", .date, help: "de laatste dag"),
                    .optional("naar", .choice(["naar"]), help: "het woord `naar`"), .optional("pad", .text, help: "het bestand: .html, .md of .csv")]
    )

    public static let vragen: NodeSchema = NodeSchema(
        "vragen", summary: "Maakt technische vragen aan het college voor elk criterium dat onder voldoende scoort.",
        arguments: [Slot("id", .word, help: "de id van het voorstel")],
        fields: [.optional("door", .text, help: "alleen de scores van deze beoordelaar")]
    )
}
