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
        let content = WerkbladSchemas.content(of: node)
        if content.werkblad.naam.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .error("een werkblad heeft een naam nodig", hint: "schrijf `werkblad \"Visie\" { … }`", at: node.arguments[0].span)
        }
        let store = try context.werkbladen(node)
        let saved = try context.attempt(node) { try store.replace(with: content) }
        return "Werkblad ‘\(saved.naam)’ opgeslagen: \(content.items.count) \(content.items.count == 1 ? "antwoord" : "antwoorden"), "
            + "\(content.koppelingen.count) \(content.koppelingen.count == 1 ? "koppeling" : "koppelingen").\n"
    }
}
