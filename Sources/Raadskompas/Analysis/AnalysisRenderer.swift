import Foundation

/// The analysis as text for the terminal, and as JSON for batches.
public enum AnalysisRenderer {
    public static func text(_ result: Analyzer.Result, criteria: [GuidedReview.Criterion], style: TextStyle) -> String {
        var out = [style.heading("Analyse van \(result.bestand)"),
                   style.dim("Een voorstel, geen oordeel: jij beslist. Elke vondst noemt haar regel in het voorstel en het signaal dat haar vond.")]
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
            for evidence in item.bewijs.prefix(4) {
                out += TextLayout.wrap("“\(evidence.tekst)”", width: style.width, first: "  regel \(evidence.regel): ", rest: "    ")
                out.append(style.dim("    (\(evidence.signaal))"))
            }
            for missing in item.ontbreekt {
                out += TextLayout.wrap(missing, width: style.width, first: "  ontbreekt: ", rest: "    ")
            }
        }
        if !result.signalen.isEmpty {
            out.append("")
            out.append(style.bold("Verder"))
            for signal in result.signalen { out += TextLayout.wrap(signal, width: style.width, first: "  • ", rest: "    ") }
        }
        if !result.vragen.isEmpty {
            out.append("")
            out.append(style.bold("Vragen die je kunt stellen"))
            for (i, question) in result.vragen.enumerated() {
                out += TextLayout.wrap(question, width: style.width, first: "  \(i + 1). ", rest: "     ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `{"bestand", "criteria": {"A": {"oordeel", "bewijs": [{"regel", "tekst"}], "ontbreekt": […]}, …}, "vragen": […]}`
    public static func json(_ results: [Analyzer.Result]) -> String {
        struct Item: Encodable {
            struct Criterion: Encodable {
                struct Proof: Encodable {
                    let regel: Int
                    let tekst: String
                    let signaal: String
                }
                let oordeel: String
                let bewijs: [Proof]
                let ontbreekt: [String]
            }
            let bestand: String
            let criteria: [String: Criterion]
            let vragen: [String]
            let signalen: [String]
        }
        let items = results.map { result in
            Item(bestand: result.bestand, criteria: result.criteria.mapValues { c in
                Item.Criterion(oordeel: c.oordeel.rawValue, bewijs: c.bewijs.map { .init(regel: $0.regel, tekst: $0.tekst, signaal: $0.signaal) }, ontbreekt: c.ontbreekt)
            }, vragen: result.vragen, signalen: result.signalen)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
