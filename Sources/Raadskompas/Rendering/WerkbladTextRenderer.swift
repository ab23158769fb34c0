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
                    var target: [String] = []
                    if let p = item.percentage { target.append(Value.format(p) + "%") }
                    if let jaar = item.jaar { target.append("in \(jaar)") }
                    if let indicator = item.indicator { target.append("indicator \(indicator)") }
                    if !target.isEmpty { text += " (doel: \(target.joined(separator: ", ")))" }
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
}
