/// The indicator catalogue as terminal text.
struct MonitorTextRenderer {
    let style: TextStyle

    /// `indicator lijst`: the catalogue and the user's own indicators, with their measurement counts.
    func list(_ catalog: IndicatorCatalog, counts: [String: Int]) -> String {
        var out: [String] = []
        for (title, eigen) in [("Catalogus", false), ("Eigen indicatoren", true)] {
            let entries = catalog.entries.filter { $0.eigen == eigen }
            out.append(style.bold(title) + style.dim(" (\(entries.count))"))
            if entries.isEmpty { out.append(style.dim("  nog geen; maak er een met: indicator nieuw wachttijd-wmo naam=\"Wachttijd Wmo\" eenheid=\"dagen\"")) }
            for entry in entries {
                let measured = counts[entry.id].map { style.accent("  \($0) \($0 == 1 ? "meting" : "metingen")") } ?? ""
                out += TextLayout.wrap("\(entry.naam) " + style.dim("(\(entry.eenheid))") + measured, width: style.width, first: "  \(entry.id)  ", rest: "    ")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
