/// `lijst`: the cards of one or more kinds, with their ids and titles.
struct CardListRenderer {
    let style: TextStyle
    let library: ContentLibrary

    func render(_ groups: [(kind: String, label: String)]) -> String {
        var out: [String] = []
        for group in groups {
            let cards = library.cards(ofKind: group.kind)
            if groups.count > 1 && cards.isEmpty { continue }
            out.append(style.bold(group.label) + style.dim(" (\(cards.count))"))
            let idWidth = min(style.width / 2, cards.map(\.id.count).max() ?? 0)
            for card in cards {
                let id = card.id.count < idWidth ? card.id + String(repeating: " ", count: idWidth - card.id.count) : card.id
                var title = card.title
                if case .staalkaart(let law) = card.kind, law.abbreviation != card.title { title += " (\(law.abbreviation))" }
                out += TextLayout.wrap(title, width: style.width, first: "  " + style.accent(id) + "  ", rest: String(repeating: " ", count: idWidth + 4))
            }
            if cards.isEmpty { out.append("  (geen)") }
            out.append("")
        }
        out.append(style.dim("Typ `toon ID` om een kaart te lezen, bijvoorbeeld `toon \(library.cards(ofKind: groups.first?.kind ?? "staalkaart").first?.id ?? "wmo")`."))
        return out.joined(separator: "\n") + "\n"
    }
}
