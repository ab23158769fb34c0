import KompasDSL

/// `werkblad koppel "NAAM"`: fills the koppeltabel row by row. Each answer may be the number of an
/// answer already in the werkblad, or a text of its own; a row is stored as soon as it is complete.
struct GuidedLinking {
    let store: WerkbladStore
    let template: Card?
    let style: TextStyle
    let conversation: Conversation

    func run(_ werkblad: Werkblad) throws(WerkbladStore.Failure) {
        let content = try store.content(of: werkblad)
        var lines = [style.heading("Koppeltabel van ‘\(werkblad.naam)’: van waarde naar resultaat")]
        if case .linkTable(let explanation, _)? = linkTable { lines += TextLayout.wrap(explanation, width: style.width) }
        for stap in [VisieStap.waarden, .principes, .resultaten] {
            let items = content.items.filter { $0.stap == stap }
            lines.append(style.bold(stap.titel) + (items.isEmpty ? style.dim(": nog niets") : ""))
            for (i, item) in items.enumerated() {
                lines += TextLayout.wrap(item.tekst, width: style.width, first: "  \(i + 1). ", rest: "     ")
            }
        }
        lines += TextLayout.wrap("Typ het nummer van een antwoord hierboven of een eigen tekst. ?: de voorbeelden uit de infographic. Lege regel bij ‘waarde’: klaar.",
                                 width: style.width).map(style.dim)
        conversation.say(lines.joined(separator: "\n") + "\n")
        while true {
            guard let waarde = try ask("waarde", .waarden, content, optional: true) else { break }
            guard let principe = try ask("principe", .principes, content),
                  let onderbouwing = askOnderbouwing(),
                  let resultaat = try ask("resultaat", .resultaten, content) else {
                conversation.say("Deze koppeling is niet bewaard; de koppelingen ervoor wel.\n")
                break
            }
            try store.addLink(to: werkblad, waarde: waarde, principe: principe, onderbouwing: onderbouwing, resultaat: resultaat)
            conversation.say(style.dim("✓ koppeling bewaard: \(waarde) → \(principe) → \(resultaat)") + "\n")
        }
        let warnings = WerkbladAnalysis.warnings(try store.content(of: werkblad))
        if !warnings.isEmpty {
            conversation.say(warnings.map { "⚠ " + $0 }.joined(separator: "\n") + "\n")
        }
    }

    private var linkTable: Block? {
        template?.blocks.first { if case .linkTable = $0 { true } else { false } }
    }

    /// One answer: a number of an existing item of `stap`, or a text. nil when the user is done.
    /// Why the principe follows from the waarde; `?` explains and asks again.
    private func askOnderbouwing() -> String? {
        while true {
            guard let answer = conversation.ask("onderbouwing> ")?.trimmingCharacters(in: .whitespaces) else { return nil }
            guard answer == "?" else { return answer }
            conversation.say("Schrijf in een zin waarom dit principe uit deze waarde volgt; Enter: geen onderbouwing.\n")
        }
    }

    private func ask(_ label: String, _ stap: VisieStap, _ content: WerkbladInhoud, optional: Bool = false) throws(WerkbladStore.Failure) -> String? {
        let items = content.items.filter { $0.stap == stap }
        while true {
            guard let raw = conversation.ask("\(label)> ") else { return nil }
            let answer = raw.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty {
                if optional { return nil }
                conversation.say("Een koppeling heeft een \(label) nodig: typ een nummer of een tekst.\n")
                continue
            }
            if answer == "?" {
                showExamples()
                continue
            }
            if let number = Int(answer) {
                guard number >= 1, number <= items.count else {
                    conversation.say(items.isEmpty ? "Er staan nog geen \(stap.titel.lowercased()) in het werkblad; typ een tekst.\n"
                                                   : "Kies een nummer van 1 tot en met \(items.count), of typ een tekst.\n")
                    continue
                }
                return items[number - 1].tekst
            }
            return answer
        }
    }

    private func showExamples() {
        guard case .linkTable(_, let examples)? = linkTable, !examples.isEmpty else {
            conversation.say("Er zijn geen voorbeelden.\n")
            return
        }
        var lines: [String] = []
        for example in examples {
            lines.append(style.bold("Voorbeeld: \(example.title)"))
            for (label, text) in [("Waarde", example.value), ("Leidend principe", example.principle),
                                  ("Onderbouwing", example.rationale), ("Maatschappelijk resultaat", example.result)] {
                lines += TextLayout.wrap(text, width: style.width, first: "  \(label): ", rest: "    ")
            }
        }
        conversation.say(lines.joined(separator: "\n") + "\n")
    }
}
