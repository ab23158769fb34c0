import Foundation
import KompasDSL

/// Writes a werkblad as `.kompas` (reads back identically) and as Markdown.
public enum WerkbladExport {
    public enum Format: String, CaseIterable, Sendable {
        case html, pdf, md, kompas

        public init?(path: String) {
            self.init(rawValue: (path as NSString).pathExtension.lowercased())
        }
    }

    /// The text of a text format; `.pdf` is rendered from `.html` by `PDFRenderer`.
    public static func render(_ content: WerkbladInhoud, as format: Format, template: Card?, ownIndicators: [EigenIndicator] = []) -> String {
        switch format {
        case .kompas: kompas(content, ownIndicators: ownIndicators)
        case .md: markdown(content)
        case .html, .pdf: WerkbladHTML.werkblad(content, guidance: WerkbladHTML.Guidance(template: template))
        }
    }

    // MARK: - .kompas

    /// The declarative form. Deterministic: the same werkblad always gives the same bytes, so an
    /// export imported into an empty database exports again byte-identical.
    /// The werkblad as a script that declares it whole (`export=ja`), preceded by the own
    /// indicators it refers to, so that another database can read it.
    public static func kompas(_ content: WerkbladInhoud, ownIndicators: [EigenIndicator] = []) -> String {
        let w = content.werkblad
        var out = "# Visie-werkblad, geëxporteerd door Raadskompas. Inlezen: raadskompas dit-bestand.kompas\n"
        // What really happens: a script stops (nothing changed), the shell asks.
        out += "# Bestaat er al een werkblad met deze naam, dan stopt Raadskompas met een melding en verandert het niets.\n"
        out += "# Zet dan vervang=ja of samenvoegen=ja achter export=ja hieronder, of plak de tekst in de shell: die vraagt wat je wilt.\n"
        let used = Set(content.items.compactMap(\.indicator))
        for indicator in ownIndicators where used.contains(indicator.id) {
            var line = "indicator nieuw \(indicator.id) naam=\(Value.quote(indicator.naam)) eenheid=\(Value.quote(indicator.eenheid))"
            if !indicator.omschrijving.isEmpty { line += " omschrijving=\(Value.quote(indicator.omschrijving))" }
            if let richting = indicator.richting { line += " richting=\(richting)" }
            if !indicator.thema.isEmpty { line += " thema=\(Value.quote(indicator.thema))" }
            out += line + "\n"
        }
        var header = "werkblad \(Value.quote(w.naam)) export=ja"
        if !w.eigenaar.isEmpty { header += " eigenaar=\(Value.quote(w.eigenaar))" }
        if !w.gemeente.isEmpty { header += " gemeente=\(Value.quote(w.gemeente))" }
        out += header + " soort=\(w.soort.rawValue) {\n"
        for stap in VisieStap.allCases {
            let sides = Kant.allCases.map { ($0, content.items(stap, $0)) }.filter { !$0.1.isEmpty }
            guard !sides.isEmpty else { continue }
            out += "  stap \(stap.rawValue) {\n"
            for (kant, items) in sides {
                out += "    \(kant.rawValue) {\n"
                for item in items {
                    var line = "      \(stap.itemName) \(Value.quote(item.tekst))"
                    if !item.toelichting.isEmpty { line += " toelichting=\(Value.quote(item.toelichting))" }
                    if let doel = item.doel {
                        line += item.eenheid == "%" ? " doel=\(Value.percent(doel).sourceText)" : " doel=\(Value.number(doel).sourceText)"
                        if let eenheid = item.eenheid, eenheid != "%" { line += " eenheid=\(Value.quote(eenheid))" }
                    }
                    if let richting = item.richting { line += " richting=\(richting)" }
                    if let jaar = item.jaar { line += " jaar=\(jaar)" }
                    if let indicator = item.indicator { line += " indicator=\(indicator)" }
                    if let gebied = item.gebied { line += " gebied=\(Value.quote(gebied))" }
                    out += line + "\n"
                }
                out += "    }\n"
            }
            out += "  }\n"
        }
        for link in content.koppelingen {
            out += "  koppeling {\n"
            out += "    waarde \(Value.quote(link.waarde))\n"
            out += "    principe \(Value.quote(link.principe))\n"
            if !link.onderbouwing.isEmpty { out += "    onderbouwing \(Value.quote(link.onderbouwing))\n" }
            out += "    resultaat \(Value.quote(link.resultaat))\n"
            out += "  }\n"
        }
        return out + "}\n"
    }

    // MARK: - Markdown

    public static func markdown(_ content: WerkbladInhoud) -> String {
        let w = content.werkblad
        var out = "# \(escape(w.naam))\n\n"
        var facts: [String] = []
        if !w.eigenaar.isEmpty { facts.append("**Van:** \(escape(w.eigenaar))") }
        facts.append("**Soort:** \(w.soort == .raad ? "raad (samen)" : w.soort.rawValue)")
        if !w.gemeente.isEmpty { facts.append("**Gemeente:** \(escape(w.gemeente))") }
        out += facts.joined(separator: " · ") + "\n"
        for stap in VisieStap.allCases {
            out += "\n## Stap \(stap.nummer): \(stap.titel)\n"
            for kant in Kant.allCases {
                out += "\n### \(kant == .zelf ? "Zelf" : "Samen")\n\n"
                let items = content.items(stap, kant)
                if items.isEmpty {
                    out += "_Nog niets ingevuld._\n"
                    continue
                }
                for (i, item) in items.enumerated() {
                    out += "\(i + 1). \(escape(item.tekst))"
                    if let target = item.doelTekst { out += " (doel: \(escape(target)))" }
                    if !item.toelichting.isEmpty { out += "  \n   _\(escape(item.toelichting))_" }
                    out += "\n"
                }
            }
        }
        out += "\n## Koppeltabel\n\n"
        if content.koppelingen.isEmpty {
            out += "_Nog geen koppelingen._\n"
        } else {
            out += "| Waarde | Leidend principe | Onderbouwing | Maatschappelijk resultaat |\n|---|---|---|---|\n"
            for link in content.koppelingen {
                out += "| \(cell(link.waarde)) | \(cell(link.principe)) | \(cell(link.onderbouwing)) | \(cell(link.resultaat)) |\n"
            }
        }
        return out
    }

    /// User text never becomes Markdown markup or HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in SafeText.file(text) {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "!", "{", "}":
                out.append("\\")
                out.append(c)
            case "\n", "\r\n":
                out += " "
            default:
                out.append(c)
            }
        }
        return out
    }

    static func cell(_ text: String) -> String {
        text.isEmpty ? " " : escape(text)
    }
}
