import Foundation
import GRDB
import KompasDSL

/// Own indicators, links to indicators, duiding and the monitor reports.
extension Session {
    /// The catalogue of `Content/` plus the user's own indicators.
    func catalog(at node: Node) throws(Diagnostic) -> IndicatorCatalog {
        let store = try openAdviesStore(node)
        let own = try fetch(node, store: store) { db in try EigenIndicator.order(Column("id")).fetchAll(db) }
        return IndicatorCatalog(library: library, own: own)
    }

    func requireIndicator(_ id: String, in catalog: IndicatorCatalog, at span: SourceSpan) throws(Diagnostic) -> IndicatorCatalog.Entry {
        guard let entry = catalog.entry(id) else {
            let starting = catalog.entries.map(\.id).filter { !id.isEmpty && $0.hasPrefix(id) }
            let hint = Suggestion.hint(for: id, in: catalog.ids)
                ?? (starting.isEmpty || starting.count > 6 ? nil : "bedoelde je " + starting.map { "`\($0)`" }.joined(separator: " of ") + "?")
            throw .error("onbekende indicator `\(id)`", hint: hint ?? "typ `indicator lijst` voor de indicatoren", at: span)
        }
        return entry
    }

    func monitor(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        switch node.name {
        case "indicator": try indicatorStatement(node, emit: emit)
        case "koppel": try koppel(node, emit: emit)
        case "ontkoppel": try ontkoppel(node, emit: emit)
        case "duid", "duiding": try duiding(node, emit: emit)
        case "jaaroverzicht": try yearReport(node, emit: emit)
        default: try indicatorReport(node, emit: emit)
        }
    }

    // MARK: - indicator nieuw | lijst | verwijder

    private func indicatorStatement(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        let given = node.arguments.first?.value.stringValue ?? ""
        guard let schema = MonitorCommands.indicatorSubcommands.first(where: { $0.name == given }) else {
            let actions = MonitorCommands.indicatorSubcommands.map(\.name)
            throw .error(given.isEmpty ? "`indicator` zonder actie" : "onbekende actie `\(given)` bij `indicator`",
                         hint: Suggestion.hint(for: given, in: actions) ?? "kies uit: " + actions.joined(separator: ", "), at: node.arguments.first?.span ?? node.nameSpan)
        }
        try check(node, against: schema)
        let store = try openAdviesStore(node)
        let catalog = try catalog(at: node)
        switch given {
        case "nieuw":
            let id = CardBuilder.argumentText(node, 1)
            if let existing = catalog.entry(id), !existing.eigen {
                throw .error("`\(id)` staat al in de catalogus (\(existing.naam))", hint: "kies een andere id, of gebruik de indicator uit de catalogus", at: node.arguments[1].span)
            }
            let indicator = EigenIndicator(id: id, naam: CardBuilder.text(node, "naam"), omschrijving: CardBuilder.text(node, "omschrijving"),
                                           eenheid: CardBuilder.text(node, "eenheid"), richting: CardBuilder.value(node, "richting")?.stringValue,
                                           thema: CardBuilder.text(node, "thema"))
            try run(node, store: store) { db in try indicator.save(db) }
            emit("Eigen indicator \(id) opgeslagen. Lees metingen in met: importeer metingen \"bestand.csv\"\n")
        case "lijst":
            let counts = try fetch(node, store: store) { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT indicator, count(*) AS n FROM meting GROUP BY indicator").map { ($0["indicator"] as String, $0["n"] as Int) })
            }
            var out: [String] = []
            for (title, eigen) in [("Catalogus", false), ("Eigen indicatoren", true)] {
                let entries = catalog.entries.filter { $0.eigen == eigen }
                out.append(style.bold(title) + style.dim(" (\(entries.count))"))
                if entries.isEmpty { out.append(style.dim("  nog geen; maak er een met: indicator nieuw wachttijd-wmo naam=\"Wachttijd Wmo\" eenheid=\"dagen\"")) }
                for entry in entries {
                    let measured = counts[entry.id].map { style.accent("  \($0) \($0 == 1 ? "meting" : "metingen")") } ?? ""
                    out += TextLayout.wrap("\(entry.naam) " + style.dim("(\(entry.eenheid))") + measured, width: style.width, first: "  \(entry.id)  ", rest: "    ")
                }
                out.append("")
            }
            emit(out.joined(separator: "\n"))
        default:
            let id = CardBuilder.argumentText(node, 1)
            guard let entry = catalog.entry(id), entry.eigen else {
                let own = catalog.entries.filter(\.eigen).map(\.id)
                throw .error(catalog.entry(id) == nil ? "geen eigen indicator `\(id)`" : "`\(id)` komt uit de catalogus en kan niet weg",
                             hint: Suggestion.hint(for: id, in: own) ?? "je eigen indicatoren: " + (own.isEmpty ? "(geen)" : own.joined(separator: ", ")), at: node.arguments[1].span)
            }
            let measured = try fetch(node, store: store) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meting WHERE indicator = ?", arguments: [id]) ?? 0 }
            guard try confirmDeletion(node, question: "Indicator \(id) met \(measured) metingen, koppelingen en duidingen verwijderen?",
                                      script: "indicator verwijder \(id) zeker=ja", emit: emit) else { return }
            try run(node, store: store) { db in
                for table in ["meting", "aanbevelingindicator", "duiding"] { try db.execute(sql: "DELETE FROM \(table) WHERE indicator = ?", arguments: [id]) }
                try db.execute(sql: "UPDATE item SET indicator = NULL, doel = NULL, gebied = NULL WHERE indicator = ?", arguments: [id])
                _ = try EigenIndicator.deleteOne(db, key: id)
            }
            emit("Indicator \(id) verwijderd, met \(measured) \(measured == 1 ? "meting" : "metingen").\n")
        }
    }

    // MARK: - koppel | ontkoppel

    private func koppel(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: MonitorCommands.koppel)
        if node.arguments.first?.value.stringValue == "resultaat" { return try koppelResultaat(node, emit: emit) }
        try check(node, against: MonitorCommands.koppelAanbeveling)
        let store = try openAdviesStore(node)
        let adviesId = CardBuilder.argumentText(node, 1), nummer = CardBuilder.argumentInt(node, 2)
        let indicator = try requireIndicator(CardBuilder.text(node, "indicator"), in: catalog(at: node), at: node.property("indicator")?.valueSpan ?? node.nameSpan)
        try requireAanbeveling(node, store: store, advies: adviesId, nummer: nummer)
        var horizon: Int?
        if case .number(let n)? = CardBuilder.value(node, "horizon") {
            guard (1900...2200).contains(Int(n)) else {
                throw .error("horizon \(Int(n)) is geen jaar", hint: "schrijf het jaar waarin het effect te zien moet zijn, bijvoorbeeld horizon=2028", at: node.property("horizon")?.valueSpan ?? node.nameSpan)
            }
            horizon = Int(n)
        }
        let link = AanbevelingIndicator(adviesId: adviesId, nummer: nummer, indicator: indicator.id, richting: CardBuilder.text(node, "richting"), horizon: horizon)
        try run(node, store: store) { db in try link.save(db) }
        emit("Aanbeveling \(adviesId).\(nummer) gekoppeld aan \(indicator.id) (verwacht \(link.richting)\(horizon.map { " in \($0)" } ?? "")).\n")
    }

    /// Checks that the advies exists and has aanbeveling `nummer`, with the nearest id as a hint.
    func requireAanbeveling(_ node: Node, store: Store, advies id: String, nummer: Int) throws(Diagnostic) {
        let advies = try fetch(node, store: store) { db in try Advies.fetchOne(db, key: id) }
        guard advies != nil else {
            let ids = try fetch(node, store: store) { db in try Advies.fetchAll(db).map(\.id) }
            throw .error("geen advies met id `\(id)`", hint: Suggestion.hint(for: id, in: ids) ?? "typ `advies lijst`", at: node.arguments[1].span)
        }
        let numbers = try fetch(node, store: store) { db in
            try Int.fetchAll(db, sql: "SELECT nummer FROM aanbeveling WHERE adviesId = ? ORDER BY nummer", arguments: [id])
        }
        guard numbers.contains(nummer) else {
            throw .error("advies \(id) heeft geen aanbeveling \(nummer)",
                         hint: numbers.isEmpty ? "het advies heeft nog geen aanbevelingen" : "aanbevelingen: " + numbers.map(String.init).joined(separator: ", "),
                         at: node.arguments[2].span)
        }
    }

    private func ontkoppel(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: MonitorCommands.ontkoppel)
        if node.arguments.first?.value.stringValue == "resultaat" { return try ontkoppelResultaat(node, emit: emit) }
        let store = try openAdviesStore(node)
        let adviesId = node.arguments[1].value.stringValue ?? "", nummer = Int(node.arguments[2].value.displayText) ?? -1
        guard let indicator = CardBuilder.value(node, "indicator")?.stringValue else {
            throw .error("welke indicator?", hint: "schrijf `ontkoppel aanbeveling \(adviesId) \(nummer) indicator=ID`", at: node.nameSpan)
        }
        let removed = try run(node, store: store) { db in
            try AanbevelingIndicator.deleteOne(db, key: ["adviesId": adviesId, "nummer": nummer, "indicator": indicator])
        }
        guard removed else {
            throw .error("aanbeveling \(adviesId).\(nummer) is niet gekoppeld aan \(indicator)", hint: "bekijk de koppelingen met `advies toon \(adviesId)`", at: node.arguments[1].span)
        }
        emit("Koppeling van \(adviesId).\(nummer) met \(indicator) weggehaald.\n")
    }

    // MARK: - duiding

    private func duiding(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: node.name == "duid" ? MonitorCommands.duid : MonitorCommands.duiding)
        let store = try openAdviesStore(node)
        let indicator = try requireIndicator(CardBuilder.argumentText(node, 0), in: catalog(at: node), at: node.arguments[0].span)
        let rawPeriod = CardBuilder.value(node, "periode").map { v -> String in
            if case .number(let n) = v { return String(Int(n)) }
            return v.displayText
        } ?? ""
        guard let periode = Periode.normalize(rawPeriod) else {
            throw .error("`\(rawPeriod)` is geen periode", hint: "schrijf een jaar (2024), een kwartaal (\"2024-K2\") of een maand (\"2024-05\")",
                         at: node.property("periode")?.valueSpan ?? node.nameSpan)
        }
        let gebied = CardBuilder.text(node, "gebied"), door = CardBuilder.text(node, "door")
        let key: [String: any DatabaseValueConvertible] = ["indicator": indicator.id, "gebied": gebied, "periode": periode]
        let existing = try fetch(node, store: store) { db in try Duiding.fetchOne(db, key: key) }
        var duiding = existing ?? Duiding(indicator: indicator.id, gebied: gebied, periode: periode, a: "", b: "", c: "", d: "", door: door, gewijzigd: Date())
        if !door.isEmpty { duiding.door = door }
        if node.name == "duiding" {
            for child in node.children { duiding[child.name] = CardBuilder.argumentText(child, 0) }
            duiding.gewijzigd = Date()
            let record = duiding
            try run(node, store: store) { db in try record.save(db) }
            emit("Duiding van \(indicator.id) voor \(periode)\(gebied.isEmpty ? "" : " in \(gebied)") opgeslagen.\n")
            return
        }
        guard let conversation else {
            throw .error("`duid` werkt in de shell, waar Raadskompas vragen kan stellen",
                         hint: "in een script schrijf je `duiding \(indicator.id) periode=\(periode) { a \"…\" b \"…\" c \"…\" d \"…\" }`", at: node.nameSpan)
        }
        let report = try fetch(node, store: store) { db in try IndicatorReport.load(db, indicator: indicator, gebied: gebied.isEmpty ? nil : gebied) }
        let guided = GuidedDuiding(questions: GuidedDuiding.questions(from: library), style: style, conversation: conversation) { record throws(Diagnostic) in
            try self.run(node, store: store) { db in try record.save(db) }
        }
        try guided.run(duiding, context: report)
    }

    // MARK: - Reports

    private func indicatorReport(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: node.name == "metingen" ? AdviesCommands.metingen : MonitorCommands.rapport)
        let store = try openAdviesStore(node)
        let indicator = try requireIndicator(CardBuilder.argumentText(node, 0), in: catalog(at: node), at: node.arguments[0].span)
        let gebied = CardBuilder.value(node, "gebied")?.stringValue
        // In the terminal, an indicator measured in many gebieden gets one line per gebied.
        let toFile = node.arguments.count > 1
        let report = try fetch(node, store: store) { db in
            let areas = gebied != nil || toFile ? 0 : try Int.fetchOne(db, sql: "SELECT count(DISTINCT gebied) FROM meting WHERE indicator = ?", arguments: [indicator.id]) ?? 0
            return try IndicatorReport.load(db, indicator: indicator, gebied: gebied,
                                            lastPeriods: areas > IndicatorReport.compactAbove ? IndicatorReport.recentPeriods : nil)
        }
        try emitReport(node, argument: 1, text: report.text(style: style), html: report.html, markdown: report.markdown, csv: report.csv,
                       done: "Rapport van \(indicator.id)", emit: emit)
    }

    private func yearReport(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try check(node, against: MonitorCommands.jaaroverzicht)
        let year = CardBuilder.argumentInt(node, 0)
        guard (1900...2200).contains(year) else {
            throw .error("\(year) is geen jaar", hint: "bijvoorbeeld `jaaroverzicht 2026`", at: node.arguments[0].span)
        }
        let store = try openAdviesStore(node)
        let raad = CardBuilder.value(node, "raad")?.stringValue
        if let raad {
            let known = try fetch(node, store: store) { db in try Adviesraad.fetchAll(db).map(\.id) }
            guard known.contains(raad) else {
                throw .error("onbekende adviesraad `\(raad)`", hint: Suggestion.hint(for: raad, in: known) ?? "typ `adviesraad lijst`", at: node.property("raad")?.valueSpan ?? node.nameSpan)
            }
        }
        let kerndomein = Kerndomein(library: library)
        let today = self.today()
        let report = try fetch(node, store: store) { db in try YearReport.load(db, year: year, raad: raad, kerndomein: kerndomein, today: today) }
        try emitReport(node, argument: 1, text: report.text(style: style), html: report.html, markdown: report.markdown, csv: report.csv,
                       done: "Jaaroverzicht \(year)", emit: emit)
    }

    /// Shows a report, or with `naar "PAD"` writes it as .html, .md or .csv.
    private func emitReport(_ node: Node, argument index: Int, text: String, html: () -> String, markdown: () -> String, csv: () -> String,
                            done: String, emit: (String) -> Void) throws(Diagnostic) {
        guard node.arguments.count > index else { return emit(text) }
        guard node.arguments.count > index + 1, let path = node.arguments[index + 1].value.stringValue else {
            throw .error("na `naar` hoort een bestand", hint: "bijvoorbeeld `naar \"overzicht.html\"` (of .md, .csv)", at: node.arguments[index].span)
        }
        let span = node.arguments[index + 1].span
        let output: String
        switch (path as NSString).pathExtension.lowercased() {
        case "html": output = html()
        case "md": output = markdown()
        case "csv": output = csv()
        default:
            throw .error("onbekend soort bestand `\((path as NSString).pathExtension)`", hint: "kies een naam die eindigt op .html, .md of .csv", at: span)
        }
        try FileOutput.write(output, to: path, at: span)
        emit("\(done) geschreven naar \(path).\n")
    }
}
