import Foundation
import KompasDSL

/// `exporteer werkblad "NAAM" naar "PAD"` and `exporteer invulschema naar "PAD"`.
extension Command {
    static let exporteerWerkblad = Command(
        "exporteer", action: "werkblad", task: .kennisEnVisie,
        schema: NodeSchema("exporteer", summary: "Schrijft een werkblad naar een bestand: .html (om te printen), .pdf, .md (Markdown) of .kompas (weer in te lezen).",
                           arguments: [Slot("wat", .choice(["werkblad"]), help: "het woord `werkblad`"), werkbladNaam,
                                       Slot("naar", .choice(["naar"]), help: "het woord `naar`"), Slot("pad", .text, help: "het bestand, bijvoorbeeld \"visie.html\"")],
                           fields: [ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        guard let path = try context.exportPath(node, argument: 3) else { return "Niets geschreven.\n" }
        let pathSpan = node.arguments[3].span
        let format = try exportFormat(path, allowed: WerkbladExport.Format.allCases, at: pathSpan)
        let store = try context.werkbladen(node)
        let werkblad = try context.werkblad(node, argument: 1, in: store)
        let content = try context.attempt(node) { try store.content(of: werkblad) }
        let own = format == .kompas ? try context.ownIndicators(node) : []
        let rendered = WerkbladExport.render(content, as: format, template: context.library.cards(ofKind: "werkbladsjabloon").first, ownIndicators: own)
        if format == .pdf {
            try PDFRenderer.write(html: rendered, to: path, at: pathSpan)
        } else {
            try FileOutput.write(rendered, to: path, at: pathSpan)
        }
        return "Werkblad ‘\(werkblad.naam)’ geschreven naar \(path).\n"
    }

    static let exporteerInvulschema = Command(
        "exporteer", action: "invulschema", task: .kennisEnVisie,
        schema: NodeSchema("exporteer", summary: "Schrijft het lege invulschema met schrijfruimte, voor de dialoogavond: .html of .pdf.",
                           arguments: [Slot("wat", .choice(["invulschema"]), help: "het woord `invulschema`"),
                                       Slot("naar", .choice(["naar"]), help: "het woord `naar`"), Slot("pad", .text, help: "het bestand, bijvoorbeeld \"invulschema.html\"")],
                           fields: [ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        guard let path = try context.exportPath(node, argument: 2) else { return "Niets geschreven.\n" }
        let pathSpan = node.arguments[2].span
        let format = try exportFormat(path, allowed: [.html, .pdf], at: pathSpan)
        let template = context.library.cards(ofKind: "werkbladsjabloon").first
        let html = WerkbladHTML.invulschema(guidance: WerkbladHTML.Guidance(template: template))
        if format == .pdf {
            try PDFRenderer.write(html: html, to: path, at: pathSpan)
        } else {
            try FileOutput.write(html, to: path, at: pathSpan)
        }
        return "Invulschema geschreven naar \(path).\n"
    }

    private static func exportFormat(_ path: String, allowed: [WerkbladExport.Format], at span: SourceSpan) throws(Diagnostic) -> WerkbladExport.Format {
        guard let format = WerkbladExport.Format(path: path), allowed.contains(format) else {
            let ext = (path as NSString).pathExtension
            throw .error(ext.isEmpty ? "`\(path)` heeft geen extensie die het soort bestand noemt" : "onbekend soort bestand `\(ext)`",
                         hint: "kies een naam die eindigt op " + allowed.map { ".\($0.rawValue)" }.joined(separator: ", "), at: span)
        }
        return format
    }
}
