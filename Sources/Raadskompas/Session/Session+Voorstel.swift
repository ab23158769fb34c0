import Foundation
import KompasDSL

extension Session {
    /// `voorstel …`, its declarative form, and the beoordeling statements.
    func voorstel(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        if node.hasBlock {
            return try declareVoorstel(node, emit: emit)
        }
        guard let action = node.arguments.first?.value.stringValue,
              let schema = VoorstelCommands.subcommands.first(where: { $0.name == action }) else {
            let given = node.arguments.first?.value.displayText ?? ""
            throw .error(given.isEmpty ? "`voorstel` zonder actie" : "onbekende actie `\(given)` bij `voorstel`",
                         hint: Suggestion.hint(for: given, in: VoorstelCommands.actions) ?? "kies uit: " + VoorstelCommands.actions.joined(separator: ", "),
                         at: node.arguments.first?.span ?? node.nameSpan)
        }
        try check(node, against: schema)
        let store = try voorstelStore(at: node)
        switch action {
        case "importeer":
            try importVoorstel(node, store: store, emit: emit)
        case "lijst":
            let all = try attempt(node) { () throws(VoorstelStore.Failure) in try store.all() }
            guard !all.isEmpty else {
                emit("Er zijn nog geen raadsvoorstellen. Lees er een in met: voorstel importeer \"voorstel.pdf\" id=rv-2026-001\n")
                return
            }
            var out = [style.bold("Raadsvoorstellen") + style.dim(" (\(all.count))")]
            let unadvised = try withoutAdvies(all, at: node)
            for voorstel in all {
                let details = [voorstel.datum, voorstel.gemeente.isEmpty ? nil : voorstel.gemeente].compactMap { $0 }.joined(separator: ", ")
                out += TextLayout.wrap("\(voorstel.titel)" + (details.isEmpty ? "" : style.dim("  (\(details))")), width: style.width,
                                       first: "  " + style.accent(voorstel.id) + "  ", rest: "    ")
                if unadvised.contains(voorstel.id) { out.append("    " + style.bold("⚑ kerndomein sociaal domein, maar geen advies van de adviesraad")) }
            }
            emit(out.joined(separator: "\n") + "\n")
        case "toon":
            let voorstel = try findVoorstel(store, node, argument: 1)
            var out = [style.heading(voorstel.titel) + "  " + style.dim("[\(voorstel.id)]")]
            let details = [voorstel.datum.map { "datum \($0)" }, voorstel.gemeente.isEmpty ? nil : "gemeente \(voorstel.gemeente)",
                           voorstel.portefeuille.isEmpty ? nil : "portefeuille \(voorstel.portefeuille)",
                           voorstel.wettenLijst.isEmpty ? nil : "wetten \(voorstel.wettenLijst.joined(separator: ", "))"].compactMap { $0 }
            if !details.isEmpty { out.append(style.dim(details.joined(separator: " · "))) }
            if try withoutAdvies([voorstel], at: node).contains(voorstel.id) {
                out += TextLayout.wrap("⚑ Dit voorstel valt in het kerndomein van de adviesraad sociaal domein, maar er is geen advies aan gekoppeld. "
                                       + "Vraag het college waarom niet, of leg het advies vast met `advies ID … voorstel=\(voorstel.id)`.", width: style.width).map(style.bold)
            }
            out.append("")
            let lines = voorstel.tekst.split(separator: "\n", omittingEmptySubsequences: false)
            let width = String(lines.count).count
            for (i, line) in lines.enumerated() {
                let number = String(i + 1)
                out.append(style.dim(String(repeating: " ", count: width - number.count) + number + " │ ") + line)
            }
            emit(out.joined(separator: "\n") + "\n")
        case "verwijder":
            let voorstel = try findVoorstel(store, node, argument: 1)
            guard try confirmDeletion(node, question: "Voorstel \(voorstel.id) met zijn beoordelingen verwijderen?",
                                      script: "voorstel verwijder \(voorstel.id) zeker=ja", emit: emit) else { return }
            try attempt(node) { () throws(VoorstelStore.Failure) in try store.delete(voorstel) }
            emit("Voorstel \(voorstel.id) is verwijderd.\n")
        default:
            break
        }
    }

    private func importVoorstel(_ node: Node, store: VoorstelStore, emit: (String) -> Void) throws(Diagnostic) {
        let path = node.arguments[1].value.stringValue ?? ""
        let imported: TextImport.Imported
        do {
            imported = try TextImport.read(path)
        } catch {
            throw .error(error.message, hint: error.hint, at: node.arguments[1].span)
        }
        let id = (CardBuilder.value(node, "id")?.stringValue ?? "").lowercased()
        let existing = (try? store.find(id)).flatMap { $0.id == id ? $0 : nil }
        let voorstel = makeVoorstel(id: id, node: node, text: imported.text, source: path, keeping: existing)
        // The same id for another file is a mistake more often than an update.
        var replace = false
        if case .bool(true)? = CardBuilder.value(node, "vervang") { replace = true }
        if !replace, let existing, existing.bron != path {
            throw .error("er is al een voorstel \(voorstel.id)" + (existing.bron.isEmpty ? "" : ", ingelezen uit `\(existing.bron)`"),
                         hint: "kies een andere id, of zet `vervang=ja` om de tekst te vervangen", at: node.nameSpan)
        }
        let change = try attempt(node) { () throws(VoorstelStore.Failure) in try store.save(voorstel) }
        var out = imported.notes.map { "Let op: \($0).\n" }.joined()
        switch change {
        case .new:
            let lines = voorstel.tekst.split(separator: "\n").count
            out += "Voorstel \(voorstel.id) ingelezen: ‘\(voorstel.titel)’ (\(lines) \(lines == 1 ? "regel" : "regels")).\n"
        case .unchanged:
            out += "Voorstel \(voorstel.id) is al ingelezen; de tekst is niet veranderd.\n"
        case .changed(let previous):
            out += "Voorstel \(voorstel.id) opnieuw ingelezen: de tekst is veranderd sinds \(Session.dutchDate(previous)). "
                + "Bestaande beoordelingen gingen over de vorige tekst; kijk ze na met `beoordelingen \(voorstel.id)`.\n"
        }
        emit(out)
    }

    private func declareVoorstel(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: VoorstelCommands.declaration)
        let id = node.arguments[0].value.stringValue ?? ""
        if VoorstelCommands.actions.contains(id) {
            throw .error("`\(id)` kan geen id zijn: het is een actie van `voorstel`", hint: "kies een id als rv-2026-014", at: node.arguments[0].span)
        }
        let store = try voorstelStore(at: node)
        let voorstel = makeVoorstel(id: id, node: node, text: CardBuilder.text(node, "tekst"), source: "")
        let change = try attempt(node) { () throws(VoorstelStore.Failure) in try store.save(voorstel) }
        emit(change == .new ? "Voorstel \(voorstel.id) opgeslagen.\n" : "Voorstel \(voorstel.id) bijgewerkt.\n")
    }

    /// The voorstel the statement describes; what it does not say is kept from `existing`.
    private func makeVoorstel(id: String, node: Node, text: String, source: String, keeping existing: Voorstel? = nil) -> Voorstel {
        // The title: given, else the "Onderwerp:" line that most raadsvoorstel templates have near
        // the top, else the first line.
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let subject = lines.prefix(30).first { $0.lowercased().hasPrefix("onderwerp:") }
            .map { String($0.dropFirst("onderwerp:".count)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let firstLine = subject ?? lines.first ?? id
        var wetten: [String] = []
        if case .list(let items)? = CardBuilder.value(node, "wetten") { wetten = items.compactMap(\.stringValue) }
        var datum: String?
        if case .date(let d)? = CardBuilder.value(node, "datum") { datum = d.description }
        func field(_ name: String, _ kept: String?) -> String {
            CardBuilder.value(node, name)?.stringValue ?? kept ?? ""
        }
        return Voorstel(id: id.lowercased(), titel: CardBuilder.value(node, "titel")?.stringValue ?? String(firstLine.prefix(160)),
                        datum: datum ?? existing?.datum, gemeente: field("gemeente", existing?.gemeente),
                        portefeuille: field("portefeuille", existing?.portefeuille), onderwerp: field("onderwerp", existing?.onderwerp),
                        wetten: wetten.isEmpty ? existing?.wetten ?? "" : wetten.joined(separator: ","), tekst: text,
                        hash: VoorstelStore.hash(text), bron: source, geimporteerd: Date())
    }

    /// `apk VAN TOT [naar "PAD"]`.
    func apk(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: VoorstelCommands.apk)
        guard case .date(let from) = node.arguments[0].value, case .date(let to) = node.arguments[1].value else { return }
        guard from <= to else {
            throw .error("de periode loopt achteruit: \(from.dutch) ligt na \(to.dutch)", hint: "zet de vroegste datum eerst", at: node.arguments[0].span.to(node.arguments[1].span))
        }
        if node.arguments.count == 3 {
            throw .error("na `naar` hoort een bestand", hint: "bijvoorbeeld `apk \(from) \(to) naar \"apk.html\"`", at: node.arguments[2].span)
        }
        let store = try voorstelStore(at: node)
        let voorstellen = try attempt(node) { () throws(VoorstelStore.Failure) in try store.all() }
        var judgements: [Beoordeling] = []
        for voorstel in voorstellen {
            judgements += try attempt(node) { () throws(VoorstelStore.Failure) in try store.judgements(of: voorstel) }
        }
        let report = APKReport(from: from, to: to, voorstellen: voorstellen, judgements: judgements, criteria: GuidedReview.criteria(from: library))
        guard node.arguments.count == 4, let path = node.arguments[3].value.stringValue else {
            emit(report.text(style: style))
            return
        }
        let span = node.arguments[3].span
        let text: String
        switch (path as NSString).pathExtension.lowercased() {
        case "html": text = report.html()
        case "md": text = report.markdown()
        case "csv": text = report.csv()
        default:
            throw .error("onbekend soort bestand `\((path as NSString).pathExtension)`", hint: "kies een naam die eindigt op .html, .md of .csv", at: span)
        }
        try FileOutput.write(text, to: path, at: span)
        emit("APK (\(report.rows.count) voorstellen) geschreven naar \(path).\n")
    }

    /// `beoordeel`, `beoordeling`, `beoordelingen`, `vragen`.
    func review(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        let schema = switch node.name {
        case "analyseer": VoorstelCommands.analyseer
        case "beoordeel": VoorstelCommands.beoordeel
        case "beoordeling": VoorstelCommands.beoordeling
        case "beoordelingen": VoorstelCommands.beoordelingen
        default: VoorstelCommands.vragen
        }
        try check(node, against: schema)
        let store = try voorstelStore(at: node)
        let voorstel = try findVoorstel(store, node, argument: 0)
        let criteria = GuidedReview.criteria(from: library)
        switch node.name {
        case "analyseer":
            guard let analyzer = Analyzer(library: library) else {
                throw .error("er zijn geen analyseregels in de inhoud", hint: "controleer de inhoud met `lijst alles`", at: node.nameSpan)
            }
            emit(AnalysisRenderer.text(analyzer.analyze(voorstel.tekst, name: "\(voorstel.id) ‘\(voorstel.titel)’"), criteria: criteria, style: style))
        case "beoordeel":
            guard let conversation else {
                throw .error("`beoordeel` werkt in de shell, waar Raadskompas vragen kan stellen",
                             hint: "in een script schrijf je `beoordeling \(voorstel.id) door=\"…\" { criterium A score=2 \"…\" }`", at: node.nameSpan)
            }
            let review = GuidedReview(store: store, criteria: criteria, style: style, conversation: conversation)
            let beoordelaar = CardBuilder.value(node, "door")?.stringValue ?? "griffie"
            try attempt(node) { () throws(VoorstelStore.Failure) in try review.run(voorstel, by: beoordelaar) }
        case "beoordeling":
            let beoordelaar = CardBuilder.text(node, "door")
            var judgements: [Beoordeling] = []
            for child in node.children where child.name == "criterium" {
                let letter = child.arguments.first?.value.stringValue ?? ""
                guard criteria.contains(where: { $0.letter == letter }) else {
                    throw .error("er is geen criterium \(letter)", hint: "de criteria zijn " + criteria.map(\.letter).joined(separator: ", "),
                                 at: child.arguments.first?.span ?? child.nameSpan)
                }
                let value = CardBuilder.value(child, "score")
                let parsed = value.flatMap { v -> (Int?, Bool)? in
                    if case .number(let n) = v { return (Int(n), false) }
                    return GuidedReview.score(v.displayText)
                }
                judgements.append(Beoordeling(voorstelId: voorstel.id, beoordelaar: beoordelaar, criterium: letter, score: parsed?.0,
                                              nvt: parsed?.1 ?? false, toelichting: child.arguments.count > 1 ? child.arguments[1].value.stringValue ?? "" : ""))
            }
            try attempt(node) { () throws(VoorstelStore.Failure) in try store.replaceJudgements(of: voorstel, by: beoordelaar, with: judgements) }
            emit("Beoordeling van \(voorstel.id) door \(beoordelaar) opgeslagen (\(judgements.count) criteria).\n")
        case "beoordelingen":
            let judgements = try attempt(node) { () throws(VoorstelStore.Failure) in try store.judgements(of: voorstel) }
            emit(sideBySide(voorstel, judgements, criteria))
        default:
            var judgements = try attempt(node) { () throws(VoorstelStore.Failure) in try store.judgements(of: voorstel) }
            if let door = CardBuilder.value(node, "door")?.stringValue { judgements = judgements.filter { $0.beoordelaar == door } }
            emit(questions(voorstel, judgements, criteria))
        }
    }

    private func sideBySide(_ voorstel: Voorstel, _ judgements: [Beoordeling], _ criteria: [GuidedReview.Criterion]) -> String {
        guard !judgements.isEmpty else { return "Voorstel \(voorstel.id) is nog niet beoordeeld. Begin met `beoordeel \(voorstel.id)`.\n" }
        var reviewers: [String] = []
        for judgement in judgements where !reviewers.contains(judgement.beoordelaar) { reviewers.append(judgement.beoordelaar) }
        let columnWidth = max(12, reviewers.map(\.count).max() ?? 0) + 2
        var out = [style.bold("Beoordelingen van \(voorstel.id): \(voorstel.titel)"), ""]
        out.append("    " + reviewers.map { $0.padded(to: columnWidth) }.joined())
        for criterion in criteria {
            let row = reviewers.map { reviewer in judgements.first { $0.beoordelaar == reviewer && $0.criterium == criterion.letter } }
            let scores = row.compactMap { $0?.score }
            let differs = (scores.max() ?? 0) - (scores.min() ?? 0) >= 2
            let cells = row.map { ($0?.label ?? "—").padded(to: columnWidth) }.joined()
            out.append("  \(criterion.letter) " + cells + (differs ? style.accent("  ← verschil van \((scores.max() ?? 0) - (scores.min() ?? 0)) punten") : ""))
        }
        let notes = judgements.filter { !$0.toelichting.isEmpty }
        if !notes.isEmpty {
            out.append("")
            for note in notes {
                out += TextLayout.wrap(note.toelichting, width: style.width, first: "  \(note.criterium) " + style.dim("(\(note.beoordelaar)): "), rest: "      ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Technical questions for every criterion that scored below voldoende.
    private func questions(_ voorstel: Voorstel, _ judgements: [Beoordeling], _ criteria: [GuidedReview.Criterion]) -> String {
        let weak = criteria.filter { criterion in
            judgements.contains { $0.criterium == criterion.letter && !$0.nvt && ($0.score ?? 3) < 2 }
        }
        guard !weak.isEmpty else {
            return judgements.isEmpty ? "Voorstel \(voorstel.id) is nog niet beoordeeld; vragen volgen uit de scores.\n"
                                      : "Geen criterium scoort onder voldoende: er zijn geen vragen nodig.\n"
        }
        var out = ["Technische vragen over \(voorstel.id) ‘\(voorstel.titel)’", ""]
        var number = 1
        for criterion in weak {
            out.append("\(criterion.letter). \(criterion.title)")
            for question in criterion.questions {
                out += TextLayout.wrap(question, width: style.width, first: "  \(number). ", rest: "     ")
                number += 1
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    // MARK: - Helpers

    /// The ids of voorstellen in the kerndomein that no advies names.
    func withoutAdvies(_ voorstellen: [Voorstel], at node: Node) throws(Diagnostic) -> Set<String> {
        let store = try openAdviesStore(node)
        let advised = Set(try fetch(node, store: store) { db in try String.fetchAll(db, sql: "SELECT DISTINCT voorstel FROM advies WHERE voorstel IS NOT NULL") })
        let kerndomein = Kerndomein(library: library)
        return Set(voorstellen.filter { !advised.contains($0.id) && kerndomein.contains($0) }.map(\.id))
    }

    func check(_ node: Node, against schema: NodeSchema) throws(Diagnostic) {
        var validation = Validation()
        validation.validate(node, against: schema)
        for reference in validation.references where library.card(reference.target) == nil {
            validation.error("onbekende wet `\(reference.target)`", hint: Suggestion.hint(for: reference.target, in: ContentSchemas.staalkaartIds)
                             ?? "wetten: " + ContentSchemas.staalkaartIds.joined(separator: ", "), at: reference.span)
        }
        if let first = validation.diagnostics.first(where: { $0.severity == .error }) { throw first }
    }

    func voorstelStore(at node: Node) throws(Diagnostic) -> VoorstelStore {
        do {
            return VoorstelStore(store: try openStore())
        } catch {
            throw .error(error.message, hint: error.hint, at: node.nameSpan)
        }
    }

    private func findVoorstel(_ store: VoorstelStore, _ node: Node, argument index: Int) throws(Diagnostic) -> Voorstel {
        let id = index < node.arguments.count ? node.arguments[index].value.stringValue ?? "" : ""
        return try attempt(node, argument: index) { () throws(VoorstelStore.Failure) in try store.find(id) }
    }

    static func dutchDate(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        return DateValue(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)?.dutch ?? "eerder"
    }
}
