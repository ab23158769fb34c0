import KompasDSL

extension Command {
    /// `werkblad "NAAM" … { … }`: makes the werkblad exactly what the block says.
    static let werkbladDeclaratie = Command(
        "werkblad", task: .kennisEnVisie, schema: WerkbladSchemas.werkblad,
        // The declarative form starts with the name (a text); the others with an action word.
        accepts: { node in
            if case .text? = node.arguments.first?.value { return true }
            return false
        }
    ) { node, context throws(Diagnostic) in
        // Indicators: the catalogue of Content/ plus the user's own (read only when one is named).
        let named = node.children.filter { $0.name == "stap" }.flatMap(\.children).flatMap(\.children)
            .compactMap { entry in entry.property("indicator").map { (entry, $0) } }
        if !named.isEmpty {
            let catalog = try context.catalog(node)
            for (entry, property) in named {
                guard let id = entry.optionalText("indicator"), catalog.entry(id) == nil else { continue }
                throw .error("onbekende indicator `\(id)`",
                             hint: Suggestion.hint(for: id, in: catalog.ids) ?? "typ `indicator lijst` voor de indicatoren", at: property.valueSpan)
            }
        }
        var content = WerkbladSchemas.content(of: node)
        if content.werkblad.naam.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .error("een werkblad heeft een naam nodig", hint: "schrijf `werkblad \"Visie\" { … }`", at: node.arguments[0].span)
        }
        let store = try context.werkbladen(node)
        if let als = node.optionalText("als") { content.werkblad.naam = als }
        let name = content.werkblad.naam
        guard let existing = (try? store.find(name)).flatMap({ Names.key($0.naam).lowercased() == Names.key(name).lowercased() ? $0 : nil }) else {
            let saved = try context.attempt(node) { try store.replace(with: content) }
            return "Werkblad ‘\(saved.naam)’ opgeslagen: \(count(content.items.count, "antwoord", "antwoorden")), \(count(content.koppelingen.count, "koppeling", "koppelingen")).\n"
        }
        if node.optionalText("als") != nil {
            throw .error("er is al een werkblad ‘\(existing.naam)’", hint: "kies bij `als=` een naam die nog vrij is", at: node.span(of: "als"))
        }
        let before = try context.attempt(node) { try store.content(of: existing) }
        let otherOwner = !content.werkblad.eigenaar.isEmpty && content.werkblad.eigenaar.lowercased() != existing.eigenaar.lowercased()
        var choice: Character = node.flag("vervang") ? "v" : node.flag("samenvoegen") ? "s" : "-"
        if choice == "-", node.flag("export") || otherOwner {
            let whose = existing.eigenaar.isEmpty ? "" : " (van \(existing.eigenaar))"
            guard let conversation = context.conversation else {
                throw .error("er is al een werkblad ‘\(existing.naam)’\(whose); dit bestand zou het \(node.flag("export") ? "vervangen" : "overschrijven")",
                             hint: "zet `vervang=ja` (vervangen), `samenvoegen=ja` (wat ontbreekt erbij) of `als=\"\(existing.naam) (\(content.werkblad.eigenaar.isEmpty ? "kopie" : content.werkblad.eigenaar))\"` (naast elkaar)",
                             at: node.arguments[0].span)
            }
            conversation.say("Er is al een werkblad ‘\(existing.naam)’\(whose) met \(count(before.items.count, "antwoord", "antwoorden")).\n")
            while choice == "-" {
                guard let answer = conversation.ask("vervangen (v), beide houden (b), samenvoegen (s) of niets doen (n)> ") else { return "Niets veranderd.\n" }
                switch answer.trimmingCharacters(in: .whitespaces).lowercased().first {
                case "v": choice = "v"
                case "b": choice = "b"
                case "s": choice = "s"
                case "n": return "Niets veranderd.\n"
                default: conversation.say("Typ v, b, s of n.\n")
                }
            }
        }
        switch choice {
        case "s":
            let added = try context.attempt(node) { try store.merge(content) }
            return "Werkblad ‘\(existing.naam)’ samengevoegd: \(count(added.items, "antwoord", "antwoorden")) en \(count(added.koppelingen, "koppeling", "koppelingen")) erbij; wat er stond, bleef staan.\n"
        case "b":
            var free = "\(existing.naam) (\(content.werkblad.eigenaar.isEmpty ? "kopie" : content.werkblad.eigenaar))"
            var n = 2
            while (try? store.find(free)).map({ Names.key($0.naam).lowercased() == Names.key(free).lowercased() }) == true {
                free = "\(existing.naam) (\(n))"
                n += 1
            }
            content.werkblad.naam = free
            let saved = try context.attempt(node) { try store.replace(with: content) }
            return "Werkblad opgeslagen als ‘\(saved.naam)’, naast ‘\(existing.naam)’.\n"
        default:
            let saved = try context.attempt(node) { try store.replace(with: content) }
            return "Werkblad ‘\(saved.naam)’ vervangen: nu \(count(content.items.count, "antwoord", "antwoorden")) en \(count(content.koppelingen.count, "koppeling", "koppelingen"))"
                + " (was \(before.items.count) en \(before.koppelingen.count)). `ongedaan` zet het vorige terug.\n"
        }
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}
