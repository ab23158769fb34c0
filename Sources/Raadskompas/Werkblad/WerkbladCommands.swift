import Foundation
import KompasDSL

/// The statements that work on werkbladen: `werkblad nieuw|lijst|toon|hernoem|verwijder`, the
/// declarative `werkblad "NAAM" { … }`, and `exporteer werkblad "NAAM" naar "PAD"`.
public enum WerkbladCommands {
    static let naam = Slot("naam", .text, help: "de naam van het werkblad")
    static func action(_ name: String) -> Slot { Slot(name, .choice([name]), help: "het woord `\(name)`") }
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

