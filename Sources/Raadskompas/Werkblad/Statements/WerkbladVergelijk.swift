import KompasDSL

/// `werkblad vergelijk` and `werkblad samenvoegen`: what several werkbladen share.
extension Command {
    static let werkbladVergelijk = Command(
        "werkblad", action: "vergelijk", task: .kennisEnVisie,
        schema: NodeSchema("vergelijk", summary: "Zet de werkbladen van meer raadsleden naast elkaar: welke waarden en principes delen ze, hoe vaak, en wie schreef wat.",
                           arguments: [.action("vergelijk"), werkbladNaam], repeatsLastArgument: true)
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        var contents: [WerkbladInhoud] = []
        for index in 1..<node.arguments.count {
            let werkblad = try context.werkblad(node, argument: index, in: store)
            contents.append(try context.attempt(node) { try store.content(of: werkblad) })
        }
        guard contents.count >= 2 else {
            throw .error("vergelijken gaat met minstens twee werkbladen", hint: "werkblad vergelijk \"Anna\" \"Bram\"", at: node.nameSpan)
        }
        return WerkbladTextRenderer(style: context.style).comparison(contents)
    }

    static let werkbladSamenvoegen = Command(
        "werkblad", action: "samenvoegen", task: .kennisEnVisie,
        schema: NodeSchema("samenvoegen", summary: "Maakt een werkblad van de raad (of fractie) uit wat meerdere werkbladen delen.",
                           arguments: [.action("samenvoegen"), Slot("naam", .text, help: "de naam van het nieuwe werkblad")],
                           fields: [Slot("uit", .list(.text), help: "de werkbladen, bijvoorbeeld [\"Anna\", \"Bram\"]", completes: .werkbladen),
                                    .optional("minimaal", .wholeNumber, help: "in hoeveel werkbladen een antwoord minstens staat (standaard 2)", range: 1...1000),
                                    .optional("soort", .choice(["raad", "fractie"]), help: "raad (standaard) of fractie")])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let name = node.text(1)
        let names = node.texts("uit")
        var contents: [WerkbladInhoud] = []
        for name in names {
            let werkblad = try context.attempt(at: node.span(of: "uit")) { try store.find(name) }
            contents.append(try context.attempt(node) { try store.content(of: werkblad) })
        }
        var minimum = 2
        if let n = node.wholeNumber("minimaal"), n >= 1, n < 1000 { minimum = n }
        let soort = Werkblad.Soort(rawValue: node.optionalText("soort") ?? "raad") ?? .raad
        let merged = WerkbladAnalysis.merge(contents, into: name, soort: soort, minimum: minimum)
        if (try? store.find(name)) != nil {
            throw .error("er is al een werkblad ‘\(name)’", hint: "kies een andere naam voor het samengevoegde werkblad", at: node.arguments[1].span)
        }
        try context.attempt(node) { try store.replace(with: merged) }
        return "Werkblad ‘\(name)’ gemaakt met \(merged.items.count) gedeelde \(merged.items.count == 1 ? "antwoord" : "antwoorden") (in minstens \(minimum) werkbladen).\n"
    }
}
