import Foundation
import GRDB
import KompasDSL

extension Session {
    func adviezen(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        let store = try openAdviesStore(node)
        let action = node.arguments.first?.value.stringValue
        if node.name == "adviesraad", action == "lijst", !node.hasBlock {
            let raden = try fetch(node, store: store) { db in try Adviesraad.order(Column("id")).fetchAll(db) }
            emit(raden.isEmpty ? "Er zijn nog geen adviesraden. Leg er een vast met: adviesraad asd naam=\"…\" reactietermijn=6\n"
                 : raden.map { "  \($0.id)  \($0.naam)" + ($0.reactietermijn.map { " — reactietermijn \($0) weken" } ?? " — geen reactietermijn ingesteld") }
                    .joined(separator: "\n") + "\n")
            return
        }
        if node.name == "advies", let action, ["lijst", "toon", "nieuw"].contains(action), !node.hasBlock, node.properties.isEmpty {
            if let schema = AdviesCommands.subcommands.first(where: { $0.name == action }) { try check(node, against: schema) }
            if action == "nieuw" { return try guidedAdvies(node, store: store) }
            return try showAdviezen(node, action: action, store: store, emit: emit)
        }
        if node.name == "reactie", !node.hasBlock, node.properties.isEmpty, node.arguments.count == 1 {
            return try guidedReactie(node, store: store)
        }
        switch node.name {
        case "adviesraad":
            try check(node, against: AdviesCommands.adviesraad)
            var weeks: Int?
            if case .number(let n)? = CardBuilder.value(node, "reactietermijn") { weeks = Int(n) }
            let raad = Adviesraad(id: CardBuilder.argumentText(node, 0), naam: CardBuilder.text(node, "naam"),
                                  gemeente: CardBuilder.text(node, "gemeente"), reactietermijn: weeks)
            try run(node, store: store) { db in try raad.save(db) }
            emit("Adviesraad \(raad.id) opgeslagen" + (weeks == nil ? "; let op: zonder reactietermijn kan Raadskompas niet zien of een reactie te laat is.\n" : ".\n"))
        case "advies":
            try check(node, against: AdviesCommands.advies)
            func date(_ name: String) -> String? {
                if case .date(let d)? = CardBuilder.value(node, name) { return d.description }
                return nil
            }
            var wetten: [String] = []
            if case .list(let items)? = CardBuilder.value(node, "wetten") { wetten = items.compactMap(\.stringValue) }
            let advies = Advies(id: CardBuilder.argumentText(node, 0), raad: CardBuilder.text(node, "raad"), soort: CardBuilder.text(node, "soort"),
                                onderwerp: CardBuilder.text(node, "onderwerp"), thema: CardBuilder.text(node, "thema"), wetten: wetten.joined(separator: ","),
                                aangevraagd: date("aangevraagd"), uitgebracht: date("uitgebracht"), reactieOntvangen: nil,
                                bijRaadsstukken: date("bij_raadsstukken"), voorstel: CardBuilder.value(node, "voorstel")?.stringValue)
            let recommendations = node.children.filter { $0.name == "aanbeveling" }.map {
                Aanbeveling(adviesId: advies.id, nummer: CardBuilder.argumentInt($0, 0), tekst: CardBuilder.argumentText($0, 1), reactie: nil, motivering: "")
            }
            let raadSpan = node.property("raad")?.valueSpan ?? node.nameSpan
            let known = try fetch(node, store: store) { db in try Adviesraad.order(Column("id")).fetchAll(db).map(\.id) }
            guard known.contains(advies.raad) else {
                throw .error("onbekende adviesraad `\(advies.raad)`",
                             hint: Suggestion.hint(for: advies.raad, in: known) ?? "leg de adviesraad eerst vast: adviesraad \(advies.raad) naam=\"…\" reactietermijn=…", at: raadSpan)
            }
            try run(node, store: store) { db in
                // Re-declaring an advies keeps the college's reacties and the date they came.
                let previous = try Advies.fetchOne(db, key: advies.id)
                var record = advies
                record.reactieOntvangen = previous?.reactieOntvangen
                let reacties = try Aanbeveling.filter(Column("adviesId") == advies.id).fetchAll(db)
                try record.save(db)
                try Aanbeveling.filter(Column("adviesId") == advies.id).deleteAll(db)
                for var recommendation in recommendations {
                    if let old = reacties.first(where: { $0.nummer == recommendation.nummer }) {
                        recommendation.reactie = old.reactie
                        recommendation.motivering = old.motivering
                    }
                    try recommendation.insert(db)
                }
            }
            emit("Advies \(advies.id) opgeslagen met \(recommendations.count) \(recommendations.count == 1 ? "aanbeveling" : "aanbevelingen").\n")
        case "reactie":
            try check(node, against: AdviesCommands.reactie)
            let id = CardBuilder.argumentText(node, 0)
            guard case .date(let date)? = CardBuilder.value(node, "datum") else { return }
            let existing = try fetch(node, store: store) { db in try Aanbeveling.filter(Column("adviesId") == id).fetchAll(db) }
            let adviesExists = try fetch(node, store: store) { db in try Advies.fetchOne(db, key: id) != nil }
            guard adviesExists else {
                let ids = try fetch(node, store: store) { db in try Advies.fetchAll(db).map(\.id) }
                throw .error("geen advies met id `\(id)`", hint: Suggestion.hint(for: id, in: ids) ?? "leg het advies eerst vast met `advies \(id) …`",
                             at: node.arguments[0].span)
            }
            var updates: [Aanbeveling] = []
            for child in node.children where child.name == "aanbeveling" {
                let number = CardBuilder.argumentInt(child, 0)
                guard var recommendation = existing.first(where: { $0.nummer == number }) else {
                    throw .error("advies \(id) heeft geen aanbeveling \(number)",
                                 hint: existing.isEmpty ? "het advies heeft nog geen aanbevelingen" : "aanbevelingen: " + existing.map { String($0.nummer) }.joined(separator: ", "),
                                 at: child.arguments[0].span)
                }
                recommendation.reactie = CardBuilder.argumentText(child, 1)
                recommendation.motivering = child.arguments.count > 2 ? CardBuilder.argumentText(child, 2) : ""
                updates.append(recommendation)
            }
            try run(node, store: store) { db in
                for recommendation in updates { try recommendation.update(db) }
                try db.execute(sql: "UPDATE advies SET reactieOntvangen = ? WHERE id = ?", arguments: [date.description, id])
            }
            emit("Reactie op advies \(id) opgeslagen (\(updates.count) \(updates.count == 1 ? "aanbeveling" : "aanbevelingen")).\n")
        default:
            break
        }
    }

    /// `importeer metingen "PAD" …`.
    func measurements(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        let store = try openAdviesStore(node)
        let indicators = try catalog(at: node).ids
        try check(node, against: AdviesCommands.importeer)
        let path = CardBuilder.argumentText(node, 1)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .error("bestand `\(path)` bestaat niet", hint: "controleer de naam en de map", at: node.arguments[1].span)
        }
        if let fixed = CardBuilder.value(node, "indicator")?.stringValue, !indicators.contains(fixed) {
            throw .error("onbekende indicator `\(fixed)`", hint: Suggestion.hint(for: fixed, in: indicators) ?? "typ `indicator lijst`",
                         at: node.property("indicator")?.valueSpan ?? node.nameSpan)
        }
        do {
            let (read, changed) = try MeasurementImport.run(path: path, indicator: CardBuilder.value(node, "indicator")?.stringValue,
                                                             column: CardBuilder.value(node, "kolom")?.stringValue, knownIndicators: indicators, store: store,
                                                             progress: progress.map { show in { read in show("\(read.grouped) metingen gelezen …") } })
            emit("\(read.grouped) \(read == 1 ? "meting" : "metingen") gelezen uit \(path); \(changed.grouped) nieuw of gewijzigd.\n")
        } catch {
            let where_ = error.line.map { "regel \($0) van `\(path)`: " } ?? ""
            throw .error(where_ + error.message + (error.line == nil ? "" : "; er is niets opgeslagen"), hint: error.hint, at: node.arguments[1].span)
        }
    }

    /// ▁▂▃▄▅▆▇█ scaled from the lowest to the highest known value; a space for an unknown one.
    static func sparkline(_ values: [Double?]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard high > low else { return bars[3] }
            return bars[min(bars.count - 1, Int((value - low) / (high - low) * Double(bars.count - 1) + 0.5))]
        })
    }

    private func showAdviezen(_ node: Node, action: String, store: Store, emit: (String) -> Void) throws(Diagnostic) {
        let today = self.today()
        let raden = Dictionary(uniqueKeysWithValues: try fetch(node, store: store) { db in try Adviesraad.fetchAll(db) }.map { ($0.id, $0) })
        if action == "lijst" {
            let adviezen = try fetch(node, store: store) { db in try Advies.order(Column("uitgebracht").desc, Column("id")).fetchAll(db) }
            guard !adviezen.isEmpty else {
                emit("Er zijn nog geen adviezen.\n")
                return
            }
            var out = [style.bold("Adviezen") + style.dim(" (\(adviezen.count))")]
            for advies in adviezen {
                let status = Termijn.status(advies, weeks: raden[advies.raad]?.reactietermijn, today: today)
                out += TextLayout.wrap("\(advies.onderwerp) " + style.dim("(\(advies.soort), \(advies.raad))"), width: style.width,
                                       first: "  " + style.accent(advies.id) + "  ", rest: "    ")
                out.append("    " + (isLate(status) ? style.bold(Termijn.describe(status)) : style.dim(Termijn.describe(status))))
            }
            let voorstellen = try fetch(node, store: store) { db in try Voorstel.order(Column("datum"), Column("id")).fetchAll(db) }
            let unadvised = try withoutAdvies(voorstellen, at: node)
            if !unadvised.isEmpty {
                out += ["", style.bold("⚑ Raadsvoorstellen in het kerndomein zonder advies")]
                for voorstel in voorstellen where unadvised.contains(voorstel.id) {
                    out += TextLayout.wrap(voorstel.titel + style.dim(voorstel.datum.map { " (\($0))" } ?? ""), width: style.width, first: "  \(voorstel.id)  ", rest: "    ")
                }
            }
            emit(out.joined(separator: "\n") + "\n")
            return
        }
        let id = node.arguments.count > 1 ? node.arguments[1].value.stringValue ?? "" : ""
        let found = try fetch(node, store: store) { db in try Advies.fetchOne(db, key: id) }
        guard let advies = found else {
            let ids = try fetch(node, store: store) { db in try Advies.fetchAll(db).map(\.id) }
            throw .error("geen advies met id `\(id)`", hint: Suggestion.hint(for: id, in: ids) ?? "typ `advies lijst`",
                         at: node.arguments.count > 1 ? node.arguments[1].span : node.nameSpan)
        }
        let recommendations = try fetch(node, store: store) { db in try Aanbeveling.filter(Column("adviesId") == id).order(Column("nummer")).fetchAll(db) }
        let links = try fetch(node, store: store) { db in try AanbevelingIndicator.filter(Column("adviesId") == id).order(Column("nummer"), Column("indicator")).fetchAll(db) }
        let catalog = links.isEmpty ? nil : try catalog(at: node)
        var out = [style.heading(advies.onderwerp) + "  " + style.dim("[\(advies.id)]")]
        out.append(style.dim("\(advies.soort) advies van \(raden[advies.raad]?.naam ?? advies.raad)" + (advies.voorstel.map { " · bij voorstel \($0)" } ?? "")))
        for (label, value) in [("aangevraagd", advies.aangevraagd), ("uitgebracht", advies.uitgebracht),
                               ("reactie ontvangen", advies.reactieOntvangen), ("bij de raadsstukken", advies.bijRaadsstukken)] {
            if let value, let date = Termijn.parse(value) { out.append("  \(label): \(date.dutch)") }
        }
        out.append("  " + Termijn.describe(Termijn.status(advies, weeks: raden[advies.raad]?.reactietermijn, today: today)))
        out.append("")
        for recommendation in recommendations {
            out += TextLayout.wrap(recommendation.tekst, width: style.width, first: "  \(recommendation.nummer). ", rest: "     ")
            let reactie = recommendation.reactie.map { $0 == "niet" ? "niet overgenomen" : $0 } ?? "nog geen reactie"
            out += TextLayout.wrap(reactie + (recommendation.motivering.isEmpty ? "" : ": \(recommendation.motivering)"), width: style.width,
                                   first: "     → ", rest: "       ").map(style.dim)
            for link in links where link.nummer == recommendation.nummer {
                guard let entry = catalog?.entry(link.indicator) else { continue }
                out.append("     " + style.accent("◆ \(entry.naam)") + style.dim(" — verwacht \(link.richting)" + (link.horizon.map { " in \($0)" } ?? "")))
                let report = try fetch(node, store: store) { db in try IndicatorReport.load(db, indicator: entry, gebied: nil) }
                let effect = report.effect(IndicatorReport.Link(advies: advies, aanbeveling: recommendation, koppeling: link))
                for line in effect { out += TextLayout.wrap(line, width: style.width, first: "       ", rest: "         ") }
            }
        }
        if !recommendations.isEmpty {
            let adopted = recommendations.filter { $0.reactie == "overgenomen" }.count
            out.append("")
            out.append("\(adopted) van \(recommendations.count) aanbevelingen overgenomen, \(recommendations.filter { $0.reactie == "deels" }.count) deels.")
        }
        emit(out.joined(separator: "\n") + "\n")
    }

    private func guided(_ node: Node, store: Store, what: String, script: String) throws(Diagnostic) -> GuidedAdvies {
        guard let conversation else {
            throw .error("`\(what)` werkt in de shell, waar Raadskompas vragen kan stellen", hint: "in een script schrijf je \(script)", at: node.nameSpan)
        }
        return GuidedAdvies(style: style, conversation: conversation, today: today()) { body throws(Diagnostic) in
            try self.run(node, store: store) { db in try body(db) }
        }
    }

    private func guidedAdvies(_ node: Node, store: Store) throws(Diagnostic) {
        let raden = try fetch(node, store: store) { db in try Adviesraad.order(Column("id")).fetchAll(db) }
        guard !raden.isEmpty else {
            throw .error("er is nog geen adviesraad", hint: "leg die eerst vast: adviesraad asd naam=\"Adviesraad Sociaal Domein\" reactietermijn=6", at: node.nameSpan)
        }
        let flow = try guided(node, store: store, what: "advies nieuw", script: "`advies ID raad=… soort=… onderwerp=\"…\" { aanbeveling 1 \"…\" }`")
        let existing = Set(try fetch(node, store: store) { db in try String.fetchAll(db, sql: "SELECT id FROM advies") })
        try flow.newAdvies(raden: raden, existing: existing, laws: ContentSchemas.staalkaartIds)
    }

    private func guidedReactie(_ node: Node, store: Store) throws(Diagnostic) {
        let id = CardBuilder.argumentText(node, 0)
        guard let advies = try fetch(node, store: store, { db in try Advies.fetchOne(db, key: id) }) else {
            let ids = try fetch(node, store: store) { db in try Advies.fetchAll(db).map(\.id) }
            throw .error("geen advies met id `\(id)`", hint: Suggestion.hint(for: id, in: ids) ?? "typ `advies lijst`", at: node.arguments[0].span)
        }
        let aanbevelingen = try fetch(node, store: store) { db in try Aanbeveling.filter(Column("adviesId") == id).order(Column("nummer")).fetchAll(db) }
        guard !aanbevelingen.isEmpty else {
            throw .error("advies \(id) heeft nog geen aanbevelingen", hint: "voeg ze toe met `advies \(id) … { aanbeveling 1 \"…\" }`", at: node.arguments[0].span)
        }
        let flow = try guided(node, store: store, what: "reactie", script: "`reactie \(id) datum=2026-03-01 { aanbeveling 1 overgenomen \"…\" }`")
        try flow.reactie(advies, aanbevelingen: aanbevelingen)
    }

    func isLate(_ status: Termijn.Status) -> Bool {
        switch status {
        case .teLaat, .laatBeantwoord: true
        default: false
        }
    }

    func openAdviesStore(_ node: Node) throws(Diagnostic) -> Store {
        do {
            return try openStore()
        } catch {
            throw .error(error.message, hint: error.hint, at: node.nameSpan)
        }
    }

    /// Reads without a write transaction, so listing works on a write-protected database too.
    func fetch<T>(_ node: Node, store: Store, _ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do {
            return try store.read(body)
        } catch let error as StoreError {
            throw .error(error.message, hint: error.hint, at: node.nameSpan)
        } catch {
            throw .error("fout in de database: \(error)", hint: "probeer het opnieuw", at: node.nameSpan)
        }
    }

    /// Runs a database step; a failure becomes a diagnostic at the statement.
    @discardableResult
    func run<T>(_ node: Node, store: Store, _ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do {
            return try store.write(body)
        } catch let error as StoreError {
            throw .error(error.message, hint: error.hint, at: node.nameSpan)
        } catch {
            throw .error("fout in de database: \(error)", hint: "probeer het opnieuw", at: node.nameSpan)
        }
    }
}

extension Int {
    /// `1234567` as `1.234.567`, as Dutch groups thousands.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
