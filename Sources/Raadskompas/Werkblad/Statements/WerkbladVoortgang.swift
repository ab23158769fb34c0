import KompasDSL

extension Command {
    /// `werkblad voortgang "NAAM"`: every resultaat with an indicator, from its first measurement toward its target.
    static let werkbladVoortgang = Command(
        "werkblad", action: "voortgang", task: .adviezenEnCijfers,
        schema: NodeSchema("voortgang", summary: "Laat per maatschappelijk resultaat met een indicator zien hoe ver het is: van de eerste meting naar het doel.",
                           arguments: [.action("voortgang"), werkbladNaam])
    ) { node, context throws(Diagnostic) in
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let content = try context.attempt(node) { try store.content(of: werkblad) }
        let resultaten = Kant.allCases.flatMap { content.items(.resultaten, $0) }
        var rows: [WerkbladProgressRenderer.Row] = []
        if !resultaten.isEmpty {
            let catalog = try context.catalog(node)
            for item in resultaten {
                guard let id = item.indicator else {
                    rows.append(.noIndicator(item))
                    continue
                }
                guard let entry = catalog.entry(id) else {
                    rows.append(.unknownIndicator(item, id))
                    continue
                }
                let report = try context.indicatorReport(node, entry, gebied: item.gebied, full: true)
                let target = IndicatorReport.Target(werkblad: content.werkblad.naam, item: item)
                rows.append(.measured(item, entry, report.progress(target), target))
            }
        }
        return WerkbladProgressRenderer(style: context.style).render(content.werkblad, rows)
    }
}
