import KompasDSL

/// `help` output, generated from the registry, the content schemas and the builtins, so that it
/// never drifts from what works.
enum HelpText {
    /// Topics that are neither a statement nor a kind of card.
    static let extraTopics = ["functies", "taal", "kennis", "raadsvoorstellen", "adviezen", "gegevens", "scripts"]

    static func render(topic: String?, library: ContentLibrary, interpreter: Interpreter, style: TextStyle) -> String {
        guard let topic else { return overview(library: library, style: style) }
        if let task = task(named: topic) { return taskHelp(task, style: style) }
        let forms = Registry.forms(of: topic)
        if forms.count > 1, let task = forms.first?.task {
            // A family of forms (`aanbeveling …`, `koppel …`): its own statements (not the whole
            // task: `help aanbeveling` is three statements, not a hundred lines), then how the
            // declarative form is written in a script.
            let declarations = forms.filter { $0.action == nil && (!$0.schema.fields.isEmpty || !$0.schema.children.isEmpty) && !$0.guided }
            if ["werkblad", "voorstel", "advies"].contains(topic) {
                // The records a task is about: every statement of that task (`help voorstel`
                // includes `analyseer`, `beoordeel` and `apk`), then the declarative form.
                let elsewhere = forms.filter { $0.task != task }
                return taskHelp(task, style: style) + (elsewhere.isEmpty ? "" : "\n" + commandList(elsewhere, title: "Ook met `\(topic)`", style: style))
                    + declarations.map { "\n" + schemaHelp($0.schema, title: "Schrijfwijze in een script", name: $0.name, usage: $0.usage, style: style) }.joined()
            }
            let more = TextLayout.wrap("Alle opdrachten van ‘\(task.title)’: `help \(Self.topic(of: task))`.", width: style.width).map(style.dim)
            return commandList(forms, title: "Opdrachten met `\(topic)`", style: style) + "\n" + more.joined(separator: "\n") + "\n"
                + declarations.map { "\n" + schemaHelp($0.schema, title: "Schrijfwijze in een script", name: $0.name, usage: $0.usage, style: style) }.joined()
        }
        if let command = forms.first {
            return schemaHelp(command.schema, title: "Opdracht", name: command.name, usage: command.usage, style: style)
        }
        if let card = ContentSchemas.card(named: topic) {
            return schemaHelp(card, title: "Soort kaart", style: style)
                + "\n" + style.dim("Er \(library.cards(ofKind: topic).count == 1 ? "is" : "zijn") \(library.cards(ofKind: topic).count) kaart(en) van deze soort.") + "\n"
        }
        switch topic {
        case "functies":
            var out = [style.bold("Functies") + " (te gebruiken in expressies, bijvoorbeeld `laat n = lengte(kaarten(\"staalkaart\"))`)", ""]
            for builtin in interpreter.builtins.values.sorted(by: { $0.name < $1.name }) {
                out += TextLayout.wrap(builtin.summary, width: style.width, first: "  " + style.accent(builtin.signature) + "  ", rest: "      ")
            }
            return out.joined(separator: "\n") + "\n"
        case "taal":
            return language(style: style)
        default:
            if library.card(topic) != nil {
                return "`\(topic)` is een kaart. Lees haar met: toon \(topic)\n"
            }
            // Any word of a statement finds it: `help invullen` → `werkblad invullen`.
            let matching = Registry.all.filter { $0.action == topic || $0.usage.split(separator: " ").contains { $0.lowercased() == topic } }
            if !matching.isEmpty {
                return commandList(matching, title: "Opdrachten met `\(topic)`", style: style)
            }
            let topics = Registry.words + ContentSchemas.cards.map(\.name) + extraTopics
            let hint = Suggestion.nearest(to: topic, in: topics).map { " Bedoelde je `\($0)`?" } ?? ""
            return "Over `\(topic)` is geen uitleg.\(hint) Typ `help` voor alle onderwerpen.\n"
        }
    }

    /// `help kennis`, `help raadsvoorstellen`, `help adviezen`, `help scripts`.
    static func task(named topic: String) -> Command.Task? {
        switch topic {
        case "kennis", "visie": .kennisEnVisie
        case "raadsvoorstellen": .raadsvoorstellen
        case "adviezen", "monitor", "cijfers": .adviezenEnCijfers
        case "gegevens": .gegevens
        case "scripts": .scripts
        default: nil
        }
    }

    /// The word `help` takes for a task (the first that `task(named:)` knows).
    static func topic(of task: Command.Task) -> String {
        switch task {
        case .kennisEnVisie: "kennis"
        case .raadsvoorstellen: "raadsvoorstellen"
        case .adviezenEnCijfers: "adviezen"
        case .gegevens: "gegevens"
        case .scripts: "scripts"
        }
    }

    /// The statements of one task, guided ones first.
    static func statements(of task: Command.Task) -> [Command] {
        let all = Registry.all.filter { $0.task == task }
        return all.filter(\.guided) + all.filter { !$0.guided }
    }

    static func overview(library: ContentLibrary, style: TextStyle) -> String {
        var out = [style.bold("Raadskompas") + " — kennis over het sociaal domein voor raadsleden, griffie, fracties.", ""]
        out += firstTimePointer(library: library, style: style)
        out += whatDoYouWantToDo(style: style)
        out.append(style.bold("Alle opdrachten"))
        out += TextLayout.wrap("Per taak. `help OPDRACHT` legt er één uit, bijvoorbeeld `help advies nieuw`; in de shell is `?` hetzelfde als `help`.", width: style.width).map(style.dim)
        out.append("")
        for task in Command.Task.allCases {
            out.append(style.bold(task.title))
            for command in statements(of: task) {
                let name = command.shortForm
                out += TextLayout.wrap(command.schema.summary, width: style.width,
                                       first: "  " + style.accent(name.padded(to: 22)) + " ", rest: String(repeating: " ", count: 25))
            }
            out.append("")
        }
        out.append(style.bold("Soorten kaarten") + " (help SOORT voor de velden)")
        for card in ContentSchemas.cards {
            let count = library.cards(ofKind: card.name).count
            out += TextLayout.wrap(card.summary + " (\(count))", width: style.width, first: "  " + style.accent(card.name.padded(to: 22)) + " ", rest: String(repeating: " ", count: 25))
        }
        out.append("")
        let indent = String(repeating: " ", count: 14)
        out += TextLayout.wrap("lijst staalkaarten · toon wmo · toon wmo.rol-raad · help toon", width: style.width, first: "Voorbeelden:  ", rest: indent)
        out += TextLayout.wrap("help kennis · help raadsvoorstellen · help adviezen · help gegevens · help scripts", width: style.width, first: "Per taak:     ", rest: indent)
        out += TextLayout.wrap("help taal (scripts, variabelen, lussen) · help functies", width: style.width, first: "Meer:         ", rest: indent)
        return out.joined(separator: "\n") + "\n"
    }

    /// What people come to do, per role, with the statement that does it (the guided ones first):
    /// the top of `help`, before the full list.
    static let tasks: [(statement: String, goal: String)] = [
        ("werkblad invullen \"Mijn visie\"", "raadslid: je visie opschrijven"),
        ("lijst staalkaarten", "raadslid: wat elke wet van de raad vraagt"),
        ("voorstel importeer \"rv.pdf\" id=rv-1", "griffie: een raadsvoorstel inlezen"),
        ("beoordeel rv-1", "griffie: beoordelen op criteria A–F"),
        ("advies nieuw", "fractie: een advies vastleggen"),
        ("reactie ADVIES", "fractie: de reactie van het college"),
        ("duid INDICATOR periode=2025", "fractie: cijfers van de monitor duiden"),
        ("zoek eenzaamheid", "iedereen: zoeken in alle kaarten"),
        ("ongedaan", "iedereen: laatste wijziging terugdraaien"),
    ]

    static func whatDoYouWantToDo(style: TextStyle) -> [String] {
        var out = [style.bold("Wat wil je doen?")]
        for task in tasks {
            out += TextLayout.wrap(task.goal, width: style.width, first: "  " + style.accent(task.statement.padded(to: 36)) + " ", rest: String(repeating: " ", count: 39))
        }
        out.append("")
        return out
    }

    /// The id of the card a first-time user reads first.
    static let leeswijzer = "leeswijzer"

    /// The first thing `help` says, to anyone: where a newcomer starts. `help` cannot tell a
    /// first-time user from another (a script has no history, a database may be shared), so the
    /// pointer is always there, short, and built from the leeswijzer card's own summary.
    static func firstTimePointer(library: ContentLibrary, style: TextStyle) -> [String] {
        guard let card = library.card(leeswijzer) else { return [] }
        let summary = (card.summary ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        return TextLayout.wrap("Nieuw hier? Lees eerst `toon \(leeswijzer)`. In het kort: " + summary, width: style.width)
            + [""]
    }

    /// Every statement of a task with how it is written and what it does.
    static func taskHelp(_ task: Command.Task, style: TextStyle) -> String {
        commandList(statements(of: task), title: task.title, style: style)
    }

    static func commandList(_ commands: [Command], title: String, style: TextStyle) -> String {
        var out = [style.bold(title)]
        for command in commands {
            out.append("")
            out += TextLayout.wrap(command.usage, width: style.width, first: "  ", rest: "    ").map(style.accent)
            out += TextLayout.wrap(command.schema.summary, width: style.width, first: "      ", rest: "      ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func schemaHelp(_ schema: NodeSchema, title: String, name: String? = nil, usage: String? = nil, style: TextStyle) -> String {
        var out = [style.bold("\(title): \(name ?? schema.name)"), ""]
        out += TextLayout.wrap(schema.summary, width: style.width)
        out.append("")
        out.append(style.bold("Schrijfwijze: ") + (usage ?? schema.usage))
        out += section("Argumenten", schema.arguments.map { ($0.name, describe($0)) }, style: style)
        out += section("Velden", schema.fields.map { ($0.name, describe($0)) }, style: style)
        out += section("Onderdelen", schema.children.map { rule in
            var count = ""
            if rule.minimum > 0 { count = rule.maximum == rule.minimum ? " (precies \(rule.minimum))" : " (minstens \(rule.minimum))" }
            return (rule.name, rule.schema.summary + count)
        }, style: style)
        return out.joined(separator: "\n") + "\n"
    }

    /// A titled list of names with their explanation, or nothing when the list is empty.
    private static func section(_ title: String, _ rows: [(name: String, text: String)], style: TextStyle) -> [String] {
        guard !rows.isEmpty else { return [] }
        var out = ["", style.bold(title)]
        for row in rows {
            out += TextLayout.wrap(row.text, width: style.width,
                                   first: "  " + style.accent(row.name.padded(to: 14)) + " ", rest: String(repeating: " ", count: 17))
        }
        return out
    }

    static func describe(_ slot: Slot) -> String {
        "\(slot.help) (\(slot.type.dutchName)\(slot.required ? "" : ", mag weg"))"
    }

    static func language(style: TextStyle) -> String {
        """
        \(style.bold("De taal van Raadskompas")) (volledig: docs/taal.md)

          toon wmo                          een opdracht: naam, argumenten, sleutel=waarde
          laat jaar = 2026                  een variabele; gebruik haar als $jaar
          "Plan voor $jaar"                 tekst met een variabele erin; ${…} voor een expressie
          voor elk k in kaarten("staalkaart") { toon $k.id }
          als $jaar > 2025 { toon wmo } anders { toon jeugdwet }
          # commentaar loopt tot het eind van de regel

        Waarden: "tekst", \"\"\"tekstblok\"\"\", 12, 3.5, 40%, 2026-03-12, ja, nee, namen (wmo), lijsten [a, b].
        Rekenen en vergelijken tussen haakjes: ($a + 1), ($x >= 2 en niet $klaar).

        """
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
