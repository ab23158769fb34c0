import KompasDSL

/// The shell's statements, declared like content: the same declarations drive validation of a typed
/// command, `help` and completion.
public enum CommandSchemas {
    /// What `lijst` can list, with the card kind each word stands for (`nil`: everything).
    public static let listings: [(word: String, kind: String?, label: String)] = [
        ("staalkaarten", "staalkaart", "Staalkaarten (wetten)"),
        ("koerskaarten", "koerskaart", "Koerskaarten"),
        ("kaarten", "kaart", "Kenniskaarten over sturing en informatie"),
        ("indicatoren", "indicator", "Indicatoren"),
        ("criteria", "criteria", "Criteria voor raadsvoorstellen"),
        ("waardemodel", "waardemodel", "Democratisch waardemodel"),
        ("sjablonen", "werkbladsjabloon", "Sjablonen voor werkbladen"),
        ("werkbladen", nil, "Je werkbladen (uit de database)"),
        ("adviesraad", "adviesproces", "Adviesraad"),
        ("alles", nil, "Alle kaarten"),
    ]

    public static let help: NodeSchema = NodeSchema(
        "help", summary: "Uitleg over Raadskompas, een opdracht, een soort kaart of de taal.",
        arguments: [.optional("onderwerp", .word, help: "een opdracht (toon), een soort kaart (staalkaart), `functies` of `taal`")]
    )
    public static let lijst: NodeSchema = NodeSchema(
        "lijst", summary: "Laat zien welke kaarten er zijn, per soort.",
        arguments: [.optional("soort", .choice(listings.map(\.word)), help: "wat je wilt zien; zonder soort: alles")]
    )
    public static let toon: NodeSchema = NodeSchema(
        "toon", summary: "Toont een kaart, of één onderdeel ervan (kaart.sectie).",
        arguments: [Slot("kaart", .word, help: "id van een kaart, bijvoorbeeld `wmo` of `wmo.doelen`")]
    )

    public static let schrijf: NodeSchema = NodeSchema(
        "schrijf", summary: "Schrijft een waarde of tekst op het scherm (handig in scripts).",
        arguments: [Slot("waarde", .any, help: "wat je wilt laten zien, bijvoorbeeld \"Aantal: $n\"")]
    )

    public static let zoek: NodeSchema = NodeSchema(
        "zoek", summary: "Zoekt in alle kaarten, zonder op hoofdletters en accenten te letten; de beste treffers eerst.",
        arguments: [Slot("woorden", .word, help: "een of meer woorden, bijvoorbeeld `zoek eenzaamheid` of `zoek \"eigen risico\"`")],
        repeatsLastArgument: true
    )
    public static let volg: NodeSchema = NodeSchema(
        "volg", summary: "Opent verwijzing of treffer nummer N uit wat `toon` of `zoek` het laatst liet zien.",
        arguments: [Slot("nummer", .wholeNumber, help: "het nummer tussen [ ] in de vorige uitvoer")]
    )

    public static let all: [NodeSchema] = [
        help, lijst, toon, zoek, volg, schrijf, WerkbladSchemas.werkblad, WerkbladCommands.export,
        VoorstelCommands.declaration, VoorstelCommands.beoordeel, VoorstelCommands.beoordeling,
        VoorstelCommands.beoordelingen, VoorstelCommands.vragen, VoorstelCommands.analyseer, VoorstelCommands.apk,
        AdviesCommands.adviesraad, AdviesCommands.advies, AdviesCommands.reactie, AdviesCommands.importeer, AdviesCommands.metingen,
        MonitorCommands.indicator, MonitorCommands.koppel, MonitorCommands.ontkoppel, MonitorCommands.duid, MonitorCommands.duiding,
        MonitorCommands.jaaroverzicht, MonitorCommands.rapport,
    ]

    public static func command(named name: String) -> NodeSchema? {
        all.first { $0.name == name }
    }

    /// The schema a statement is checked against: for statements with an action word
    /// (`werkblad toon`, `advies lijst`, `koppel resultaat`) the schema of that action, as the
    /// session picks it. nil for an unknown statement or action (the session reports those).
    public static func schema(for node: Node) -> NodeSchema? {
        let first = node.arguments.first?.value
        let action = first?.stringValue ?? ""
        func sub(_ list: [NodeSchema]) -> NodeSchema? { list.first { $0.name == action } }
        switch node.name {
        case "werkblad":
            if case .text? = first { return WerkbladSchemas.werkblad }
            return sub(WerkbladCommands.subcommands)
        case "voorstel": return node.hasBlock ? VoorstelCommands.declaration : sub(VoorstelCommands.subcommands)
        case "advies": return node.hasBlock || !node.properties.isEmpty ? AdviesCommands.advies : sub(AdviesCommands.subcommands)
        case "adviesraad": return action == "lijst" && !node.hasBlock && node.properties.isEmpty ? AdviesCommands.adviesraadLijst : AdviesCommands.adviesraad
        case "indicator": return sub(MonitorCommands.indicatorSubcommands)
        case "koppel": return action == "resultaat" ? MonitorCommands.koppelResultaat : action == "aanbeveling" ? MonitorCommands.koppelAanbeveling : MonitorCommands.koppel
        case "exporteer": return action == "invulschema" ? WerkbladCommands.exportForm : WerkbladCommands.export
        default: return command(named: node.name)
        }
    }
}
