import Foundation
import KompasDSL

/// Measurements: `importeer metingen "PAD"`, `metingen INDICATOR` and `rapport INDICATOR [naar "PAD"]`.
extension Command {
    static let importeerMetingen = Command(
        "importeer", action: "metingen", task: .adviezenEnCijfers,
        schema: NodeSchema("importeer", summary: "Leest metingen in uit een CSV van CBS StatLine, de CBS-OData-API of waarstaatjegemeente.nl, of indicator;gebied;periode;waarde. Alles of niets; opnieuw inlezen verandert niets.",
                           arguments: [Slot("wat", .choice(["metingen"]), help: "het woord `metingen`"), Slot("pad", .text, help: "het CSV-bestand"),
                                       .optional("waar", .word, help: "het woord `waar`, en daarna per dimensie de waarde die je kiest: waar Geslacht=T001038 Leeftijd=…")],
                           fields: [.optional("indicator", .identifier, help: "bij een CBS-bestand: de indicator waar de waarden bij horen", completes: .indicatoren),
                                    .optional("kolom", .text, help: "bij een CBS-bestand met meer kolommen: de kolom met de waarden"),
                                    .optional("periode", .any, help: "de periode van alle cijfers, als het bestand geen kolom Perioden heeft: 2024, 2024-K1 of 2024-05"),
                                    .optional("gebied", .word, help: "het gebied van alle cijfers, als het bestand geen kolom met gebieden heeft: \"Nederland\" of \"Almere\""),
                                    .optional("metadata", .text, help: "het metadatabestand van de CBS-tabel: namen van codes, voorlopige perioden, controle van codes"),
                                    .optional("decimaal", .choice(["komma", "punt"]), help: "het decimaalteken, als het bestand het niet laat zien"),
                                    .optional("toch", .bool, help: "ja: ook waarden buiten het bereik van de eenheid en namen van eigen gebieden opslaan, en waarden van een eerdere andere keuze vervangen")],
                           openFieldsAfter: "waar")
    ) { node, context throws(Diagnostic) in
        let store = try context.store(for: node)
        let catalog = try context.catalog(node)
        let indicators = catalog.ids
        // `~/stukken/x` is in the home folder, as in a terminal.
        let path = ExportTarget.expand(node.text(1))
        guard FileManager.default.fileExists(atPath: path) else {
            throw .error("bestand `\(path)` bestaat niet", hint: "controleer de naam en de map", at: node.arguments[1].span)
        }
        if node.arguments.count > 2, node.text(2) != "waar" {
            // `importeer metingen "x.csv" jongeren-met-jeugdhulp`: the indicator without `indicator=`.
            let word = node.text(2)
            let hint = indicators.contains(word) ? "bedoelde je indicator=\(word)?" : "na het pad komen velden (indicator=…, kolom=\"…\") en eventueel `waar` met de dimensies"
            throw .error("`\(word)` staat los na het pad", hint: hint, at: node.arguments[2].span)
        }
        let fixed = node.optionalText("indicator")
        if let fixed, !indicators.contains(fixed) {
            throw .error("onbekende indicator `\(fixed)`", hint: Suggestion.hint(for: fixed, in: indicators) ?? "typ `indicator lijst`", at: node.span(of: "indicator"))
        }
        var request = MeasurementImport.Request(path: path, indicator: fixed, gebieden: context.gebieden, knownIndicators: indicators)
        request.column = node.optionalText("kolom")
        request.toch = node.flag("toch")
        request.decimal = node.optionalText("decimaal").flatMap(MeasurementFile.Decimaal.init(rawValue:))
        if let value = node.field("periode") {
            guard let periode = Periode.normalize(value.displayText.replacingOccurrences(of: ".", with: "")) else {
                throw .error("`\(value.displayText)` is geen periode", hint: "schrijf periode=2024, periode=\"2024-K1\" of periode=\"2024-05\"", at: node.span(of: "periode"))
            }
            request.periode = periode
        }
        if let text = node.optionalText("gebied") { request.gebied = try context.gebied(text, at: node.span(of: "gebied")).code }
        let known: Set<String> = ["indicator", "kolom", "periode", "gebied", "metadata", "decimaal", "toch"]
        request.selectie = node.properties.filter { !known.contains($0.key) }.map { ($0.key, $0.value.displayText) }
        request.eenheden = Dictionary(catalog.entries.map { ($0.id, $0.eenheid) }, uniquingKeysWith: { a, _ in a })
        if let entry = fixed.flatMap(catalog.entry) {
            request.eenheid = entry.eenheid
            request.bereik = Bereik.voor(eenheid: entry.eenheid)
        }
        if let metadataPath = node.optionalText("metadata").map(ExportTarget.expand) {
            do throws(MeasurementImport.Failure) {
                request.metadata = try MeasurementFile.metadata(path: metadataPath)
            } catch {
                throw .error(error.message, hint: error.hint, at: node.span(of: "metadata"))
            }
        }
        do throws(MeasurementImport.Failure) {
            let outcome = try MeasurementImport.run(request, store: store,
                                                    progress: context.progress.map { show in { read in show("\(read.grouped) metingen gelezen …") } })
            return MeasurementImport.reply(outcome, request: request)
        } catch {
            let place = error.line.map { "regel \($0) van `\(path)`: " } ?? ""
            let stored = error.line == nil || error.message.contains("niets opgeslagen") ? "" : "; er is niets opgeslagen"
            throw .error(place + error.message + stored, hint: error.hint, at: node.arguments[1].span)
        }
    }

    static let indicatorArgument = Slot("indicator", .identifier, help: "de id van de indicator", completes: .indicatoren)

    static let metingen = Command(
        "metingen", task: .adviezenEnCijfers,
        schema: NodeSchema("metingen", summary: "Laat de metingen van een indicator zien, per gebied en periode.",
                           arguments: [Slot("indicator", .word, help: "de id van de indicator", completes: .indicatoren)],
                           fields: [.optional("gebied", .word, help: "alleen dit gebied, bijvoorbeeld GM0363")])
    ) { node, context throws(Diagnostic) in
        try indicatorReport(node, context)
    }

    static let rapport = Command(
        "rapport", task: .adviezenEnCijfers,
        schema: NodeSchema("rapport", summary: "Het rapport van een indicator: de trend per gebied met adviezen en besluiten erbij, doelen en duidingen; ook als .html (met grafiek), .md of .csv.",
                           arguments: [indicatorArgument, .optional("naar", .choice(["naar"]), help: "het woord `naar`"),
                                       .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
                           fields: [.optional("gebied", .word, help: "alleen dit gebied"), ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        try indicatorReport(node, context)
    }

    private static func indicatorReport(_ node: Node, _ context: CommandContext) throws(Diagnostic) -> String {
        let indicator = try context.indicator(node.text(0), at: node.arguments[0].span, in: context.catalog(node))
        let gebied = try node.optionalText("gebied").map { text throws(Diagnostic) in try context.gebied(text, at: node.span(of: "gebied"), merged: true).code }
        let toFile = node.arguments.count > 1
        context.progress?("rapport van \(indicator.id) wordt gemaakt …")
        let report = try context.indicatorReport(node, indicator, gebied: gebied, full: toFile)
        return try ReportOutput.emit(node, argument: 1, context: context, text: report.text(style: context.style), html: report.html, markdown: report.markdown, csv: report.csv,
                                     done: "Rapport van \(indicator.id)")
    }
}
