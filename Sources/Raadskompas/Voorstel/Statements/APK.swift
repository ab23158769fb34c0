import Foundation
import KompasDSL

extension Command {
    /// `apk VAN TOT [naar "PAD"]`: the periodic APK voor raadsvoorstellen.
    static let apk = Command(
        "apk", task: .raadsvoorstellen,
        schema: NodeSchema("apk", summary: "De APK voor raadsvoorstellen: alle beoordeelde voorstellen in een periode, per criterium, per kwartaal en per portefeuille; ook naar .html, .md of .csv.",
                           arguments: [Slot("van", .date, help: "de eerste dag, bijvoorbeeld 2026-01-01"), Slot("tot", .date, help: "de laatste dag"),
                                       .optional("naar", .choice(["naar"]), help: "het woord `naar`"), .optional("pad", .text, help: "het bestand: .html, .md of .csv")],
                           fields: [ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        guard case .date(let from) = node.arguments[0].value, case .date(let to) = node.arguments[1].value else {
            throw .error("`apk` verwacht twee datums", hint: "bijvoorbeeld `apk 2026-01-01 2026-12-31`", at: node.nameSpan)
        }
        guard from <= to else {
            throw .error("de periode loopt achteruit: \(from.dutch) ligt na \(to.dutch)", hint: "zet de vroegste datum eerst", at: node.arguments[0].span.to(node.arguments[1].span))
        }
        let store = try context.voorstellen(node)
        let voorstellen = try context.attempt(node) { try store.all() }
        var judgements: [Beoordeling] = []
        for voorstel in voorstellen {
            judgements += try context.attempt(node) { try store.judgements(of: voorstel) }
        }
        let report = APKReport(from: from, to: to, voorstellen: voorstellen, judgements: judgements, criteria: GuidedReview.criteria(from: context.library))
        return try ReportOutput.emit(node, argument: 2, context: context, text: report.text(style: context.style), html: report.html, markdown: report.markdown, csv: report.csv,
                                     done: "APK (\(report.rows.count) voorstellen)")
    }
}
