import Foundation
import KompasDSL

/// `voorstel importeer|lijst|toon|verwijder` and the declarative `voorstel ID { … }`.
extension Command {
    static let voorstelId = Slot("id", .word, help: "de id van het voorstel", completes: .voorstellen)
    static let voorstelMetadata: [Slot] = [
        .optional("titel", .text, help: "de titel (anders de eerste regel van de tekst)"),
        .optional("datum", .date, help: "de datum, bijvoorbeeld 2026-03-12"),
        .optional("gemeente", .text, help: "de gemeente"),
        .optional("portefeuille", .text, help: "de portefeuille of portefeuillehouder"),
        .optional("onderwerp", .text, help: "het onderwerp"),
        .optional("wetten", .list(.reference(kinds: ["staalkaart"])), help: "de wetten die het raakt, bijvoorbeeld [wmo, jeugdwet]"),
        .optional("registratienummer", .text, help: "het eigen nummer van de gemeente (registratie-, zaak- of voorstelnummer)"),
    ]

    static let voorstelImporteer = Command(
        "voorstel", action: "importeer", task: .raadsvoorstellen,
        schema: NodeSchema("importeer", summary: "Leest een raadsvoorstel in uit .txt, .md, .pdf of .docx; opnieuw inlezen ziet of de tekst veranderde.",
                           arguments: [.action("importeer"), Slot("pad", .text, help: "het bestand")],
                           fields: [Slot("id", .identifier, help: "de id van het voorstel, bijvoorbeeld rv-2026-014")] + voorstelMetadata
                               + [.optional("vervang", .bool, help: "vervang=ja: een bestaand voorstel met deze id krijgt de tekst van dit bestand")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        // `~/stukken/x` is in the home folder, as in a terminal.
        let path = ExportTarget.expand(node.text(1))
        let imported: TextImport.Imported
        do throws(TextImport.Failure) {
            imported = try TextImport.read(path)
        } catch {
            throw .error(error.message, hint: error.hint, at: node.arguments[1].span)
        }
        let id = node.fieldText("id").lowercased()
        let existing = (try? store.find(id)).flatMap { $0.id == id ? $0 : nil }
        // What the statement does not say, the header of the text may: datum, portefeuille, nummer.
        let kop = VoorstelKop.read(imported.text)
        var given = VoorstelGegevens(node)
        var read: [String] = []
        if given.datum == nil, existing?.datum == nil, let datum = kop.datum { given.datum = datum; read.append("datum \(datum.dutch)") }
        if given.portefeuille == nil, existing?.portefeuille.isEmpty ?? true, let portefeuille = kop.portefeuille {
            given.portefeuille = portefeuille
            read.append("portefeuille ‘\(portefeuille)’")
        }
        if given.registratienummer == nil, existing?.registratienummer.isEmpty ?? true, let nummer = kop.registratienummer {
            given.registratienummer = nummer
            read.append("registratienummer \(nummer)")
        }
        let voorstel = Voorstel.described(id: id, text: imported.text, source: path, by: given, keeping: existing)
        // The same id for another file is a mistake more often than an update.
        if !node.flag("vervang"), let existing, existing.bron != path {
            throw .error("er is al een voorstel \(voorstel.id)" + (existing.bron.isEmpty ? "" : ", ingelezen uit `\(existing.bron)`"),
                         hint: "kies een andere id, of zet `vervang=ja` om de tekst te vervangen", at: node.nameSpan)
        }
        let change = try context.attempt(node) { try store.save(voorstel) }
        var out = imported.notes.map { "Let op: \($0).\n" }.joined()
        if !read.isEmpty { out += "Uit de tekst gehaald: " + read.joined(separator: ", ") + ". Klopt iets niet? `voorstel wijzig \(voorstel.id) …`\n" }
        switch change {
        case .new:
            let lines = voorstel.tekst.split(separator: "\n").count
            out += "Voorstel \(voorstel.id) ingelezen: ‘\(voorstel.titel)’ (\(lines) \(lines == 1 ? "regel" : "regels")).\n"
        case .unchanged:
            out += "Voorstel \(voorstel.id) is al ingelezen; er is niets veranderd.\n"
        case .fieldsChanged(let fields):
            out += "Voorstel \(voorstel.id) is al ingelezen; de tekst is niet veranderd, wel: \(fields.joined(separator: ", ")).\n"
        case .changed(let previous):
            out += "Voorstel \(voorstel.id) opnieuw ingelezen: de tekst is veranderd sinds \(DateValue(previous).dutch). "
                + "Bestaande beoordelingen gingen over de vorige tekst; kijk ze na met `beoordelingen \(voorstel.id)`.\n"
        }
        return out
    }

    static let voorstelLijst = Command(
        "voorstel", action: "lijst", task: .raadsvoorstellen,
        schema: NodeSchema("lijst", summary: "Laat alle raadsvoorstellen zien.", arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let all = try context.attempt(node) { try store.all() }
        let unadvised = all.isEmpty ? [] : try context.withoutAdvies(all, node)
        return VoorstelTextRenderer(style: context.style).list(all, withoutAdvies: unadvised)
    }

    static let voorstelToon = Command(
        "voorstel", action: "toon", task: .raadsvoorstellen,
        schema: NodeSchema("toon", summary: "Laat een voorstel zien, met regelnummers.", arguments: [.action("toon"), voorstelId])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 1, in: store)
        let unadvised = try context.withoutAdvies([voorstel], node).contains(voorstel.id)
        return VoorstelTextRenderer(style: context.style).show(voorstel, withoutAdvies: unadvised)
    }

    static let voorstelVerwijder = Command(
        "voorstel", action: "verwijder", task: .raadsvoorstellen,
        schema: NodeSchema("verwijder", summary: "Verwijdert een voorstel met zijn beoordelingen.",
                           arguments: [.action("verwijder"), voorstelId],
                           fields: [.optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 1, in: store)
        guard try context.confirmDeletion(node, question: "Voorstel \(voorstel.id) met zijn beoordelingen verwijderen?",
                                          script: "voorstel verwijder \(voorstel.id) zeker=ja") else { return "Niets verwijderd.\n" }
        try context.attempt(node) { try store.delete(voorstel) }
        return "Voorstel \(voorstel.id) is verwijderd.\n"
    }

    static let voorstelDeclaratie = Command(
        "voorstel", task: .raadsvoorstellen,
        schema: NodeSchema("voorstel", summary: "Een raadsvoorstel met zijn tekst; maakt het voorstel, of verandert bij een bestaand voorstel alleen wat je noemt.",
                           arguments: [Slot("id", .identifier, help: "de id van het voorstel, bijvoorbeeld rv-2026-014", completes: .voorstellen)],
                           fields: voorstelMetadata + [.optional("tekst", .text, help: "de tekst van het voorstel (een tekstblok; nodig bij een nieuw voorstel)")]),
        accepts: \.hasBlock
    ) { node, context throws(Diagnostic) in
        let id = node.text(0)
        let actions = Registry.forms(of: "voorstel").compactMap(\.action)
        if actions.contains(id) {
            throw .error("`\(id)` kan geen id zijn: het is een actie van `voorstel`", hint: "kies een id als rv-2026-014", at: node.arguments[0].span)
        }
        return try updateVoorstel(node, id: id, context)
    }

    static let voorstelWijzig = Command(
        "voorstel", action: "wijzig", task: .raadsvoorstellen,
        schema: NodeSchema("wijzig", summary: "Verandert gegevens van een voorstel: voorstel wijzig rv-1 datum=2026-03-12 portefeuille=\"Zorg\". De rest blijft.",
                           arguments: [.action("wijzig"), voorstelId], fields: voorstelMetadata)
    ) { node, context throws(Diagnostic) in
        guard !node.properties.isEmpty || node.hasBlock else {
            throw .error("wat wil je veranderen?", hint: "bijvoorbeeld `voorstel wijzig \(node.text(1)) datum=2026-03-12`", at: node.nameSpan)
        }
        let store = try context.voorstellen(node)
        let existing = try context.voorstel(node, argument: 1, in: store)
        return try updateVoorstel(node, id: existing.id, context)
    }

    /// Creates the voorstel, or changes only the fields (and text) the statement gives.
    private static func updateVoorstel(_ node: Node, id: String, _ context: CommandContext) throws(Diagnostic) -> String {
        let store = try context.voorstellen(node)
        let existing = (try? store.find(id)).flatMap { $0.id == id.lowercased() ? $0 : nil }
        guard let text = node.optionalText("tekst") ?? existing?.tekst else {
            throw .error("voorstel \(id) bestaat nog niet en heeft een tekst nodig", hint: "schrijf `voorstel \(id) { titel \"…\"; tekst \"\"\"…\"\"\" }`", at: node.nameSpan)
        }
        var voorstel = Voorstel.described(id: id, text: text, source: existing?.bron ?? "", by: VoorstelGegevens(node), keeping: existing)
        if let existing, node.optionalText("titel") == nil { voorstel.titel = existing.titel }
        let saved = voorstel
        switch try context.attempt(node, { try store.save(saved) }) {
        case .new: return "Voorstel \(voorstel.id) opgeslagen.\n"
        case .unchanged: return "Voorstel \(voorstel.id): niets veranderd.\n"
        case .fieldsChanged(let fields): return "Voorstel \(voorstel.id) bijgewerkt: \(fields.joined(separator: ", ")).\n"
        case .changed: return "Voorstel \(voorstel.id) bijgewerkt: de tekst is veranderd. Bestaande beoordelingen gingen over de vorige tekst; kijk ze na met `beoordelingen \(voorstel.id)`.\n"
        }
    }
}

/// What a statement says about a voorstel besides its text; nil fields are not given.
struct VoorstelGegevens {
    var titel: String?
    var datum: DateValue?
    var gemeente: String?
    var portefeuille: String?
    var onderwerp: String?
    var wetten: [String]
    var registratienummer: String?

    init(_ node: Node) {
        titel = node.optionalText("titel")
        datum = node.date("datum")
        gemeente = node.optionalText("gemeente")
        portefeuille = node.optionalText("portefeuille")
        onderwerp = node.optionalText("onderwerp")
        wetten = node.texts("wetten")
        registratienummer = node.optionalText("registratienummer")
    }
}

extension Voorstel {
    /// The voorstel a statement describes; what it does not say is kept from `existing`.
    static func described(id: String, text: String, source: String, by given: VoorstelGegevens, keeping existing: Voorstel? = nil) -> Voorstel {
        // The title: given, else the "Onderwerp:" line that most raadsvoorstel templates have near
        // the top, else the first line.
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let subject = lines.prefix(30).first { $0.lowercased().hasPrefix("onderwerp:") }
            .map { String($0.dropFirst("onderwerp:".count)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let firstLine = subject ?? lines.first ?? id
        return Voorstel(id: id.lowercased(), titel: given.titel ?? String(firstLine.prefix(160)),
                        datum: given.datum?.description ?? existing?.datum, gemeente: given.gemeente ?? existing?.gemeente ?? "",
                        portefeuille: given.portefeuille ?? existing?.portefeuille ?? "", onderwerp: given.onderwerp ?? existing?.onderwerp ?? "",
                        wetten: given.wetten.isEmpty ? existing?.wetten ?? "" : given.wetten.joined(separator: ","), tekst: text,
                        hash: VoorstelStore.hash(text), bron: source, geimporteerd: Date(),
                        registratienummer: given.registratienummer ?? existing?.registratienummer ?? "")
    }
}

extension CommandContext {
    /// The ids of voorstellen in the kerndomein that no advies names.
    func withoutAdvies(_ voorstellen: [Voorstel], _ node: Node) throws(Diagnostic) -> Set<String> {
        let adviezen = try adviezen(node)
        let kerndomein = Kerndomein(library: library)
        return try attempt(node) { try adviezen.withoutAdvies(voorstellen, kerndomein: kerndomein) }
    }
}

extension DateValue {
    /// The calendar day of `date` (Gregorian, the machine's time zone).
    init(_ date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        self = DateValue(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? DateValue(dayNumber: 0)
    }
}
