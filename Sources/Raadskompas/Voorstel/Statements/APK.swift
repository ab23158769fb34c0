import Foundation
import KompasDSL

extension Command {
    /// `apk VAN TOT [naar "PAD"]`: the periodic APK voor raadsvoorstellen.
    static let apk = Command(
        "apk", task: .raadsvoorstellen,
        schema: NodeSchema("apk", summary: "De APK voor raadsvoorstellen: alle beoordeelde voorstellen in een periode, per criterium, per kwartaal en per portefeuille; ook naar .html, .md of .csv.",
                           arguments: [Slot("van", .date, help: "de eerste dag, bijvoorbeeld 2026-01-01"), Slot("tot", .date, help: "de laatste dag"),
                                       .optional("naar", .choice(["naar"]), help: "het woord `naar`"), .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
                           fields: [ExportTarget.overschrijf]),
        accepts: { node in
            if case .number = node.arguments.first?.value { return false }
            return true
        },
        isFallback: true
    ) { node, context throws(Diagnostic) in
        guard case .date(let from) = node.arguments[0].value, case .date(let to) = node.arguments[1].value else {
            throw .error("`apk` verwacht twee datums", hint: "bijvoorbeeld `apk 2026-01-01 2026-12-31`", at: node.nameSpan)
        }
        guard from <= to else {
            throw .error("de periode loopt achteruit: \(from.dutch) ligt na \(to.dutch)", hint: "zet de vroegste datum eerst", at: node.arguments[0].span.to(node.arguments[1].span))
        }
        return try apkReport(node, from: from, to: to, pathArgument: 2, context: context)
    }

    /// `apk JAAR [naar "PAD"]`: the APK over a whole year, as people say it (`apk 2026`).
    static let apkJaar = Command(
        "apk", task: .raadsvoorstellen,
        schema: NodeSchema("apk", summary: "De APK over een heel jaar: `apk 2026` is `apk 2026-01-01 2026-12-31`.",
                           arguments: [Slot("jaar", .wholeNumber, help: "het jaar, bijvoorbeeld 2026", range: 1900...2200),
                                       .optional("naar", .choice(["naar"]), help: "het woord `naar`"), .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
                           fields: [ExportTarget.overschrijf]),
        accepts: { node in
            if case .number = node.arguments.first?.value { return true }
            return false
        }
    ) { node, context throws(Diagnostic) in
        let year = node.int(0)
        guard let from = DateValue(year: year, month: 1, day: 1), let to = DateValue(year: year, month: 12, day: 31) else {
            throw .error("\(year) is geen jaar", hint: "bijvoorbeeld `apk 2026`", at: node.arguments[0].span)
        }
        return try apkReport(node, from: from, to: to, pathArgument: 1, context: context)
    }

    private static func apkReport(_ node: Node, from: DateValue, to: DateValue, pathArgument: Int, context: CommandContext) throws(Diagnostic) -> String {
        let store = try context.voorstellen(node)
        let voorstellen = try context.attempt(node) { try store.all() }
        var judgements: [Beoordeling] = []
        for voorstel in voorstellen {
            judgements += try context.attempt(node) { try store.judgements(of: voorstel) }
        }
        let report = APKReport(from: from, to: to, voorstellen: voorstellen, judgements: judgements, criteria: GuidedReview.criteria(from: context.library))
        return try ReportOutput.emit(node, argument: pathArgument, context: context, text: report.text(style: context.style), html: report.html, markdown: report.markdown, csv: report.csv,
                                     done: "APK (\(report.rows.count) voorstellen)")
    }
}
