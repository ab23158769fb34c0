import Foundation
import KompasDSL

/// Where a report goes: shown in the terminal, or with `naar "PAD"` written as .html, .md or .csv.
enum ReportOutput {
    /// `argument` is the position of the optional `naar`; the path follows it.
    static func emit(_ node: Node, argument index: Int, text: @autoclosure () -> String, html: () -> String, markdown: () -> String, csv: () -> String,
                     done: String) throws(Diagnostic) -> String {
        guard node.arguments.count > index else { return text() }
        guard node.arguments.count > index + 1, let path = node.arguments[index + 1].value.stringValue else {
            throw .error("na `naar` hoort een bestand", hint: "bijvoorbeeld `naar \"overzicht.html\"` (of .md, .csv)", at: node.arguments[index].span)
        }
        let span = node.arguments[index + 1].span
        let output: String
        switch (path as NSString).pathExtension.lowercased() {
        case "html": output = html()
        case "md": output = markdown()
        case "csv": output = csv()
        default:
            throw .error("onbekend soort bestand `\((path as NSString).pathExtension)`", hint: "kies een naam die eindigt op .html, .md of .csv", at: span)
        }
        try FileOutput.write(output, to: path, at: span)
        return "\(done) geschreven naar \(path).\n"
    }
}
