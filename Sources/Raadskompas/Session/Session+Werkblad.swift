import Foundation
import KompasDSL

extension Session {
    /// `werkblad …` in all its forms.
    func werkblad(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        // The declarative form starts with the name (a text); the others with an action word.
        if let first = node.arguments.first, case .text = first.value {
            return try declare(node, emit: emit)
        }
        guard let action = node.arguments.first?.value.stringValue,
              let schema = WerkbladCommands.subcommands.first(where: { $0.name == action }) else {
            let actions = WerkbladCommands.subcommands.map(\.name)
            let given = node.arguments.first?.value.displayText ?? ""
            throw .error(given.isEmpty ? "`werkblad` zonder actie" : "onbekende actie `\(given)` bij `werkblad`",
                         hint: Suggestion.hint(for: given, in: actions) ?? "kies uit: " + actions.joined(separator: ", ") + ", of geef een naam tussen aanhalingstekens",
                         at: node.arguments.first?.span ?? node.nameSpan)
        }
        try validate(node, against: schema)
        let store = try werkbladStore(at: node)
        switch action {
        case "nieuw":
            let werkblad = Werkblad(naam: text(node, 1), eigenaar: CardBuilder.text(node, "eigenaar"),
                                    soort: Werkblad.Soort(rawValue: CardBuilder.value(node, "soort")?.stringValue ?? "") ?? .raadslid,
                                    gemeente: CardBuilder.text(node, "gemeente"))
            let created = try attempt(node) { () throws(WerkbladStore.Failure) in try store.create(werkblad) }
            emit("Werkblad ‘\(created.naam)’ gemaakt. Bekijk het met: werkblad toon \(Value.quote(created.naam))\n")
        case "lijst":
            emit(listWerkbladen(try attempt(node) { () throws(WerkbladStore.Failure) in try store.all() }))
        case "toon":
            let werkblad = try find(store, node, argument: 1)
            let content = try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) }
            let warnings = WerkbladAnalysis.warnings(content)
            emit(WerkbladTextRenderer(style: style).render(content)
                 + warnings.map { style.accent("⚠ ") + $0 + "\n" }.joined())
        case "invullen":
            let werkblad = try find(store, node, argument: 1)
            guard let conversation else {
                throw .error("`werkblad invullen` werkt in de shell, waar Raadskompas vragen kan stellen",
                             hint: "start `raadskompas` in een terminal; in een script schrijf je `werkblad \(Value.quote(werkblad.naam)) { stap … }`",
                             at: node.nameSpan)
            }
            guard let template = library.cards(ofKind: "werkbladsjabloon").first else {
                throw .error("er is geen visie-werkblad in de inhoud", hint: "controleer de inhoud met `lijst sjablonen`", at: node.nameSpan)
            }
            let filling = GuidedFilling(store: store, template: template, library: library, style: style, conversation: conversation)
            _ = try attempt(node) { () throws(WerkbladStore.Failure) in try filling.run(werkblad) }
        case "koppel":
            let werkblad = try find(store, node, argument: 1)
            guard let conversation else {
                throw .error("`werkblad koppel` werkt in de shell, waar Raadskompas vragen kan stellen",
                             hint: "in een script schrijf je `koppeling { waarde \"…\"; principe \"…\"; resultaat \"…\" }` in het werkblad",
                             at: node.nameSpan)
            }
            let linking = GuidedLinking(store: store, template: library.cards(ofKind: "werkbladsjabloon").first, style: style, conversation: conversation)
            try attempt(node) { () throws(WerkbladStore.Failure) in try linking.run(werkblad) }
        case "voortgang":
            let werkblad = try find(store, node, argument: 1)
            let content = try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) }
            emit(try progress(content, at: node))
        case "wijzig", "verplaats", "schrap":
            let werkblad = try find(store, node, argument: 1)
            let item = try item(store, werkblad, node)
            switch action {
            case "wijzig":
                var changed = item
                // An empty text was refused by the schema (`tekst` is leeg).
                changed.tekst = text(node, 3).trimmingCharacters(in: .whitespacesAndNewlines)
                try attempt(node) { () throws(WerkbladStore.Failure) in try store.updateItem(changed) }
                emit("Antwoord \(address(item)) gewijzigd.\n")
            case "verplaats":
                guard case .number(let n) = node.arguments[4].value, n >= 1 else { return }
                try attempt(node) { () throws(WerkbladStore.Failure) in try store.move(item, to: Int(n)) }
                emit("Antwoord ‘\(item.tekst)’ staat nu op plek \(Int(n)) van \(item.stap.rawValue).\(item.kant.rawValue).\n")
            default:
                try attempt(node) { () throws(WerkbladStore.Failure) in try store.remove(item) }
                emit("Antwoord ‘\(item.tekst)’ weggehaald.\n")
            }
        case "vergelijk":
            var contents: [WerkbladInhoud] = []
            for index in 1..<node.arguments.count {
                let werkblad = try find(store, node, argument: index)
                contents.append(try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) })
            }
            guard contents.count >= 2 else {
                throw .error("vergelijken gaat met minstens twee werkbladen", hint: "werkblad vergelijk \"Anna\" \"Bram\"", at: node.nameSpan)
            }
            emit(comparison(contents))
        case "samenvoegen":
            let name = text(node, 1)
            var names: [String] = []
            if case .list(let list)? = CardBuilder.value(node, "uit") { names = list.compactMap(\.stringValue) }
            var contents: [WerkbladInhoud] = []
            for name in names {
                let werkblad = try attempt(node) { () throws(WerkbladStore.Failure) in try store.find(name) }
                contents.append(try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) })
            }
            var minimum = 2
            if case .number(let n)? = CardBuilder.value(node, "minimaal"), n >= 1, n < 1000 { minimum = Int(n) }
            let soort = Werkblad.Soort(rawValue: CardBuilder.value(node, "soort")?.stringValue ?? "raad") ?? .raad
            var merged = WerkbladInhoud(werkblad: Werkblad(naam: name, eigenaar: names.joined(separator: ", "), soort: soort,
                                                           gemeente: contents.first?.werkblad.gemeente ?? ""), items: [], koppelingen: [])
            for shared in WerkbladAnalysis.compare(contents) where shared.werkbladen.count >= minimum {
                let position = merged.items.filter { $0.stap == shared.stap }.count + 1
                merged.items.append(WerkbladItem(werkbladId: 0, stap: shared.stap, kant: .samen, volgorde: position, tekst: shared.tekst,
                                                 toelichting: "uit " + shared.werkbladen.joined(separator: ", ")))
            }
            if (try? store.find(name)) != nil {
                throw .error("er is al een werkblad ‘\(name)’", hint: "kies een andere naam voor het samengevoegde werkblad", at: node.arguments[1].span)
            }
            try attempt(node) { () throws(WerkbladStore.Failure) in try store.replace(with: merged) }
            emit("Werkblad ‘\(name)’ gemaakt met \(merged.items.count) gedeelde \(merged.items.count == 1 ? "antwoord" : "antwoorden") (in minstens \(minimum) werkbladen).\n")
        case "hernoem":
            let werkblad = try find(store, node, argument: 1)
            let newName = text(node, 2)
            try attempt(node) { () throws(WerkbladStore.Failure) in try store.rename(werkblad, to: newName) }
            emit("Werkblad ‘\(werkblad.naam)’ heet nu ‘\(newName.trimmingCharacters(in: .whitespaces))’.\n")
        case "verwijder":
            let werkblad = try find(store, node, argument: 1)
            guard try confirmDeletion(node, question: "Werkblad ‘\(werkblad.naam)’ met alles erin verwijderen?",
                                      script: "werkblad verwijder \(Value.quote(werkblad.naam)) zeker=ja", emit: emit) else { return }
            try attempt(node) { () throws(WerkbladStore.Failure) in try store.delete(werkblad) }
            emit("Werkblad ‘\(werkblad.naam)’ is verwijderd.\n")
        default:
            break
        }
    }

    /// `werkblad "NAAM" … { … }`: makes the werkblad exactly what the block says.
    private func declare(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        var validation = Validation()
        validation.validate(node, against: WerkbladSchemas.werkblad)
        // Indicators: the catalogue of Content/ plus the user's own (read only when one is named).
        let named = node.children.filter { $0.name == "stap" }.flatMap(\.children).flatMap(\.children)
            .compactMap { entry in entry.property("indicator").map { (entry, $0) } }
        if !named.isEmpty {
            let known = try catalog(at: node).ids
            for (entry, property) in named {
                guard let id = CardBuilder.value(entry, "indicator")?.stringValue, !known.contains(id) else { continue }
                validation.error("onbekende indicator `\(id)`",
                                 hint: Suggestion.hint(for: id, in: known) ?? "typ `indicator lijst` voor de indicatoren", at: property.valueSpan)
            }
        }
        if let first = validation.diagnostics.first(where: { $0.severity == .error }) { throw first }
        let content = WerkbladSchemas.content(of: node)
        if content.werkblad.naam.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .error("een werkblad heeft een naam nodig", hint: "schrijf `werkblad \"Visie\" { … }`", at: node.arguments[0].span)
        }
        let store = try werkbladStore(at: node)
        let saved = try attempt(node) { () throws(WerkbladStore.Failure) in try store.replace(with: content) }
        emit("Werkblad ‘\(saved.naam)’ opgeslagen: \(content.items.count) \(content.items.count == 1 ? "antwoord" : "antwoorden"), \(content.koppelingen.count) \(content.koppelingen.count == 1 ? "koppeling" : "koppelingen").\n")
    }

    /// `exporteer werkblad "NAAM" naar "PAD"`.
    func export(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        let template = library.cards(ofKind: "werkbladsjabloon").first
        if node.arguments.first?.value.stringValue == "invulschema" {
            try validate(node, against: WerkbladCommands.exportForm)
            let path = text(node, 2)
            let pathSpan = node.arguments[2].span
            let format = try exportFormat(path, allowed: [.html, .pdf], at: pathSpan)
            let html = WerkbladHTML.invulschema(guidance: WerkbladHTML.Guidance(template: template))
            if format == .pdf {
                try PDFRenderer.write(html: html, to: path, at: pathSpan)
            } else {
                try FileOutput.write(html, to: path, at: pathSpan)
            }
            emit("Invulschema geschreven naar \(path).\n")
            return
        }
        try validate(node, against: WerkbladCommands.export)
        let path = text(node, 3)
        let pathSpan = node.arguments[3].span
        let format = try exportFormat(path, allowed: WerkbladExport.Format.allCases, at: pathSpan)
        let store = try werkbladStore(at: node)
        let werkblad = try find(store, node, argument: 1)
        let content = try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) }
        let rendered = WerkbladExport.render(content, as: format, template: template)
        if format == .pdf {
            try PDFRenderer.write(html: rendered, to: path, at: pathSpan)
        } else {
            try FileOutput.write(rendered, to: path, at: pathSpan)
        }
        emit("Werkblad ‘\(werkblad.naam)’ geschreven naar \(path).\n")
    }

    private func exportFormat(_ path: String, allowed: [WerkbladExport.Format], at span: SourceSpan) throws(Diagnostic) -> WerkbladExport.Format {
        guard let format = WerkbladExport.Format(path: path), allowed.contains(format) else {
            throw .error("onbekend soort bestand `\((path as NSString).pathExtension)`",
                         hint: "kies een naam die eindigt op " + allowed.map { ".\($0.rawValue)" }.joined(separator: ", "), at: span)
        }
        return format
    }

    // MARK: - Helpers

    private func validate(_ node: Node, against schema: NodeSchema) throws(Diagnostic) {
        var validation = Validation()
        validation.validate(node, against: schema)
        if let first = validation.diagnostics.first(where: { $0.severity == .error }) { throw first }
    }

    private func text(_ node: Node, _ index: Int) -> String {
        index < node.arguments.count ? node.arguments[index].value.stringValue ?? "" : ""
    }

    func werkbladStore(at node: Node) throws(Diagnostic) -> WerkbladStore {
        do {
            return WerkbladStore(store: try openStore())
        } catch {
            throw .error(error.message, hint: error.hint, at: node.nameSpan)
        }
    }

    private func find(_ store: WerkbladStore, _ node: Node, argument index: Int) throws(Diagnostic) -> Werkblad {
        try attempt(node, argument: index) { () throws(WerkbladStore.Failure) in try store.find(text(node, index)) }
    }

    /// The item at `stap.kant.nummer` (argument 2).
    private func item(_ store: WerkbladStore, _ werkblad: Werkblad, _ node: Node) throws(Diagnostic) -> WerkbladItem {
        let span = node.arguments[2].span
        let parts = text(node, 2).split(separator: ".").map(String.init)
        guard parts.count == 3, let stap = VisieStap(rawValue: parts[0]), let kant = Kant(rawValue: parts[1]), let number = Int(parts[2]) else {
            throw .error("`\(text(node, 2))` is geen adres van een antwoord",
                         hint: "schrijf stap.kant.nummer, bijvoorbeeld waarden.zelf.2 (stappen: waarden, principes, resultaten, kwaliteitseisen)", at: span)
        }
        let items = try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) }.items(stap, kant)
        guard number >= 1, number <= items.count else {
            throw .error("\(stap.rawValue).\(kant.rawValue) heeft geen antwoord \(number)",
                         hint: items.isEmpty ? "daar staat nog niets" : "kies 1 tot en met \(items.count); bekijk ze met `werkblad toon \(Value.quote(werkblad.naam))`", at: span)
        }
        return items[number - 1]
    }

    /// `werkblad voortgang`: every resultaat with an indicator, from its first measurement toward its target.
    private func progress(_ content: WerkbladInhoud, at node: Node) throws(Diagnostic) -> String {
        let resultaten = Kant.allCases.flatMap { content.items(.resultaten, $0) }
        var out = [style.heading("Voortgang: \(content.werkblad.naam)")]
        guard !resultaten.isEmpty else {
            return out.joined() + "\nNog geen maatschappelijke resultaten. Vul ze in met `werkblad invullen \(Value.quote(content.werkblad.naam))`.\n"
        }
        let catalog = try catalog(at: node)
        let store = try openAdviesStore(node)
        for item in resultaten {
            out.append("")
            out += TextLayout.wrap(item.tekst, width: style.width, first: "\(item.kant.rawValue).\(item.volgorde)  ", rest: "      ")
            guard let id = item.indicator else {
                out.append(style.dim("      geen indicator; koppel er een met: koppel resultaat \(Value.quote(content.werkblad.naam)) \(item.kant.rawValue).\(item.volgorde) indicator=ID doel=…"))
                continue
            }
            guard let entry = catalog.entry(id) else {
                out.append(style.dim("      indicator `\(id)` bestaat niet (meer)"))
                continue
            }
            let report = try fetch(node, store: store) { db in try IndicatorReport.load(db, indicator: entry, gebied: item.gebied) }
            let target = IndicatorReport.Target(werkblad: content.werkblad.naam, item: item)
            let progress = report.progress(target)
            out.append("      \(entry.naam) " + style.dim("(\(entry.eenheid))"))
            out += TextLayout.wrap(IndicatorReport.describe(progress, target), width: style.width, first: "      ", rest: "      ")
            if let share = progress?.share {
                let filled = max(0, min(20, Int((share * 20).rounded())))
                out.append("      " + style.accent(String(repeating: "█", count: filled)) + style.dim(String(repeating: "░", count: 20 - filled)) + " \(Int((share * 100).rounded()))%")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `koppel resultaat "WERKBLAD" ADRES indicator=ID doel=… [jaar=…] [gebied=…]`.
    func koppelResultaat(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        try validate(node, against: MonitorCommands.koppelResultaat)
        let store = try werkbladStore(at: node)
        let werkblad = try find(store, node, argument: 1)
        var item = try resultaat(store, werkblad, node)
        let entry = try requireIndicator(CardBuilder.text(node, "indicator"), in: catalog(at: node), at: node.property("indicator")?.valueSpan ?? node.nameSpan)
        guard let doel = CardBuilder.value(node, "doel").flatMap(WerkbladSchemas.number) else {
            throw .error("het doel is geen getal", hint: "schrijf de streefwaarde in de eenheid van de indicator (\(entry.eenheid)), bijvoorbeeld doel=70% of doel=12,5",
                         at: node.property("doel")?.valueSpan ?? node.nameSpan)
        }
        item.indicator = entry.id
        item.doel = doel
        if case .number(let n)? = CardBuilder.value(node, "jaar") {
            guard (1900...2200).contains(Int(n)) else {
                throw .error("\(Int(n)) is geen jaar", hint: "bijvoorbeeld jaar=2030", at: node.property("jaar")?.valueSpan ?? node.nameSpan)
            }
            item.jaar = Int(n)
        }
        if let gebied = CardBuilder.value(node, "gebied")?.stringValue { item.gebied = gebied }
        let updated = item
        try attempt(node) { () throws(WerkbladStore.Failure) in try store.updateItem(updated) }
        emit("Resultaat \(item.kant.rawValue).\(item.volgorde) van ‘\(werkblad.naam)’ gekoppeld aan \(entry.id), doel \(Value.format(doel))"
             + (item.jaar.map { " in \($0)" } ?? "") + ". Volg het met `werkblad voortgang \(Value.quote(werkblad.naam))`.\n")
    }

    func ontkoppelResultaat(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        let store = try werkbladStore(at: node)
        let werkblad = try find(store, node, argument: 1)
        var item = try resultaat(store, werkblad, node)
        guard let indicator = item.indicator else {
            throw .error("dit resultaat is niet aan een indicator gekoppeld", hint: "bekijk het werkblad met `werkblad voortgang \(Value.quote(werkblad.naam))`", at: node.arguments[2].span)
        }
        item.indicator = nil
        item.doel = nil
        item.gebied = nil
        let updated = item
        try attempt(node) { () throws(WerkbladStore.Failure) in try store.updateItem(updated) }
        emit("Koppeling van resultaat \(item.kant.rawValue).\(item.volgorde) met \(indicator) weggehaald.\n")
    }

    /// The resultaat at `zelf.2`, `samen.1` or `resultaten.zelf.2` (argument 2).
    private func resultaat(_ store: WerkbladStore, _ werkblad: Werkblad, _ node: Node) throws(Diagnostic) -> WerkbladItem {
        let raw = node.arguments[2].value.displayText
        let parts = raw.split(separator: ".").map(String.init).drop { $0 == "resultaten" }
        guard parts.count == 2, let kant = Kant(rawValue: parts[parts.startIndex]), let number = Int(parts[parts.startIndex + 1]) else {
            throw .error("`\(raw)` is geen adres van een resultaat", hint: "schrijf zelf.1 of samen.2 (de resultaten van stap 3)", at: node.arguments[2].span)
        }
        let items = try attempt(node) { () throws(WerkbladStore.Failure) in try store.content(of: werkblad) }.items(.resultaten, kant)
        guard number >= 1, number <= items.count else {
            throw .error("‘\(werkblad.naam)’ heeft geen resultaat \(kant.rawValue).\(number)",
                         hint: items.isEmpty ? "bij \(kant.rawValue) staan nog geen resultaten" : "kies \(kant.rawValue).1 tot en met \(kant.rawValue).\(items.count)", at: node.arguments[2].span)
        }
        return items[number - 1]
    }

    private func address(_ item: WerkbladItem) -> String {
        "\(item.stap.rawValue).\(item.kant.rawValue).\(item.volgorde)"
    }

    /// Side by side: per step, every answer with the werkbladen that hold it, most shared first.
    private func comparison(_ contents: [WerkbladInhoud]) -> String {
        let shared = WerkbladAnalysis.compare(contents)
        var out = [style.bold("Vergelijking van \(contents.count) werkbladen: ") + contents.map(\.werkblad.naam).joined(separator: ", ")]
        for stap in VisieStap.allCases {
            let entries = shared.filter { $0.stap == stap }
            out.append("")
            out.append(style.bold("Stap \(stap.nummer): \(stap.titel)"))
            if entries.isEmpty { out.append(style.dim("  niemand schreef hier iets")) }
            for entry in entries {
                let count = "\(entry.werkbladen.count)/\(contents.count)"
                out += TextLayout.wrap("\(entry.tekst)  " + style.dim("(" + entry.werkbladen.joined(separator: ", ") + ")"), width: style.width,
                                       first: "  " + style.accent(count) + "  ", rest: String(repeating: " ", count: count.count + 4))
            }
        }
        out.append("")
        out += TextLayout.wrap("Maak een werkblad van de raad uit wat gedeeld wordt: werkblad samenvoegen \"Raad\" uit=[" +
                               contents.map { Value.quote($0.werkblad.naam) }.joined(separator: ", ") + "]", width: style.width).map(style.dim)
        return out.joined(separator: "\n") + "\n"
    }

    private func listWerkbladen(_ werkbladen: [Werkblad]) -> String {
        guard !werkbladen.isEmpty else {
            return "Er zijn nog geen werkbladen. Maak er een met: werkblad nieuw \"Visie sociaal domein\" eigenaar=\"je naam\"\n"
        }
        var out = [style.bold("Werkbladen") + style.dim(" (\(werkbladen.count))")]
        for werkblad in werkbladen {
            var details = [werkblad.soort == .raad ? "raad (samen)" : werkblad.soort.rawValue]
            if !werkblad.eigenaar.isEmpty { details.append(werkblad.eigenaar) }
            if !werkblad.gemeente.isEmpty { details.append(werkblad.gemeente) }
            out += TextLayout.wrap("\(werkblad.naam)  " + style.dim("(" + details.joined(separator: ", ") + ")"), width: style.width, first: "  ", rest: "    ")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
