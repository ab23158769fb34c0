import KompasDSL

extension Command {
    /// What `lijst` can list, with the card kind each word stands for (`nil`: everything).
    static let listings: [(word: String, kind: String?, label: String)] = [
        ("staalkaarten", "staalkaart", "Staalkaarten (wetten)"),
        ("koerskaarten", "koerskaart", "Koerskaarten"),
        ("kaarten", "kaart", "Kenniskaarten over sturing en informatie"),
        ("indicatoren", "indicator", "Indicatoren"),
        ("criteria", "criteria", "Criteria voor raadsvoorstellen"),
        ("waardemodel", "waardemodel", "Democratisch waardemodel"),
        ("sjablonen", "werkbladsjabloon", "Sjablonen voor werkbladen"),
        ("werkbladen", nil, "Je werkbladen (uit de database)"),
        ("adviesraad", "adviesproces", "Adviesraad"),
        ("alles", nil, "Alle kaarten"),
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
            .render(groups.compactMap { group in group.kind.map { (kind: $0, label: group.label) } })
    }
}
