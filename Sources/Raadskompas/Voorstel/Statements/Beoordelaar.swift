import KompasDSL

/// `beoordelaar lijst|hernoem|verwijder`: the people (or teams) who score voorstellen.
extension Command {
    static let beoordelaarNaam = Slot("naam", .text, help: "de beoordelaar; hoofdletters tellen niet")

    static let beoordelaarLijst = Command(
        "beoordelaar", action: "lijst", task: .raadsvoorstellen,
        schema: NodeSchema("lijst", summary: "Laat alle beoordelaars zien, met hoeveel scores ze gaven.", arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let all = try context.attempt(node) { try store.beoordelaars() }
        guard !all.isEmpty else { return "Er zijn nog geen beoordelingen. Begin met `beoordeel ID`.\n" }
        return all.map { "  \($0.naam)  " + context.style.dim("(\($0.scores) \($0.scores == 1 ? "score" : "scores"))") }.joined(separator: "\n") + "\n"
    }

    static let beoordelaarHernoem = Command(
        "beoordelaar", action: "hernoem", task: .raadsvoorstellen,
        schema: NodeSchema("hernoem", summary: "Geeft een beoordelaar een andere naam, bij alle voorstellen (of met voorstel=ID bij één).",
                           arguments: [.action("hernoem"), beoordelaarNaam, Slot("nieuwe naam", .text, help: "de nieuwe naam")],
                           fields: [.optional("voorstel", .word, help: "alleen bij dit voorstel", completes: .voorstellen)])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let (old, voorstel) = try existingBeoordelaar(node, context, store)
        let new = try context.attempt(node) { try store.beoordelaar(node.text(2)) }
        guard !new.isEmpty else { throw .error("de nieuwe naam is leeg", hint: "geef een naam, bijvoorbeeld \"Griffie\"", at: node.arguments[2].span) }
        let moved = try context.attempt(node) { try store.renameBeoordelaar(old, to: new, voorstel: voorstel) }
        return "\(moved) \(moved == 1 ? "score" : "scores") van ‘\(old)’ staan nu op naam van ‘\(new)’.\n"
    }

    static let beoordelaarVerwijder = Command(
        "beoordelaar", action: "verwijder", task: .raadsvoorstellen,
        schema: NodeSchema("verwijder", summary: "Haalt de scores van een beoordelaar weg, bij alle voorstellen (of met voorstel=ID bij één). `ongedaan` zet ze terug.",
                           arguments: [.action("verwijder"), beoordelaarNaam],
                           fields: [.optional("voorstel", .word, help: "alleen bij dit voorstel", completes: .voorstellen),
                                    .optional("zeker", .bool, help: "zeker=ja slaat de vraag over (nodig in scripts)")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let (name, voorstel) = try existingBeoordelaar(node, context, store)
        guard try context.confirmDeletion(node, question: "Alle scores van ‘\(name)’\(voorstel.map { " bij \($0)" } ?? "") weghalen?",
                                          script: "beoordelaar verwijder \(Value.quote(name)) zeker=ja") else { return "Niets verwijderd.\n" }
        let removed = try context.attempt(node) { try store.removeBeoordelaar(name, voorstel: voorstel) }
        return "\(removed) \(removed == 1 ? "score" : "scores") van ‘\(name)’ weggehaald. `ongedaan` zet ze terug.\n"
    }

    /// The beoordelaar named by argument 1 as stored, and the voorstel of `voorstel=`; unknown ones are errors.
    private static func existingBeoordelaar(_ node: Node, _ context: CommandContext, _ store: VoorstelStore) throws(Diagnostic) -> (String, String?) {
        let known = try context.attempt(node) { try store.beoordelaars().map(\.naam) }
        let given = node.text(1)
        guard let name = known.first(where: { Names.key($0).lowercased() == Names.key(given.trimmingCharacters(in: .whitespaces)).lowercased() }) else {
            throw .error("geen beoordelaar ‘\(given)’", hint: Suggestion.hint(for: given, in: known) ?? "beoordelaars: " + (known.isEmpty ? "(nog geen)" : known.joined(separator: ", ")),
                         at: node.arguments[1].span)
        }
        let voorstel = try node.optionalText("voorstel").map { id throws(Diagnostic) in
            try context.attempt(at: node.span(of: "voorstel")) { try store.find(id) }.id
        }
        return (name, voorstel)
    }
}
