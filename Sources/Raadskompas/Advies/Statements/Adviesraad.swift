import KompasDSL

/// `adviesraad ID naam=… [reactietermijn=…]` and `adviesraad lijst`.
extension Command {
    static let adviesraadDeclaratie = Command(
        "adviesraad", task: .adviezenEnCijfers,
        schema: NodeSchema("adviesraad", summary: "Een adviesraad sociaal domein, met de reactietermijn uit de eigen verordening.",
                           arguments: [Slot("id", .identifier, help: "de id, bijvoorbeeld asd-almere")],
                           fields: [Slot("naam", .text, help: "de naam"), .optional("gemeente", .text, help: "de gemeente"),
                                    .optional("reactietermijn", .wholeNumber, help: "binnen hoeveel weken het college reageert (uit de verordening; er is geen standaard)")]),
        accepts: { node in node.hasBlock || !node.properties.isEmpty }, isFallback: true
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let weeks = node.wholeNumber("reactietermijn")
        let raad = Adviesraad(id: node.text(0), naam: node.fieldText("naam"), gemeente: node.fieldText("gemeente"), reactietermijn: weeks)
        try context.attempt(node) { try store.save(raad) }
        return "Adviesraad \(raad.id) opgeslagen" + (weeks == nil ? "; let op: zonder reactietermijn kan Raadskompas niet zien of een reactie te laat is.\n" : ".\n")
    }

    static let adviesraadLijst = Command(
        "adviesraad", action: "lijst", task: .adviezenEnCijfers,
        schema: NodeSchema("lijst", summary: "Laat de adviesraden zien, met hun reactietermijn.", arguments: [.action("lijst")])
    ) { node, context throws(Diagnostic) in
        let store = try context.adviezen(node)
        let raden = try context.attempt(node) { try store.raden() }
        return AdviesTextRenderer(style: context.style, today: context.today()).list(raden)
    }
}
