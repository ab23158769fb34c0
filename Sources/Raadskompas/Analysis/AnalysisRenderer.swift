import Foundation

/// The analysis as text for the terminal, as JSON for batches, and as Markdown or HTML for a
/// printable leeswijzer with the vragen aan het college.
public enum AnalysisRenderer {
    public static func text(_ result: Analyzer.Result, criteria: [GuidedReview.Criterion], style: TextStyle) -> String {
        var out: [String] = []
        func wrap(_ text: String, _ first: String, _ rest: String) { out += TextLayout.wrap(text, width: style.width, first: first, rest: rest) }
        out += TextLayout.wrap("Analyse van \(result.bestand)", width: style.width, first: "", rest: "  ").map(style.heading)
        out += TextLayout.wrap("Een voorstel, geen oordeel: jij beslist. Elke vondst noemt haar regel in het voorstel en het signaal dat haar vond.",
                               width: style.width, first: "", rest: "").map(style.dim)
        out.append("")
        if let titel = result.titel { wrap(titel + (result.titelRegel.map { style.dim(" (regel \($0))") } ?? ""), "Titel: ", "       ") }
        let velden = fieldLine(result.velden)
        if !velden.isEmpty { wrap(velden, "", "") }
        if let leeg = result.leeswijzer.leeg {
            out.append("")
            wrap(leeg, "", "")
            out += TextLayout.wrap("Daarom geen oordeel per criterium. De tekst zelf staat in het bestand, of in de shell met `voorstel toon`.",
                                   width: style.width, first: "", rest: "").map(style.dim)
            return out.joined(separator: "\n") + "\n"
        }
        let known = result.secties.filter { $0.sectie != nil }
        var structure = "\(known.count) \(known.count == 1 ? "bekend kopje" : "bekende kopjes")"
        let empty = known.filter(\.leeg)
        if !empty.isEmpty { structure += " (leeg of ‘geen’: " + empty.map { "\($0.kop), regel \($0.regel)" }.joined(separator: "; ") + ")" }
        structure += ", \(result.leeswijzer.besluit.count) \(result.leeswijzer.besluit.count == 1 ? "beslispunt" : "beslispunten"), \(result.woorden) woorden"
        if result.herhaaldeRegels > 0 { structure += "; \(result.herhaaldeRegels) herhaalde kop- en voetregel\(result.herhaaldeRegels == 1 ? "" : "s") overgeslagen" }
        wrap(structure + ".", "Gelezen: ", "  ")

        out.append("")
        out.append(style.bold("Leeswijzer"))
        out += leeswijzer(result.leeswijzer, style: style)

        out.append("")
        out.append(style.bold("Criteria"))
        for letter in Analyzer.letters {
            guard let item = result.criteria[letter] else { continue }
            let title = criteria.first { $0.letter == letter }?.title ?? ""
            out.append("")
            let mark = switch item.oordeel {
            case .aanwezig: style.good("aanwezig")
            case .deels: style.partly("deels")
            case .ontbreekt: style.bad("ontbreekt")
            }
            out.append(style.bold("\(letter). \(title)") + "  →  " + mark)
            wrap(item.waarom, "  waarom: ", "    ")
            for evidence in item.bewijs.prefix(4) {
                wrap("“\(evidence.tekst)”", "  regel \(evidence.regel): ", "    ")
                out.append(style.dim("    (\(evidence.signaal))"))
            }
            for absent in item.afwezig.prefix(2) {
                if absent.signaal.hasSuffix(Analyzer.emptyHeading) {
                    wrap("het kopje ‘\(absent.tekst)’ staat er, maar zonder tekst eronder", "  regel \(absent.regel): ", "    ")
                } else {
                    wrap("“\(absent.tekst)”", "  regel \(absent.regel), het voorstel zegt zelf: ", "    ")
                }
            }
            for missing in item.ontbreekt { wrap(missing, "  ontbreekt: ", "    ") }
        }
        if !result.signalen.isEmpty {
            out.append("")
            out.append(style.bold("Verder"))
            for signal in result.signalen { wrap(signal, "  • ", "    ") }
        }
        if !result.vragen.isEmpty {
            out.append("")
            out.append(style.bold("Vragen die je kunt stellen"))
            for (i, question) in result.vragen.enumerated() { wrap(question, "  \(i + 1). ", "     ") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func fieldLine(_ velden: Analyzer.Fields) -> String {
        var parts: [String] = []
        if let datum = velden.datum, let date = VoorstelKop.firstDate(datum) { parts.append("raad \(date.dutch)") }
        if let behandeling = velden.behandeling { parts.append(behandeling) }
        if let agendapunt = velden.agendapunt { parts.append("agendapunt \(agendapunt)") }
        if let nummer = velden.registratienummer { parts.append("nummer \(nummer)") }
        if let portefeuille = velden.portefeuillehouder { parts.append("portefeuillehouder \(portefeuille)") }
        if let programma = velden.programma { parts.append("programma \(programma)") }
        return parts.joined(separator: " · ")
    }

    static func leeswijzer(_ l: Leeswijzer, style: TextStyle) -> [String] {
        var out: [String] = []
        func wrap(_ text: String, _ first: String, _ rest: String) { out += TextLayout.wrap(text, width: style.width, first: first, rest: rest) }
        out.append("  Wat wordt besloten")
        if l.besluit.isEmpty { out.append(style.dim("    geen beslispunten gevonden")) }
        for (i, item) in l.besluit.prefix(12).enumerated() { wrap(item.tekst + style.dim(" (regel \(item.regel))"), "    \(i + 1). ", "       ") }
        if l.besluit.count > 12 { out.append(style.dim("    … en nog \(l.besluit.count - 12)")) }

        out.append("  Wat kost het en hoe is het gedekt")
        if l.kosten.isEmpty && l.dekking.isEmpty { out.append(style.dim(l.kostenGeen.map { "    het voorstel zegt zelf: “\($0.tekst)” (regel \($0.regel))" } ?? "    geen bedragen gevonden")) }
        var quoted = Set<Int>()
        for amount in l.kosten.prefix(6) where !quoted.contains(amount.regel) {
            quoted.insert(amount.regel)
            let amounts = l.kosten.filter { $0.regel == amount.regel }.map(\.bedrag).joined(separator: ", ")
            wrap("\(amounts): “\(amount.tekst)”", "    regel \(amount.regel): ", "      ")
        }
        for item in l.dekking.prefix(3) where !quoted.contains(item.regel) { wrap("dekking: “\(item.tekst)”", "    regel \(item.regel): ", "      ") }

        wrap(l.rol.soort + (l.rol.regel.map { style.dim(" (regel \($0))") } ?? "") + " — " + l.rol.uitleg, "  Rol van de raad: ", "    ")
        if let warning = l.rol.waarschuwing { wrap(warning, "    " + style.bad("⚠") + " ", "      ") }

        out.append("  Doelen en SMART")
        if l.doelen.isEmpty { out.append(style.dim("    geen doelen gevonden")) }
        for doel in l.doelen.prefix(5) {
            let marks = [("getal", doel.getal), ("jaar", doel.jaar), ("indicator", doel.indicator)].map { $0.1 ? "\($0.0) ✓" : "\($0.0) ✗" }.joined(separator: " · ")
            wrap("“\(doel.tekst)” " + style.dim("(\(marks))"), "    regel \(doel.regel): ", "      ")
        }

        out.append("  Participatie")
        if l.adviesOntbreekt { wrap("Dit is een kerndomeinvoorstel, maar het advies van de adviesraad wordt niet genoemd.", "    ⚑ ", "      ") }
        if l.participatie.isEmpty { out.append(style.dim("    geen adviesraad, inwoners of ervaringsdeskundigen genoemd")) }
        for item in l.participatie.prefix(4) { wrap("“\(item.tekst)”", "    regel \(item.regel): ", "      ") }

        out.append("  Termijnen en data")
        if l.termijnen.isEmpty { out.append(style.dim("    geen termijnen of data gevonden")) }
        for item in l.termijnen.prefix(5) { wrap("“\(item.tekst)”", "    regel \(item.regel): ", "      ") }

        if !l.jargon.isEmpty || !l.afkortingen.isEmpty {
            out.append("  Jargon en afkortingen")
            if !l.jargon.isEmpty { wrap(l.jargon.map { "\($0.tekst) (regel \($0.regel))" }.joined(separator: ", "), "    jargon: ", "      ") }
            if !l.afkortingen.isEmpty { wrap(l.afkortingen.map { "\($0.tekst) (regel \($0.regel))" }.joined(separator: ", "), "    niet uitgelegd: ", "      ") }
        }
        return out
    }

    /// `[{"bestand", "titel", "titelRegel", "velden", "secties", "criteria": {"A": {"oordeel", "waarom",
    /// "bewijs": [{"regel", "tekst", "signaal"}], "afwezig": […], "ontbreekt": […]}, …}, "leeswijzer",
    /// "vragen", "signalen", "woorden", "herhaaldeRegels"}]`; see docs/analyse.md.
    public static func json(_ results: [Analyzer.Result]) -> String {
        jsonArray(results.map { json($0) })
    }

    /// One result as a JSON object (pretty-printed, keys sorted); `json(_:)` joins them into an array,
    /// so a batch can encode its results on several threads.
    public static func json(_ result: Analyzer.Result) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(result)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Objects from `json(_ result:)` as one JSON array.
    public static func jsonArray(_ objects: [String]) -> String {
        objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A printable leeswijzer in Markdown: the parts, the criteria with their citations, and the vragen aan het college.
    public static func markdown(_ result: Analyzer.Result, criteria: [GuidedReview.Criterion]) -> String {
        var out = ["# Leeswijzer: \(md(result.titel ?? result.bestand))", ""]
        out.append("*\(md(result.bestand)). Een voorstel van Raadskompas, geen oordeel: de raad beslist. Elk punt noemt de regel in het voorstel.*")
        let velden = fieldLine(result.velden)
        if !velden.isEmpty { out += ["", md(velden)] }
        if let leeg = result.leeswijzer.leeg { return (out + ["", md(leeg), ""]).joined(separator: "\n") }
        let l = result.leeswijzer
        out += ["", "## Wat wordt besloten", ""]
        out += l.besluit.isEmpty ? ["Geen beslispunten gevonden."] : l.besluit.enumerated().map { "\($0.offset + 1). \(md($0.element.tekst)) *(regel \($0.element.regel))*" }
        out += ["", "## Wat kost het en hoe is het gedekt", ""]
        if l.kosten.isEmpty && l.dekking.isEmpty { out.append(l.kostenGeen.map { "Het voorstel zegt zelf: “\(md($0.tekst))” *(regel \($0.regel))*" } ?? "Geen bedragen gevonden.") }
        out += l.kosten.map { "- **\(md($0.bedrag))**: “\(md($0.tekst))” *(regel \($0.regel))*" }
        out += l.dekking.map { "- dekking: “\(md($0.tekst))” *(regel \($0.regel))*" }
        out += ["", "## Rol van de raad", "", "**\(md(l.rol.soort))**\(l.rol.regel.map { " *(regel \($0))*" } ?? ""): \(md(l.rol.uitleg))"]
        if let warning = l.rol.waarschuwing { out += ["", "> ⚠ \(md(warning))"] }
        out += ["", "## Doelen en SMART", ""]
        out += l.doelen.isEmpty ? ["Geen doelen gevonden."] : l.doelen.map {
            "- “\(md($0.tekst))” *(regel \($0.regel))* — getal \($0.getal ? "✓" : "✗"), jaar \($0.jaar ? "✓" : "✗"), indicator \($0.indicator ? "✓" : "✗")"
        }
        out += ["", "## Participatie", ""]
        if l.adviesOntbreekt { out.append("> ⚑ Dit is een kerndomeinvoorstel, maar het advies van de adviesraad wordt niet genoemd.") ; out.append("") }
        out += l.participatie.isEmpty ? ["Geen adviesraad, inwoners of ervaringsdeskundigen genoemd."] : l.participatie.map { "- “\(md($0.tekst))” *(regel \($0.regel))*" }
        out += ["", "## Termijnen en data", ""]
        out += l.termijnen.isEmpty ? ["Geen termijnen of data gevonden."] : l.termijnen.map { "- “\(md($0.tekst))” *(regel \($0.regel))*" }
        if !l.jargon.isEmpty || !l.afkortingen.isEmpty {
            out += ["", "## Jargon en afkortingen", ""]
            if !l.jargon.isEmpty { out.append("- jargon: " + l.jargon.map { "\(md($0.tekst)) *(regel \($0.regel))*" }.joined(separator: ", ")) }
            if !l.afkortingen.isEmpty { out.append("- niet uitgelegd: " + l.afkortingen.map { "\(md($0.tekst)) *(regel \($0.regel))*" }.joined(separator: ", ")) }
        }
        out += ["", "## De criteria", ""]
        for letter in Analyzer.letters {
            guard let item = result.criteria[letter] else { continue }
            let title = criteria.first { $0.letter == letter }?.title ?? ""
            out += ["### \(letter). \(md(title)): \(item.oordeel.rawValue)", "", "*\(md(item.waarom))*", ""]
            out += item.bewijs.prefix(4).map { "- regel \($0.regel): “\(md($0.tekst))”" }
            out += item.afwezig.prefix(2).map {
                $0.signaal.hasSuffix(Analyzer.emptyHeading) ? "- regel \($0.regel): het kopje ‘\(md($0.tekst))’ staat er, maar zonder tekst eronder"
                    : "- regel \($0.regel), het voorstel zegt zelf: “\(md($0.tekst))”"
            }
            out += item.ontbreekt.map { "- ontbreekt: \(md($0))" }
            out.append("")
        }
        if !result.signalen.isEmpty {
            out += ["## Verder", ""] + result.signalen.map { "- \(md($0))" } + [""]
        }
        out += ["## Vragen aan het college", ""]
        out += result.vragen.isEmpty ? ["Geen: elk criterium is aanwezig."] : result.vragen.enumerated().map { "\($0.offset + 1). \(md($0.element))" }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text safe inside Markdown: characters that would start markup are escaped.
    static func md(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
