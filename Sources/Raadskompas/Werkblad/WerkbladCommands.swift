import Foundation
import KompasDSL

/// The statements that work on werkbladen: `werkblad nieuw|lijst|toon|hernoem|verwijder`, the
/// declarative `werkblad "NAAM" { … }`, and `exporteer werkblad "NAAM" naar "PAD"`.
public enum WerkbladCommands {
    static let naam = Slot("naam", .text, help: "de naam van het werkblad")
    static func action(_ name: String) -> Slot { Slot(name, .choice([name]), help: "het woord `\(name)`") }
    static let adres = Slot("adres", .word, help: "stap.kant.nummer, bijvoorbeeld waarden.zelf.2")
    static let metadata: [Slot] = [
        .optional("eigenaar", .text, help: "van wie het werkblad is"),
        .optional("gemeente", .text, help: "de gemeente"),
        .optional("soort", .choice(Werkblad.Soort.allCases.map(\.rawValue)), help: "raadslid, fractie of raad (samen)"),
    ]

    public static let subcommands: [NodeSchema] = [
        NodeSchema("nieuw", summary: "Maakt een nieuw, leeg werkblad.", arguments: [action("nieuw"), naam], fields: metadata),
        NodeSchema("lijst", summary: "Laat alle werkbladen in de database zien.", arguments: [action("lijst")]),
        NodeSchema("toon", summary: "Laat een werkblad zien, stap voor stap.", arguments: [action("toon"), naam]),
        NodeSchema("invullen", summary: "Vult het werkblad stap voor stap in, met de vragen, tips en voorbeelden van het visie-werkblad; elk antwoord wordt meteen bewaard.",
                   arguments: [action("invullen"), naam]),
        NodeSchema("koppel", summary: "Vult de koppeltabel: waarde → leidend principe → onderbouwing → maatschappelijk resultaat, met de voorbeelden uit de infographic.",
                   arguments: [action("koppel"), naam]),
        NodeSchema("wijzig", summary: "Geeft een antwoord een nieuwe tekst; het adres is stap.kant.nummer, bijvoorbeeld waarden.zelf.2.",
                   arguments: [action("wijzig"), naam, adres, Slot("tekst", .text, help: "de nieuwe tekst")]),
        NodeSchema("verplaats", summary: "Zet een antwoord op een andere plek in de volgorde: werkblad verplaats \"naam\" waarden.zelf.3 naar 1.",
                   arguments: [action("verplaats"), naam, adres, Slot("naar", .choice(["naar"]), help: "het woord `naar`"),
                               Slot("plek", .wholeNumber, help: "de nieuwe plek, 1 is bovenaan")]),
        NodeSchema("schrap", summary: "Haalt een antwoord weg; de rest schuift op.", arguments: [action("schrap"), naam, adres]),
        NodeSchema("vergelijk", summary: "Zet de werkbladen van meer raadsleden naast elkaar: welke waarden en principes delen ze, hoe vaak, en wie schreef wat.",
                   arguments: [action("vergelijk"), naam], repeatsLastArgument: true),
        NodeSchema("samenvoegen", summary: "Maakt een werkblad van de raad (of fractie) uit wat meerdere werkbladen delen.",
                   arguments: [action("samenvoegen"), Slot("naam", .text, help: "de naam van het nieuwe werkblad")],
                   fields: [Slot("uit", .list(.text), help: "de werkbladen, bijvoorbeeld [\"Anna\", \"Bram\"]"),
                            .optional("minimaal", .wholeNumber, help: "in hoeveel werkbladen een antwoord minstens staat (standaard 2)"),
                            .optional("soort", .choice(["raad", "fractie"]), help: "raad (standaard) of fractie")]),
        NodeSchema("voortgang", summary: "Laat per maatschappelijk resultaat met een indicator zien hoe ver het is: van de eerste meting naar het doel.",
                   arguments: [action("voortgang"), naam]),
        NodeSchema("hernoem", summary: "Geeft een werkblad een nieuwe naam.",
                   arguments: [action("hernoem"), naam, Slot("nieuwe naam", .text, help: "de nieuwe naam")]),
        NodeSchema("verwijder", summary: "Verwijdert een werkblad (je krijgt eerst een vraag ter bevestiging).",
                   arguments: [action("verwijder"), naam],
                   fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")]),
    ]

    public static let export: NodeSchema = NodeSchema(
        "exporteer", summary: "Schrijft een werkblad naar een bestand: .html (om te printen), .pdf, .md (Markdown) of .kompas (weer in te lezen).",
        arguments: [Slot("wat", .choice(["werkblad"]), help: "het woord `werkblad`"), naam,
                    Slot("naar", .choice(["naar"]), help: "het woord `naar`"), Slot("pad", .text, help: "het bestand, bijvoorbeeld \"visie.html\"")]
    )

    public static let exportForm: NodeSchema = NodeSchema(
        "exporteer", summary: "Schrijft het lege invulschema met schrijfruimte, voor de dialoogavond: .html of .pdf.",
        arguments: [Slot("wat", .choice(["invulschema"]), help: "het woord `invulschema`"),
                    Slot("naar", .choice(["naar"]), help: "het woord `naar`"), Slot("pad", .text, help: "het bestand, bijvoorbeeld \"invulschema.html\"")]
    )

    /// `werkblad nieuw "naam" [eigenaar] …`: how each form is written, for help.
    public static var forms: [(usage: String, summary: String)] {
        subcommands.map { schema in
            let rest = schema.arguments.dropFirst().map { $0.type.dutchName.hasPrefix("een tekst") ? "\"\($0.name)\"" : $0.name.uppercased() }
            let fields = schema.fields.map { "[\($0.name)=…]" }
            return ((["werkblad", schema.name] + rest + fields).joined(separator: " "), schema.summary)
        } + [("werkblad \"naam\" … { stap … koppeling … }", WerkbladSchemas.werkblad.summary),
             ("exporteer werkblad \"naam\" naar \"pad\"", export.summary),
             ("exporteer invulschema naar \"pad\"", exportForm.summary)]
    }
}

