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
        schema: NodeSchema("importeer", summary: "Leest een raadsvoorstel in uit .txt, .md, .pdf of .docx, of alle voorstellen in een map of in een export van openbesluitvorming.nl (.ndjson); opnieuw inlezen ziet wat er veranderde.",
                           arguments: [.action("importeer"), Slot("pad", .text, help: "het bestand, de map of de .ndjson-export")],
                           fields: [.optional("id", .identifier, help: "de id van het voorstel, bijvoorbeeld rv-2026-014 (anders gemaakt uit de bestandsnaam)")] + voorstelMetadata
                               + [.optional("vervang", .bool, help: "vervang=ja: een bestaand voorstel met deze id krijgt de tekst van dit bestand")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        // `~/stukken/x` is in the home folder, as in a terminal.
        let path = ExportTarget.expand(node.text(1))
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue || VoorstelBulkImport.isExport(path) {
            return try importBatch(node, path: path, isFolder: isDirectory.boolValue, store: store, context)
        }
        let imported: TextImport.Imported
        do throws(TextImport.Failure) {
            imported = try TextImport.read(path)
        } catch {
            throw .error(error.message, hint: error.hint, at: node.arguments[1].span)
        }
        let id = node.optionalText("id")?.lowercased() ?? VoorstelBulkImport.id(forName: ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        let existing = (try? store.find(id)).flatMap { $0.id == id ? $0 : nil }
        // What the statement does not say, the header of the text may: datum, portefeuille, nummer.
        let kop = VoorstelKop.read(imported.text)
        var given = VoorstelGegevens(node)
        var read: [String] = []
        // The title as the analysis reads it: the onderwerp across its line break, or the first line of substance.
        // A title the voorstel already has (perhaps set by hand with `voorstel wijzig`) stays.
        if given.titel == nil { given.titel = existing?.titel ?? Analyzer(library: context.library)?.title(of: imported.text).map { String($0.prefix(160)) } }
        // A field the earlier text gave follows the new text; a field set by hand (it differs from
        // what the earlier text said) stays, and the reply names what the text says now.
        let earlier = existing.map { VoorstelKop.read($0.tekst) }
        var kept: [String] = []
        if given.datum == nil, let datum = kop.datum {
            // Stored as "2026-03-12" (DateValue's description).
            let stored = existing?.datum
            let storedDutch = stored.map { iso in earlier?.datum?.description == iso ? earlier!.datum!.dutch : iso } ?? ""
            if stored == nil || stored == earlier?.datum?.description {
                if stored != datum.description { given.datum = datum; read.append("datum \(datum.dutch)" + (stored == nil ? "" : " (was \(storedDutch))")) }
            } else if stored != datum.description {
                kept.append("datum \(datum.dutch) (bewaard blijft \(storedDutch))")
            }
        }
        /// A text field: the new text's value when the stored one came from the earlier text (or is
        /// empty); otherwise the stored one stays and is named. Returns the value to store, if any.
        func follow(_ name: String, new value: String?, stored: String, earlier: String?, quoted: Bool) -> String? {
            guard let value else { return nil }
            func shown(_ text: String) -> String { quoted ? "‘\(text)’" : text }
            if stored.isEmpty || stored == earlier {
                guard stored != value else { return nil }
                read.append("\(name) \(shown(value))" + (stored.isEmpty ? "" : " (was \(shown(stored)))"))
                return value
            }
            if stored != value { kept.append("\(name) \(shown(value)) (bewaard blijft \(shown(stored)))") }
            return nil
        }
        if given.portefeuille == nil, let value = follow("portefeuille", new: kop.portefeuille, stored: existing?.portefeuille ?? "", earlier: earlier?.portefeuille, quoted: true) {
            given.portefeuille = value
        }
        if given.registratienummer == nil,
           let value = follow("registratienummer", new: kop.registratienummer, stored: existing?.registratienummer ?? "", earlier: earlier?.registratienummer, quoted: false) {
            given.registratienummer = value
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
        if !kept.isEmpty {
            out += "De tekst noemt nu " + kept.joined(separator: ", ") + ": dat had je zelf ingevuld. Wil je wat de tekst zegt? `voorstel wijzig \(voorstel.id) …`\n"
        }
        switch change {
        case .new:
            // As `voorstel toon` numbers them: every line, blank ones too.
            let lines = voorstel.tekst.split(separator: "\n", omittingEmptySubsequences: false).count - (voorstel.tekst.hasSuffix("\n") ? 1 : 0)
            out += "Voorstel \(voorstel.id) ingelezen: ‘\(voorstel.titel)’ (\(lines) \(lines == 1 ? "regel" : "regels")).\n"
            // The same voorstel under another id (a renamed file, a second download) is named.
            if let twin = try? store.all().first(where: { $0.id != voorstel.id && ($0.hash == voorstel.hash
                || !voorstel.registratienummer.isEmpty && $0.registratienummer.lowercased() == voorstel.registratienummer.lowercased()) }) {
                out += "Let op: \(twin.hash == voorstel.hash ? "dezelfde tekst staat al" : "hetzelfde registratienummer \(voorstel.registratienummer) staat al") bij voorstel \(twin.id). "
                    + "Is het hetzelfde voorstel, haal er dan een weg met `voorstel verwijder \(voorstel.id)`.\n"
            }
        case .unchanged:
            out += "Voorstel \(voorstel.id) is al ingelezen; er is niets veranderd.\n"
        case .fieldsChanged(let fields):
            out += "Voorstel \(voorstel.id) is al ingelezen; de tekst is niet veranderd, wel: \(fields.joined(separator: ", ")).\n"
        case .changed(let previous):
            out += "Voorstel \(voorstel.id) opnieuw ingelezen: de tekst is veranderd sinds \(DateValue(previous).dutch)."
            let judged = (try? store.judgements(of: voorstel).count) ?? 0
            out += judged > 0 ? " De \(judged) \(judged == 1 ? "score ging" : "scores gingen") over de vorige tekst; kijk ze na met `beoordelingen \(voorstel.id)`.\n" : "\n"
        }
        return out
    }

    /// `voorstel importeer MAP` and `voorstel importeer "export.ndjson"`: every voorstel at once,
    /// in one change (one `ongedaan` takes it back).
    static func importBatch(_ node: Node, path: String, isFolder: Bool, store: VoorstelStore, _ context: CommandContext) throws(Diagnostic) -> String {
        for field in ["id", "titel", "datum", "portefeuille", "registratienummer", "onderwerp"] where node.property(field) != nil {
            throw .error("`\(field)=` geldt voor één voorstel, niet voor een \(isFolder ? "map" : "export")",
                         hint: "lees de voorstellen zonder `\(field)=` in, en verander er daarna één met `voorstel wijzig`", at: node.property(field)!.keySpan)
        }
        let batch: VoorstelBulkImport.Batch
        if isFolder {
            let analyzer = Analyzer(library: context.library)
            batch = VoorstelBulkImport.folder(path) { text in analyzer?.title(of: text).map { String($0.prefix(160)) } }
        } else {
            do throws(VoorstelBulkImport.Failure) {
                batch = try VoorstelBulkImport.export(path)
            } catch {
                throw .error(error.message, hint: error.hint, at: node.arguments[1].span)
            }
        }
        if batch.voorstellen.isEmpty && batch.deletions.isEmpty && batch.skipped.isEmpty {
            throw .error(isFolder ? "er staan geen voorstellen in de map `\(path)`" : "de export `\(path)` bevat geen documenten",
                         hint: isFolder ? "Raadskompas leest .txt, .md, .pdf en .docx, ook in submappen" : "kies een export met documenten (Document)", at: node.arguments[1].span)
        }
        var gegevens = VoorstelGegevens(node)
        gegevens.titel = nil
        let voorstellen = batch.voorstellen.map { voorstel -> Voorstel in
            var v = voorstel
            if let gemeente = gegevens.gemeente { v.gemeente = gemeente }
            if !gegevens.wetten.isEmpty { v.wetten = gegevens.wetten.joined(separator: ",") }
            return v
        }
        var adjusted = batch
        adjusted.voorstellen = voorstellen
        let outcome = try context.attempt(node) { try store.apply(adjusted, replace: node.flag("vervang"), exportSource: isFolder ? nil : path) }
        var counts: [String] = []
        let new = outcome.changes.filter { $0.change == .new }.count
        let changed = outcome.changes.filter { if case .changed = $0.change { true } else { false } }
        let fields = outcome.changes.filter { if case .fieldsChanged = $0.change { true } else { false } }.count
        let unchanged = outcome.changes.filter { $0.change == .unchanged }.count
        if new > 0 { counts.append("\(new) nieuw") }
        if !changed.isEmpty { counts.append("\(changed.count) met een veranderde tekst") }
        if fields > 0 { counts.append("\(fields) met andere gegevens") }
        if unchanged > 0 { counts.append("\(unchanged) ongewijzigd") }
        if !outcome.deleted.isEmpty { counts.append("\(outcome.deleted.count) verwijderd volgens de export") }
        var out = "Uit \(isFolder ? "de map" : "de export") \(path): " + (counts.isEmpty ? "niets ingelezen" : counts.joined(separator: ", ")) + ".\n"
        // What the headers gave, so that a griffier knows what to check (and what to fill in).
        let newIDs = Set(outcome.changes.filter { $0.change == .new }.map(\.id))
        let fresh = voorstellen.filter { newIDs.contains($0.id) }
        if isFolder, !fresh.isEmpty {
            let withDate = fresh.filter { $0.datum != nil }.count
            let withPortefeuille = fresh.filter { !$0.portefeuille.isEmpty }.count
            let withNummer = fresh.filter { !$0.registratienummer.isEmpty }.count
            out += "Uit de tekst gehaald, " + (fresh.count == 1 ? "bij het nieuwe voorstel" : "bij de \(fresh.count) nieuwe") + ": datum bij \(withDate), portefeuille bij \(withPortefeuille), registratienummer bij \(withNummer)."
            if let missing = fresh.first(where: { $0.datum == nil }) {
                out += " Zonder datum telt een voorstel niet mee in de APK; vul die in met `voorstel wijzig \(missing.id) datum=…`."
            }
            out += "\n"
        }
        if !fresh.isEmpty, let everything = try? store.all() {
            // The same voorstel twice (a renamed file next to the old one): named, not merged.
            let twins = fresh.compactMap { new -> String? in
                everything.first { $0.id != new.id && ($0.hash == new.hash || !new.registratienummer.isEmpty
                    && $0.registratienummer.lowercased() == new.registratienummer.lowercased()) }.map { "\(new.id) = \($0.id)" }
            }
            if !twins.isEmpty {
                out += "Let op: \(twins.count) \(twins.count == 1 ? "nieuw voorstel lijkt" : "nieuwe voorstellen lijken") op een voorstel dat er al was (zelfde tekst of registratienummer): "
                    + twins.prefix(8).joined(separator: ", ") + (twins.count > 8 ? " en nog \(twins.count - 8)" : "") + ". Haal wat dubbel is weg met `voorstel verwijder ID`.\n"
            }
        }
        if !changed.isEmpty {
            out += "Beoordelingen van " + changed.prefix(10).map(\.id).joined(separator: ", ") + (changed.count > 10 ? " en nog \(changed.count - 10)" : "")
                + " gingen over de vorige tekst; kijk ze na met `beoordelingen ID`.\n"
        }
        if !outcome.deleted.isEmpty { out += "Verwijderd: " + outcome.deleted.prefix(10).joined(separator: ", ") + (outcome.deleted.count > 10 ? " en nog \(outcome.deleted.count - 10)" : "") + ".\n" }
        if !outcome.conflicts.isEmpty {
            out += "Niet ingelezen, want de id is al van een voorstel uit een ander bestand (\(outcome.conflicts.count)): "
                + outcome.conflicts.prefix(10).map { "\($0.id) (uit \($0.bron))" }.joined(separator: ", ") + ". Zet `vervang=ja` om ze te vervangen.\n"
        }
        if !batch.skipped.isEmpty {
            out += "Overgeslagen (\(batch.skipped.count)):\n" + batch.skipped.prefix(20).map { "  \($0.naam): \($0.reden)\n" }.joined()
            if batch.skipped.count > 20 { out += "  … en nog \(batch.skipped.count - 20)\n" }
        }
        if batch.otherEntities > 0 { out += "\(batch.otherEntities) \(batch.otherEntities == 1 ? "regel gaat" : "regels gaan") over vergaderingen, moties of commissies, niet over documenten; die zijn overgeslagen.\n" }
        if !outcome.changes.isEmpty || !outcome.deleted.isEmpty { out += "Alles in één keer terugdraaien kan met `ongedaan`. Bekijk ze met `voorstel lijst`.\n" }
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
        // `voorstel rv-1 titel="…"` without `{ }` too, as `help voorstel` writes it (not an action word).
        accepts: { node in
            node.hasBlock || !node.properties.isEmpty
                && !["importeer", "lijst", "toon", "wijzig", "verwijder"].contains(node.arguments.first?.value.stringValue ?? "")
        }
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

    init() {
        wetten = []
    }

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
