import KompasDSL

extension Command {
    /// `jaaroverzicht JAAR [raad=…] [naar "PAD"]`: what became of the adviezen of a year.
    static let jaaroverzicht = Command(
        "jaaroverzicht", task: .adviezenEnCijfers,
        schema: NodeSchema("jaaroverzicht", summary: "Het jaaroverzicht van de adviezen: per soort en thema, hoeveel is overgenomen, reactietijden en te late reacties; ook als .html, .md of .csv.",
                           arguments: [Slot("jaar", .wholeNumber, help: "het jaar, bijvoorbeeld 2026", range: Slot.jaren), .optional("naar", .choice(["naar"]), help: "het woord `naar`"),
                                       .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
                           fields: [.optional("raad", .identifier, help: "alleen de adviezen van deze adviesraad"), ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        // The schema keeps the year within the years Raadskompas works with.
        let year = node.int(0)
        let store = try context.adviezen(node)
        let raad = node.optionalText("raad")
        if let raad {
            let known = try context.attempt(node) { try store.raden().map(\.id) }
            guard known.contains(raad) else {
                throw .error("onbekende adviesraad `\(raad)`", hint: Suggestion.hint(for: raad, in: known) ?? "typ `adviesraad lijst`", at: node.span(of: "raad"))
            }
        }
        let kerndomein = Kerndomein(library: context.library)
        let today = context.today()
        let report = try context.attempt(node) { try store.yearReport(year, raad: raad, kerndomein: kerndomein, today: today) }
        return try ReportOutput.emit(node, argument: 1, context: context, text: report.text(style: context.style), html: report.html, markdown: report.markdown, csv: report.csv,
                                     done: "Jaaroverzicht \(year)")
    }
}
