import KompasDSL

/// A werkblad as text for the terminal: the four steps, zelf and samen, and the koppeltabel.
struct WerkbladTextRenderer {
    let style: TextStyle

    func render(_ content: WerkbladInhoud) -> String {
        let w = content.werkblad
        var out = [style.heading(w.naam)]
        var details = [w.soort == .raad ? "raad (samen)" : w.soort.rawValue]
        if !w.eigenaar.isEmpty { details.append(w.eigenaar) }
        if !w.gemeente.isEmpty { details.append(w.gemeente) }
        out.append(style.dim(details.joined(separator: " · ")))
        for stap in VisieStap.allCases {
            out.append("")
            out.append(style.bold("Stap \(stap.nummer): \(stap.titel)"))
            for kant in Kant.allCases {
                let items = content.items(stap, kant)
                let label = kant == .zelf ? "  Zelf" : "  Samen"
                if items.isEmpty {
                    out.append(label + style.dim(": nog niets"))
                    continue
                }
                out.append(label)
                for (i, item) in items.enumerated() {
                    var text = item.tekst
                    if let target = item.doelTekst { text += " (doel: \(target))" }
                    out += TextLayout.wrap(text, width: style.width, first: "    \(i + 1). ", rest: "       ")
                    if !item.toelichting.isEmpty {
                        out += TextLayout.wrap(item.toelichting, width: style.width, first: "       " + style.dim(""), rest: "       ").map(style.dim)
                    }
                }
            }
        }
        out.append("")
        out.append(style.bold("Koppeltabel"))
        if content.koppelingen.isEmpty { out.append(style.dim("  nog geen koppelingen")) }
        for link in content.koppelingen {
            out += TextLayout.wrap("\(link.waarde) → \(link.principe) → \(link.resultaat)", width: style.width, first: "  • ", rest: "    ")
            if !link.onderbouwing.isEmpty {
                out += TextLayout.wrap("onderbouwing: \(link.onderbouwing)", width: style.width, first: "    ", rest: "    ").map(style.dim)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `werkblad lijst`.
    func list(_ werkbladen: [Werkblad]) -> String {
        guard !werkbladen.isEmpty else {
            return "Er zijn nog geen werkbladen. Maak er een met: werkblad nieuw \"Visie sociaal domein\" eigenaar=\"je naam\"\n"
        }
        var out = [style.bold("Werkbladen") + style.dim(" (\(werkbladen.count))")]
        for werkblad in werkbladen {
            var details = [werkblad.soort == .raad ? "raad (samen)" : werkblad.soort.rawValue]
            if !werkblad.eigenaar.isEmpty { details.append(werkblad.eigenaar) }
            if !werkblad.gemeente.isEmpty { details.append(werkblad.gemeente) }
            out += TextLayout.wrap("\(werkblad.naam)  " + style.dim("(" + details.joined(separator: ", ") + ")"), width: style.width, first: "  ", rest: "    ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `werkblad vergelijk`: per step, every answer with the werkbladen that hold it, most shared first.
    func comparison(_ contents: [WerkbladInhoud]) -> String {
        let shared = WerkbladAnalysis.compare(contents)
        var out = [style.bold("Vergelijking van \(contents.count) werkbladen: ") + contents.map(\.werkblad.naam).joined(separator: ", ")]
        for stap in VisieStap.allCases {
            let entries = shared.filter { $0.stap == stap }
            out.append("")
            out.append(style.bold("Stap \(stap.nummer): \(stap.titel)"))
            if entries.isEmpty { out.append(style.dim("  niemand schreef hier iets")) }
            for entry in entries {
                let count = "\(entry.werkbladen.count)/\(contents.count)"
                out += TextLayout.wrap("\(entry.tekst)  " + style.dim("(" + entry.werkbladen.joined(separator: ", ") + ")"), width: style.width,
                                       first: "  " + style.accent(count) + "  ", rest: String(repeating: " ", count: count.count + 4))
            }
        }
        out.append("")
        out += TextLayout.wrap("Maak een werkblad van de raad uit wat gedeeld wordt: werkblad samenvoegen \"Raad\" uit=[" +
                               contents.map { Value.quote($0.werkblad.naam) }.joined(separator: ", ") + "]", width: style.width).map(style.dim)
        return out.joined(separator: "\n") + "\n"
    }
}
