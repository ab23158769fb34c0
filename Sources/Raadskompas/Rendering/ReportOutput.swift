import Foundation
import KompasDSL

/// Where a report goes: shown in the terminal, or with `naar "PAD"` written as .html, .md or .csv.
enum ReportOutput {
    /// `argument` is the position of the optional `naar`; the path follows it.
    static func emit(_ node: Node, argument index: Int, context: CommandContext, text: @autoclosure () -> String, html: () -> String, markdown: () -> String,
                     csv: () -> String, done: String) throws(Diagnostic) -> String {
        guard node.arguments.count > index else { return text() }
        guard node.arguments.count > index + 1, node.arguments[index + 1].value.stringValue != nil else {
            throw .error("na `naar` hoort een bestand", hint: "bijvoorbeeld `naar \"overzicht.html\"` (of .md, .csv)", at: node.arguments[index].span)
        }
        let span = node.arguments[index + 1].span
        let ext = (node.text(index + 1) as NSString).pathExtension.lowercased()
        guard ["html", "md", "csv"].contains(ext) else {
            throw .error(ext.isEmpty ? "`\(node.text(index + 1))` heeft geen extensie die het soort bestand noemt" : "onbekend soort bestand `\(ext)`",
                         hint: "kies een naam die eindigt op .html, .md of .csv", at: span)
        }
        guard let path = try context.exportPath(node, argument: index + 1) else { return "Niets geschreven.\n" }
        let output = ext == "html" ? html() : ext == "md" ? markdown() : csv()
        try FileOutput.write(output, to: path, at: span)
        return "\(done) geschreven naar \(path).\n"
    }
}
