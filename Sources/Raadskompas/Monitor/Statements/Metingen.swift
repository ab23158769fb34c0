import Foundation
import KompasDSL

/// Measurements: `importeer metingen "PAD"`, `metingen INDICATOR` and `rapport INDICATOR [naar "PAD"]`.
extension Command {
    static let importeerMetingen = Command(
        "importeer", action: "metingen", task: .adviezenEnCijfers,
        schema: NodeSchema("importeer", summary: "Leest metingen in uit een CSV: een CBS StatLine-bestand, of indicator;gebied;periode;waarde. Alles of niets; opnieuw inlezen verandert niets.",
                           arguments: [Slot("wat", .choice(["metingen"]), help: "het woord `metingen`"), Slot("pad", .text, help: "het CSV-bestand")],
                           fields: [.optional("indicator", .identifier, help: "bij een CBS-bestand: de indicator waar de waarden bij horen", completes: .indicatoren),
                                    .optional("kolom", .text, help: "bij een CBS-bestand met meer kolommen: de kolom met de waarden")])
    ) { node, context throws(Diagnostic) in
        let store = try context.store(for: node)
        let indicators = try context.catalog(node).ids
        // `~/stukken/x` is in the home folder, as in a terminal.
        let path = ExportTarget.expand(node.text(1))
        guard FileManager.default.fileExists(atPath: path) else {
            throw .error("bestand `\(path)` bestaat niet", hint: "controleer de naam en de map", at: node.arguments[1].span)
        }
        let fixed = node.optionalText("indicator")
        if let fixed, !indicators.contains(fixed) {
            throw .error("onbekende indicator `\(fixed)`", hint: Suggestion.hint(for: fixed, in: indicators) ?? "typ `indicator lijst`", at: node.span(of: "indicator"))
        }
        do throws(MeasurementImport.Failure) {
            let (read, changed, windows1252) = try MeasurementImport.run(path: path, indicator: fixed, column: node.optionalText("kolom"), knownIndicators: indicators, store: store,
                                                             progress: context.progress.map { show in { read in show("\(read.grouped) metingen gelezen …") } })
            var reply = "\(read.grouped) \(read == 1 ? "meting" : "metingen") gelezen uit \(path); \(changed.grouped) nieuw of gewijzigd.\n"
            if windows1252 > 0 {
                // Without this note, a file in the old Windows encoding would silently show odd letters.
                reply += "Let op: \(windows1252.grouped) \(windows1252 == 1 ? "regel was" : "regels waren") niet in UTF-8. Raadskompas heeft "
                    + "\(windows1252 == 1 ? "die" : "ze") gelezen als Windows-1252 (Latin-1). Kijk met `metingen` en de id van de "
                    + "indicator of namen met ë of é goed staan.\n"
            }
            return reply
        } catch {
            let place = error.line.map { "regel \($0) van `\(path)`: " } ?? ""
            throw .error(place + error.message + (error.line == nil ? "" : "; er is niets opgeslagen"), hint: error.hint, at: node.arguments[1].span)
        }
    }

    static let indicatorArgument = Slot("indicator", .identifier, help: "de id van de indicator", completes: .indicatoren)

    static let metingen = Command(
        "metingen", task: .adviezenEnCijfers,
        schema: NodeSchema("metingen", summary: "Laat de metingen van een indicator zien, per gebied en periode.",
                           arguments: [Slot("indicator", .word, help: "de id van de indicator", completes: .indicatoren)],
                           fields: [.optional("gebied", .text, help: "alleen dit gebied, bijvoorbeeld GM0363")])
    ) { node, context throws(Diagnostic) in
        try indicatorReport(node, context)
    }

    static let rapport = Command(
        "rapport", task: .adviezenEnCijfers,
        schema: NodeSchema("rapport", summary: "Het rapport van een indicator: de trend per gebied met adviezen en besluiten erbij, doelen en duidingen; ook als .html (met grafiek), .md of .csv.",
                           arguments: [indicatorArgument, .optional("naar", .choice(["naar"]), help: "het woord `naar`"),
                                       .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
                           fields: [.optional("gebied", .text, help: "alleen dit gebied"), ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        try indicatorReport(node, context)
    }

    private static func indicatorReport(_ node: Node, _ context: CommandContext) throws(Diagnostic) -> String {
        let monitor = try context.monitor(node)
        let indicator = try context.indicator(node.text(0), at: node.arguments[0].span, in: context.catalog(node))
        let gebied = node.optionalText("gebied")
        // In the terminal, an indicator measured in many gebieden gets one line per gebied.
        let toFile = node.arguments.count > 1
        let report = try context.attempt(node) {
            let areas = gebied != nil || toFile ? 0 : try monitor.gebiedCount(of: indicator.id)
            return try monitor.report(indicator, gebied: gebied, lastPeriods: areas > IndicatorReport.compactAbove ? IndicatorReport.recentPeriods : nil)
        }
        return try ReportOutput.emit(node, argument: 1, context: context, text: report.text(style: context.style), html: report.html, markdown: report.markdown, csv: report.csv,
                                     done: "Rapport van \(indicator.id)")
    }
}
