import KompasDSL

extension Command {
    /// `toon ID[.deel]`.
    static let toon = Command(
        "toon", task: .kennisEnVisie,
        schema: NodeSchema("toon", summary: "Toont een kaart, of één onderdeel ervan (kaart.sectie).",
                           arguments: [Slot("kaart", .word, help: "id van een kaart, bijvoorbeeld `wmo` of `wmo.doelen`", completes: .kaarten)])
    ) { node, context throws(Diagnostic) in
        let argument = node.arguments[0]
        guard let address = argument.value.stringValue else {
            throw .error("`toon` verwacht de id van een kaart", hint: "bijvoorbeeld `toon wmo`", at: argument.span)
        }
        if let text = context.showCard(address) { return text }
        let library = context.library
        if let dot = address.firstIndex(of: "."), let card = library.card(String(address[..<dot])) {
            let partName = String(address[address.index(after: dot)...])
            throw .error("kaart `\(card.id)` heeft geen onderdeel `\(partName)`",
                         hint: Suggestion.hint(for: partName, in: card.parts.map(\.id)) ?? "onderdelen: " + card.parts.prefix(10).map(\.id).joined(separator: ", "),
                         at: argument.span)
        }
        let id = address.split(separator: ".").first.map(String.init) ?? address
        throw .error("geen kaart met id `\(id)`",
                     hint: Suggestion.hint(for: id, in: library.ids) ?? "typ `lijst alles` voor alle kaarten",
                     at: argument.span)
    }

    /// `volg N`: the numbered reference or hit of the last `toon` or `zoek`.
    static let volg = Command(
        "volg", task: .kennisEnVisie,
        schema: NodeSchema("volg", summary: "Opent verwijzing of treffer nummer N uit wat `toon` of `zoek` het laatst liet zien.",
                           arguments: [Slot("nummer", .wholeNumber, help: "het nummer tussen [ ] in de vorige uitvoer")])
    ) { node, context throws(Diagnostic) in
        let argument = node.arguments[0]
        let targets = context.numberedTargets
        guard case .number(let n) = argument.value, n >= 1, n == n.rounded(), n <= Double(targets.count) else {
            let hint = targets.isEmpty
                ? "laat eerst een kaart zien met `toon` of zoek met `zoek`; daarna hebben verwijzingen een nummer"
                : "kies een nummer van 1 tot en met \(targets.count)"
            throw .error("er is geen verwijzing met nummer \(argument.value.displayText)", hint: hint, at: argument.span)
        }
        let address = targets[Int(n) - 1]
        guard let text = context.showCard(address) else {
            throw .error("de verwijzing naar `\(address)` bestaat niet meer", hint: "typ `lijst alles`", at: argument.span)
        }
        return text
    }
}

extension CommandContext {
    /// Renders a card or part and remembers its references for `volg`; nil for an unknown address.
    func showCard(_ address: String) -> String? {
        guard let (card, part) = library.resolve(address) else { return nil }
        let renderer = CardTextRenderer(style: style, library: library)
        let rendered = part.map { renderer.render($0, of: card) } ?? renderer.render(card)
        numberedTargets = rendered.references
        guard !rendered.references.isEmpty else { return rendered.text }
        return rendered.text + TextLayout.wrap("Typ `volg N` om verwijzing [N] te openen.", width: style.width).map(style.dim).joined(separator: "\n") + "\n"
    }
}
