import KompasDSL

/// `werkblad wijzig|verplaats|schrap "NAAM" stap.kant.nummer …`: one answer at a time.
extension Command {
    static let visieAdres = Slot("adres", .word, help: "stap.kant.nummer, bijvoorbeeld waarden.zelf.2", completes: .visieAdres)

    static let werkbladWijzig = Command(
        "werkblad", action: "wijzig", task: .kennisEnVisie,
        schema: NodeSchema("wijzig", summary: "Geeft een antwoord een nieuwe tekst (het adres is stap.kant.nummer, bijvoorbeeld waarden.zelf.2), of het werkblad een andere eigenaar, gemeente of soort.",
                           arguments: [.action("wijzig"), werkbladNaam,
                                       .optional("adres", .word, help: "stap.kant.nummer, bijvoorbeeld waarden.zelf.2", completes: .visieAdres),
                                       .optional("tekst", .text, help: "de nieuwe tekst")],
                           fields: werkbladMetadata)
    ) { node, context throws(Diagnostic) in
        let metadata = werkbladMetadata.map(\.name).filter { node.optionalText($0) != nil }
        guard node.arguments.count > 2 else {
            guard !metadata.isEmpty else {
                throw .error("zeg wat er verandert", hint: "een antwoord: werkblad wijzig \"naam\" waarden.zelf.1 \"nieuwe tekst\"; of het werkblad: werkblad wijzig \"naam\" eigenaar=\"…\" (ook gemeente= en soort=)",
                             at: node.nameSpan)
            }
            return try changeMetadata(node, context, fields: metadata)
        }
        guard metadata.isEmpty else {
            throw .error("wijzig een antwoord of het werkblad, niet allebei tegelijk", hint: "geef twee opdrachten: één met het adres en de tekst, één met \(metadata.map { "\($0)=" }.joined(separator: " "))",
                         at: node.property(metadata[0])?.keySpan ?? node.nameSpan)
        }
        guard node.arguments.count > 3 else {
            throw .error("de nieuwe tekst ontbreekt", hint: "schrijf: werkblad wijzig \(Value.quote(node.text(1))) \(node.text(2)) \"nieuwe tekst\"", at: node.arguments[2].span)
        }
        let (store, item) = try answer(node, context)
        var changed = item
        // An empty text was refused by the schema (`tekst` is leeg).
        changed.tekst = node.text(3).trimmingCharacters(in: .whitespacesAndNewlines)
        let update = changed
        guard update.tekst != item.tekst else {
            return "Antwoord \(item.stap.rawValue).\(item.kant.rawValue).\(item.volgorde) had deze tekst al; niets veranderd.\n"
        }
        try context.attempt(node) { try store.updateItem(update) }
        func short(_ text: String) -> String { text.count > 50 ? String(text.prefix(49)) + "…" : text }
        return "Antwoord \(item.stap.rawValue).\(item.kant.rawValue).\(item.volgorde) gewijzigd: ‘\(short(item.tekst))’ → ‘\(short(update.tekst))’.\n"
    }

    /// `werkblad wijzig "naam" eigenaar=… gemeente=… soort=…`: the werkblad's own fields. The reply
    /// says what changed and what was already so.
    private static func changeMetadata(_ node: Node, _ context: CommandContext, fields: [String]) throws(Diagnostic) -> String {
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        var changed = werkblad
        var lines: [String] = []
        for field in fields {
            let value = node.optionalText(field)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let before: String
            switch field {
            case "eigenaar": before = changed.eigenaar; changed.eigenaar = value
            case "gemeente": before = changed.gemeente; changed.gemeente = value
            default: before = changed.soort.rawValue; changed.soort = Werkblad.Soort(rawValue: value) ?? changed.soort
            }
            let shown = { (text: String) in text.isEmpty ? "leeg" : "‘\(text)’" }
            lines.append(before == value ? "\(field) was al \(shown(value))" : "\(field): \(shown(before)) → \(shown(value))")
        }
        if changed != werkblad {
            let update = changed
            try context.attempt(node) { try store.updateMetadata(update) }
        }
        return "Werkblad ‘\(werkblad.naam)’: " + lines.joined(separator: "; ") + ".\n"
    }

    static let werkbladVerplaats = Command(
        "werkblad", action: "verplaats", task: .kennisEnVisie,
        schema: NodeSchema("verplaats", summary: "Zet een antwoord op een andere plek in de volgorde: werkblad verplaats \"naam\" waarden.zelf.3 naar 1.",
                           arguments: [.action("verplaats"), werkbladNaam, visieAdres, Slot("naar", .choice(["naar"]), help: "het woord `naar`"),
                                       Slot("plek", .wholeNumber, help: "de nieuwe plek, 1 is bovenaan", range: 1...10_000)])
    ) { node, context throws(Diagnostic) in
        let (store, item) = try answer(node, context)
        let position = node.int(4)
        guard position >= 1 else {
            throw .error("plek \(position) bestaat niet", hint: "1 is bovenaan", at: node.arguments[4].span)
        }
        try context.attempt(node) { try store.move(item, to: position) }
        return "Antwoord ‘\(item.tekst)’ staat nu op plek \(position) van \(item.stap.rawValue).\(item.kant.rawValue).\n"
    }

    static let werkbladSchrap = Command(
        "werkblad", action: "schrap", task: .kennisEnVisie,
        schema: NodeSchema("schrap", summary: "Haalt een antwoord weg; de rest schuift op.", arguments: [.action("schrap"), werkbladNaam, visieAdres])
    ) { node, context throws(Diagnostic) in
        let (store, item) = try answer(node, context)
        try context.attempt(node) { try store.remove(item) }
        return "Antwoord ‘\(item.tekst)’ weggehaald.\n"
    }

    /// The werkblad of argument 1 and its answer at `stap.kant.nummer` (argument 2).
    private static func answer(_ node: Node, _ context: CommandContext) throws(Diagnostic) -> (WerkbladStore, WerkbladItem) {
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let span = node.arguments[2].span
        let address = node.text(2)
        guard let (stap, kant, number) = WerkbladItem.address(address) else {
            throw .error("`\(address)` is geen adres van een antwoord",
                         hint: "schrijf stap.kant.nummer, bijvoorbeeld waarden.zelf.2 (stappen: waarden, principes, resultaten, kwaliteitseisen)", at: span)
        }
        let items = try context.attempt(node) { try store.content(of: werkblad) }.items(stap, kant)
        guard number >= 1, number <= items.count else {
            throw .error("\(stap.rawValue).\(kant.rawValue) heeft geen antwoord \(number)",
                         hint: items.isEmpty ? "daar staat nog niets" : "kies 1 tot en met \(items.count); bekijk ze met `werkblad toon \(Value.quote(werkblad.naam))`", at: span)
        }
        return (store, items[number - 1])
    }
}

extension WerkbladItem {
    /// `waarden.zelf.2` as its step, side and number; nil when it is not such an address.
    static func address(_ text: String) -> (VisieStap, Kant, Int)? {
        let parts = text.split(separator: ".").map(String.init)
        guard parts.count == 3, let stap = VisieStap(rawValue: parts[0]), let kant = Kant(rawValue: parts[1]), let number = Int(parts[2]) else { return nil }
        return (stap, kant, number)
    }
}
