/// `lijst`: the cards of one or more kinds, with their ids and titles.
struct CardListRenderer {
    let style: TextStyle
    let library: ContentLibrary

    /// One group per kind; `intro` names a card (of any kind) that explains the group and is
    /// listed first, marked "lees eerst" (the staalkaarten card before the six laws).
    func render(_ groups: [(kind: String, label: String, intro: String?)]) -> String {
        var out: [String] = []
        var firstId: String?
        for group in groups {
            let cards = library.cards(ofKind: group.kind)
            if groups.count > 1 && cards.isEmpty { continue }
            let intro = group.intro.flatMap { library.card($0) }
            out.append(style.bold(group.label) + style.dim(" (\(cards.count))"))
            let listed = (intro.map { [$0] } ?? []) + cards.filter { $0.id != intro?.id }
            let idWidth = min(style.width / 2, listed.map(\.id.count).max() ?? 0)
            for card in listed {
                let id = card.id.count < idWidth ? card.id + String(repeating: " ", count: idWidth - card.id.count) : card.id
                var title = card.title
                if case .staalkaart(let law) = card.kind, law.abbreviation != card.title { title += " (\(law.abbreviation))" }
                if card.id == intro?.id { title = "lees eerst: " + title }
                out += TextLayout.wrap(title, width: style.width, first: "  " + style.accent(id) + "  ", rest: String(repeating: " ", count: idWidth + 4))
            }
            if firstId == nil { firstId = listed.first?.id }
            if cards.isEmpty { out.append("  (geen)") }
            out.append("")
        }
        out.append(style.dim("Typ `toon ID` om een kaart te lezen, bijvoorbeeld `toon \(firstId ?? "wmo")`."))
        return out.joined(separator: "\n") + "\n"
    }
}
