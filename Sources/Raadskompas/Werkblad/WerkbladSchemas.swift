import KompasDSL

/// The declarative form of a werkblad, declared once for validation, help and completion:
///
///     werkblad "Visie sociaal domein" eigenaar="Sanne de Vries" gemeente="Almere" soort=raadslid {
///       stap waarden {
///         zelf { waarde "Zelfbeschikking" toelichting="Inwoners houden regie over hun leven" }
///       }
///       stap resultaten {
///         samen { resultaat "Minder eenzame 75-plussers" doel=70% richting=omlaag jaar=2030 indicator=eenzaamheid-75plus }
///       }
///       koppeling { waarde "Zelfbeschikking"; principe "…"; onderbouwing "…"; resultaat "…" }
///     }
public enum WerkbladSchemas {
    /// A target value: a number, a percentage (70% → 70) or a Dutch number in text ("12,5").
    public static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let n), .percent(let n): n.isFinite ? n : nil
        case .text(let t): StandardLibrary.parseDutchNumber(t.replacingOccurrences(of: "%", with: ""))
        default: nil
        }
    }

    static func item(_ stap: VisieStap) -> NodeSchema {
        var fields: [Slot] = [.optional("toelichting", .text, help: "een korte uitleg")]
        if stap == .resultaten {
            fields += [
                .optional("doel", .any, help: "de streefwaarde, bijvoorbeeld 70% of 12,5"),
                .optional("eenheid", .text, help: "de eenheid van de streefwaarde als het geen percentage is, bijvoorbeeld \"dagen\""),
                .optional("richting", .choice(WerkbladItem.richtingen), help: "omhoog of omlaag: welke kant het op moet"),
                .optional("jaar", .wholeNumber, help: "het jaar waarin het resultaat bereikt moet zijn", range: Slot.jaren),
                .optional("indicator", .identifier, help: "de id van een indicator uit `indicator lijst`", completes: .indicatoren),
                .optional("gebied", .text, help: "het gebied waarin de indicator gemeten wordt, bijvoorbeeld GM0363"),
                .optional("percentage", .percent, help: "(oude schrijfwijze) het streefpercentage; schrijf nu doel=70%"),
            ]
        }
        return NodeSchema(stap.itemName, summary: "Een \(stap.itemName) in stap \(stap.nummer): \(stap.titel.lowercased()).",
                          arguments: [Slot("tekst", .text, help: "wat je opschrijft")], fields: fields)
    }

    /// Built once: a child rule's schema is asked for at every node that is validated.
    static let items: [VisieStap: NodeSchema] = Dictionary(uniqueKeysWithValues: VisieStap.allCases.map { ($0, item($0)) })
    static let sides: [Kant: NodeSchema] = Dictionary(uniqueKeysWithValues: Kant.allCases.map { ($0, side($0)) })

    static func side(_ kant: Kant) -> NodeSchema {
        NodeSchema(kant.rawValue, summary: kant == .zelf ? "Wat je zelf opschrijft." : "Wat je als raadsleden samen opschrijft.",
                   children: VisieStap.allCases.map { stap in ChildRule(stap.itemName) { items[stap] ?? item(stap) } })
    }

    static let stap: NodeSchema = NodeSchema(
        "stap", summary: "Eén stap van het werkblad, met wat je zelf en wat je samen opschrijft.",
        arguments: [Slot("stap", .choice(VisieStap.allCases.map(\.rawValue)), help: "waarden, principes, resultaten of kwaliteitseisen")],
        children: [ChildRule("zelf", max: 1) { sides[.zelf] ?? side(.zelf) }, ChildRule("samen", max: 1) { sides[.samen] ?? side(.samen) }]
    ) { node, validation in
        guard let name = node.arguments.first?.value.stringValue, let stap = VisieStap(rawValue: name) else { return }
        for side in node.children {
            for item in side.children where item.name != stap.itemName {
                validation.error("in stap `\(stap.rawValue)` schrijf je `\(stap.itemName)`, niet `\(item.name)`",
                                 hint: "zet `\(item.name)` in stap `\(VisieStap.allCases.first { $0.itemName == item.name }?.rawValue ?? "?")`",
                                 at: item.nameSpan)
            }
        }
    }

    static let koppeling: NodeSchema = NodeSchema(
        "koppeling", summary: "Een rij van de koppeltabel: waarde → leidend principe → onderbouwing → maatschappelijk resultaat.",
        fields: [Slot("waarde", .text, help: "de maatschappelijke waarde"), Slot("principe", .text, help: "het leidend principe"),
                 .optional("onderbouwing", .text, help: "waarom het principe bij de waarde past"),
                 Slot("resultaat", .text, help: "het maatschappelijk resultaat")]
    )

    public static let werkblad: NodeSchema = NodeSchema(
        "werkblad", summary: "Een visie-werkblad in vier stappen, met de koppeltabel; maakt het werkblad of werkt het bij.",
        arguments: [Slot("naam", .text, help: "de naam van het werkblad")],
        fields: [.optional("eigenaar", .text, help: "van wie het werkblad is"),
                 .optional("gemeente", .text, help: "de gemeente"),
                 .optional("soort", .choice(Werkblad.Soort.allCases.map(\.rawValue)), help: "raadslid, fractie of raad (samen)"),
                 .optional("export", .bool, help: "export=ja: dit is een heel werkblad uit `exporteer` (geen aanvulling)"),
                 .optional("vervang", .bool, help: "vervang=ja: een bestaand werkblad met deze naam wordt vervangen"),
                 .optional("samenvoegen", .bool, help: "samenvoegen=ja: wat er nog niet in het bestaande werkblad staat, komt erbij"),
                 .optional("als", .text, help: "sla het op onder deze naam, naast het bestaande werkblad")],
        children: [ChildRule("stap", max: 4) { stap }, ChildRule("koppeling") { koppeling }]
    ) { node, validation in
        validation.requireUnique(node, child: "stap", hint: "zet alles van één stap in één blok") { "stap `\($0)`" }
    }

    /// The werkblad a validated declaration describes.
    public static func content(of node: Node) -> WerkbladInhoud {
        let naam = node.arguments.first?.value.stringValue ?? ""
        var werkblad = Werkblad(naam: naam, eigenaar: CardBuilder.text(node, "eigenaar"),
                                soort: Werkblad.Soort(rawValue: CardBuilder.value(node, "soort")?.stringValue ?? "") ?? .raadslid,
                                gemeente: CardBuilder.text(node, "gemeente"))
        werkblad.id = nil
        var items: [WerkbladItem] = []
        for step in node.children where step.name == "stap" {
            guard let stap = step.arguments.first?.value.stringValue.flatMap(VisieStap.init) else { continue }
            for side in step.children {
                guard let kant = Kant(rawValue: side.name) else { continue }
                for (index, entry) in side.children.enumerated() {
                    var jaar: Int?
                    if case .number(let n)? = CardBuilder.value(entry, "jaar"), n.isFinite, abs(n) < 100_000 { jaar = Int(n) }
                    // The target: `doel=70%` (a value in %), `doel=12,5 eenheid="dagen"`, or the old `percentage=70%`.
                    var doel: Double?, eenheid = CardBuilder.value(entry, "eenheid")?.stringValue
                    if let value = CardBuilder.value(entry, "doel") {
                        doel = WerkbladSchemas.number(value)
                        if case .percent = value { eenheid = "%" }
                    } else if case .percent(let p)? = CardBuilder.value(entry, "percentage") {
                        doel = p
                        eenheid = "%"
                    }
                    items.append(WerkbladItem(werkbladId: 0, stap: stap, kant: kant, volgorde: index + 1,
                                              tekst: CardBuilder.argumentText(entry, 0), toelichting: CardBuilder.text(entry, "toelichting"),
                                              doel: doel, eenheid: eenheid, richting: CardBuilder.value(entry, "richting")?.stringValue,
                                              jaar: jaar, indicator: CardBuilder.value(entry, "indicator")?.stringValue,
                                              gebied: CardBuilder.value(entry, "gebied")?.stringValue))
                }
            }
        }
        let links = node.children.filter { $0.name == "koppeling" }.enumerated().map { index, link in
            Koppeling(werkbladId: 0, volgorde: index + 1, waarde: CardBuilder.text(link, "waarde"), principe: CardBuilder.text(link, "principe"),
                      onderbouwing: CardBuilder.text(link, "onderbouwing"), resultaat: CardBuilder.text(link, "resultaat"))
        }
        return WerkbladInhoud(werkblad: werkblad, items: items, koppelingen: links)
    }
}
