import KompasDSL

extension Command {
    /// What `lijst` can list, with the card kind each word stands for (`nil`: everything) and,
    /// where one exists, the card that introduces that kind and is listed first (`intro`).
    static let listings: [(word: String, kind: String?, label: String, intro: String?)] = [
        ("staalkaarten", "staalkaart", "Staalkaarten (wetten)", "staalkaarten"),
        ("koerskaarten", "koerskaart", "Koerskaarten", nil),
        ("kaarten", "kaart", "Kenniskaarten (leeswijzer, kennis, visie, sturing en informatie)", "leeswijzer"),
        ("indicatoren", "indicator", "Indicatoren", nil),
        ("criteria", "criteria", "Criteria voor raadsvoorstellen", nil),
        ("waardemodel", "waardemodel", "Democratisch waardemodel", nil),
        ("sjablonen", "werkbladsjabloon", "Sjablonen voor werkbladen", nil),
        ("werkbladen", nil, "Je werkbladen (uit de database)", nil),
        ("adviesraad", "adviesproces", "Adviesraad", nil),
        ("gebieden", "gebieden", "Gebieden (CBS-codes en namen)", nil),
        ("alles", nil, "Alle kaarten", nil),
    ]

    /// `lijst [soort]`.
    static let lijst = Command(
        "lijst", task: .kennisEnVisie,
        schema: NodeSchema("lijst", summary: "Laat zien welke kaarten er zijn, per soort.",
                           arguments: [.optional("soort", .choice(listings.map(\.word)), help: "wat je wilt zien; zonder soort: alles")])
    ) { node, context throws(Diagnostic) in
        let word = node.arguments.first?.value.stringValue ?? "alles"
        if word == "werkbladen" { return try werkbladLijst.run(node, context) }
        let groups = word == "alles" ? listings.filter { $0.kind != nil } : listings.filter { $0.word == word }
        return CardListRenderer(style: context.style, library: context.library)
            .render(groups.compactMap { group in group.kind.map { (kind: $0, label: group.label, intro: group.intro) } })
    }
}
