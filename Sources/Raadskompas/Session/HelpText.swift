import KompasDSL

/// `help` output, generated from the command, content and builtin declarations so that it never
/// drifts from what works.
enum HelpText {
    static func render(topic: String?, library: ContentLibrary, interpreter: Interpreter, style: TextStyle, span: SourceSpan) -> String {
        guard let topic else { return overview(library: library, style: style) }
        if topic == "voorstel" {
            var out = [style.bold("Raadsvoorstellen"), ""]
            for schema in VoorstelCommands.subcommands {
                out.append("  " + style.accent("voorstel " + schema.name))
                out += TextLayout.wrap(schema.summary, width: style.width, first: "      ", rest: "      ")
            }
            for schema in [VoorstelCommands.analyseer, VoorstelCommands.beoordeel, VoorstelCommands.beoordeling,
                           VoorstelCommands.beoordelingen, VoorstelCommands.vragen, VoorstelCommands.apk] {
                out.append("  " + style.accent(schema.usage))
                out += TextLayout.wrap(schema.summary, width: style.width, first: "      ", rest: "      ")
            }
            out.append("")
            return out.joined(separator: "\n") + "\n" + schemaHelp(VoorstelCommands.declaration, title: "Schrijfwijze in een script", style: style)
        }
        if ["advies", "adviesraad", "reactie", "indicator", "koppel", "ontkoppel", "metingen", "duid", "duiding", "jaaroverzicht", "rapport", "monitor", "adviezen"].contains(topic) {
            return monitorHelp(style: style)
        }
        if topic == "werkblad" {
            var out = [style.bold("Werkbladen"), ""]
            for form in WerkbladCommands.forms {
                out.append("  " + style.accent(form.usage))
                out += TextLayout.wrap(form.summary, width: style.width, first: "      ", rest: "      ")
            }
            out.append("")
            return out.joined(separator: "\n") + "\n" + schemaHelp(WerkbladSchemas.werkblad, title: "Schrijfwijze in een script", style: style)
        }
        if let command = CommandSchemas.command(named: topic) {
            return schemaHelp(command, title: "Opdracht", style: style)
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
            let topics = CommandSchemas.all.map(\.name) + ContentSchemas.cards.map(\.name) + ["functies", "taal"]
            let hint = Suggestion.nearest(to: topic, in: topics).map { " Bedoelde je `\($0)`?" } ?? ""
            return "Over `\(topic)` is geen uitleg.\(hint) Typ `help` voor alle onderwerpen.\n"
        }
    }

    static func overview(library: ContentLibrary, style: TextStyle) -> String {
        var out = [style.bold("Raadskompas") + " — kennis over het sociaal domein voor raadsleden, griffie en fracties.", ""]
        out.append(style.bold("Opdrachten"))
        for command in CommandSchemas.all {
            out += TextLayout.wrap(command.summary, width: style.width, first: "  " + style.accent(command.usage.padded(to: 22)) + " ", rest: String(repeating: " ", count: 25))
        }
        out.append("")
        out.append(style.bold("Soorten kaarten") + " (help SOORT voor de velden)")
        for card in ContentSchemas.cards {
            let count = library.cards(ofKind: card.name).count
            out += TextLayout.wrap(card.summary + " (\(count))", width: style.width, first: "  " + style.accent(card.name.padded(to: 22)) + " ", rest: String(repeating: " ", count: 25))
        }
        out.append("")
        out.append("Voorbeelden:  lijst staalkaarten   ·   toon wmo   ·   toon wmo.rol-raad   ·   help toon")
        out.append("Per taak:     help werkblad   ·   help voorstel   ·   help advies (adviezen, indicatoren, monitor)")
        out.append("Meer:         help taal (scripts, variabelen, lussen)   ·   help functies")
        return out.joined(separator: "\n") + "\n"
    }

    /// One usage line: the statement (and action), its arguments, its required fields and `[optional=…]`.
    static func form(_ prefix: [String], _ schema: NodeSchema, skip: Int) -> String {
        let rest = schema.arguments.dropFirst(skip).map { argument -> String in
            var shown = argument.type.dutchName.hasPrefix("een tekst") ? "\"\(argument.name)\"" : argument.name.uppercased()
            if case .choice(let words) = argument.type, words.count == 1 { shown = words[0] }
            return argument.required ? shown : "[\(shown)]"
        }
        let fields = schema.fields.map { $0.required ? "\($0.name)=…" : "[\($0.name)=…]" }
        return (prefix + rest + fields + (schema.children.isEmpty ? [] : ["{ … }"])).joined(separator: " ")
            .replacingOccurrences(of: "[naar] [\"pad\"]", with: "[naar \"pad\"]")
    }

    /// `help advies` (and its neighbours): the statements for adviezen, indicators and the monitor.
    static func monitorHelp(style: TextStyle) -> String {
        let groups: [(String, [(usage: String, summary: String)])] = [
            ("Adviesraden en adviezen", [(form(["adviesraad"], AdviesCommands.adviesraad, skip: 0), AdviesCommands.adviesraad.summary),
                                          (form(["adviesraad", "lijst"], AdviesCommands.adviesraadLijst, skip: 1), AdviesCommands.adviesraadLijst.summary)]
                + AdviesCommands.subcommands.map { (form(["advies", $0.name], $0, skip: 1), $0.summary) }
                + [(form(["advies"], AdviesCommands.advies, skip: 0), AdviesCommands.advies.summary),
                   ("reactie ID", "Vraagt in de shell per aanbeveling de reactie van het college: overgenomen, deels of niet, met de motivering."),
                   (form(["reactie"], AdviesCommands.reactie, skip: 0), AdviesCommands.reactie.summary)]),
            ("Indicatoren en metingen", MonitorCommands.indicatorSubcommands.map { (form(["indicator", $0.name], $0, skip: 1), $0.summary) }
                + [(form(["importeer"], AdviesCommands.importeer, skip: 0), AdviesCommands.importeer.summary),
                   (form(["metingen"], AdviesCommands.metingen, skip: 0), AdviesCommands.metingen.summary)]),
            ("Koppelen", [(form(["koppel", "aanbeveling"], MonitorCommands.koppelAanbeveling, skip: 1), MonitorCommands.koppelAanbeveling.summary),
                          (form(["koppel", "resultaat"], MonitorCommands.koppelResultaat, skip: 1), MonitorCommands.koppelResultaat.summary),
                          ("ontkoppel aanbeveling ADVIES NUMMER indicator=… | ontkoppel resultaat \"WERKBLAD\" ADRES", MonitorCommands.ontkoppel.summary),
                          ("werkblad voortgang \"naam\"", WerkbladCommands.subcommands.first { $0.name == "voortgang" }?.summary ?? "")]),
            ("Duiden en rapporteren", [(form(["duid"], MonitorCommands.duid, skip: 0), MonitorCommands.duid.summary),
                                       (form(["duiding"], MonitorCommands.duiding, skip: 0), MonitorCommands.duiding.summary),
                                       (form(["jaaroverzicht"], MonitorCommands.jaaroverzicht, skip: 0), MonitorCommands.jaaroverzicht.summary),
                                       (form(["rapport"], MonitorCommands.rapport, skip: 0), MonitorCommands.rapport.summary)]),
        ]
        var out = [style.bold("Adviezen, indicatoren en de monitor")]
        for (title, forms) in groups {
            out += ["", style.bold(title)]
            for form in forms {
                out += TextLayout.wrap(form.usage, width: style.width, first: "  ", rest: "    ").map(style.accent)
                out += TextLayout.wrap(form.summary, width: style.width, first: "      ", rest: "      ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func schemaHelp(_ schema: NodeSchema, title: String, style: TextStyle) -> String {
        var out = [style.bold("\(title): \(schema.name)"), ""]
        out += TextLayout.wrap(schema.summary, width: style.width)
        out.append("")
        out.append(style.bold("Schrijfwijze: ") + schema.usage)
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
