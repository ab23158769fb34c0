import KompasDSL

/// `werkblad voortgang`: per resultaat its indicator, the way from the first measurement to the
/// target as a sentence, and a bar.
struct WerkbladProgressRenderer {
    enum Row {
        case noIndicator(WerkbladItem)
        case unknownIndicator(WerkbladItem, String)
        case measured(WerkbladItem, IndicatorCatalog.Entry, IndicatorReport.Progress?, IndicatorReport.Target)
    }

    let style: TextStyle

    func render(_ werkblad: Werkblad, _ rows: [Row]) -> String {
        var out = [style.heading("Voortgang: \(werkblad.naam)")]
        guard !rows.isEmpty else {
            return out.joined() + "\nNog geen maatschappelijke resultaten. Vul ze in met `werkblad invullen \(Value.quote(werkblad.naam))`.\n"
        }
        for row in rows {
            out.append("")
            switch row {
            case .noIndicator(let item):
                out += heading(item)
                out.append(style.dim("      geen indicator; koppel er een met: koppel resultaat \(Value.quote(werkblad.naam)) \(item.kant.rawValue).\(item.volgorde) indicator=ID doel=…"))
            case .unknownIndicator(let item, let id):
                out += heading(item)
                out.append(style.dim("      indicator `\(id)` bestaat niet (meer)"))
            case .measured(let item, let entry, let progress, let target):
                out += heading(item)
                out.append("      \(entry.naam) " + style.dim("(\(entry.eenheid))"))
                out += TextLayout.wrap(IndicatorReport.describe(progress, target), width: style.width, first: "      ", rest: "      ")
                if let share = progress?.share {
                    let filled = max(0, min(20, Int((share * 20).rounded())))
                    out.append("      " + style.accent(String(repeating: "█", count: filled)) + style.dim(String(repeating: "░", count: 20 - filled)) + " \(Int((share * 100).rounded()))%")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func heading(_ item: WerkbladItem) -> [String] {
        TextLayout.wrap(item.tekst, width: style.width, first: "\(item.kant.rawValue).\(item.volgorde)  ", rest: "      ")
    }
}
