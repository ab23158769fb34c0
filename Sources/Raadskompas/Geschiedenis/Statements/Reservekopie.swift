import KompasDSL

/// `reservekopie naar "PAD"` (also `backup naar "PAD"`): a consistent copy of the database.
extension Command {
    static func reservekopie(_ word: String) -> Command {
        Command(
            word, task: .gegevens,
            schema: NodeSchema(word, summary: "Schrijft een volledige kopie van de database naar een bestand, ook als er andere shells open zijn.",
                               arguments: [Slot("naar", .choice(["naar"]), help: "het woord `naar`"), Slot("pad", .text, help: "het bestand, bijvoorbeeld \"kopie-2026-11-30.sqlite\"")],
                               // `overschrijf=ja`, as for every file Raadskompas writes (exports); `vervang=ja` was
                               // its first name here and still works.
                               fields: [ExportTarget.overschrijf,
                                        .optional("vervang", .bool, help: "vervang=ja: hetzelfde als overschrijf=ja")])
        ) { node, context throws(Diagnostic) in
            let store = try context.store(for: node)
            // `~/kopie.sqlite` is in the home folder, as for exports.
            let path = ExportTarget.expand(node.text(1))
            let size = try context.attempt(at: node.arguments[1].span) { try store.backup(to: path, replace: node.flag("overschrijf") || node.flag("vervang")) }
            return "Reservekopie geschreven naar \(path) (\(max(1, size / 1024).grouped) kB). Open haar met: raadskompas --db \(Value.quote(path))\n"
        }
    }

    static let reservekopie = reservekopie("reservekopie")
    static let backup = reservekopie("backup")
}

extension Store.BackupFailure: ReportableFailure {
    public func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .missingFolder(let folder):
            .error("de map `\(folder)` bestaat niet", hint: "maak de map eerst, of kies een andere plek", at: span)
        case .exists(let path):
            .error("`\(path)` bestaat al", hint: "kies een andere naam, of zet `overschrijf=ja` om het te vervangen", at: span)
        case .notAFile(let path):
            .error("`\(path)` is geen gewoon bestand", hint: "kies een bestandsnaam, bijvoorbeeld \"kopie.sqlite\"", at: span)
        case .sameAsDatabase(let path):
            .error("`\(path)` is de database zelf", hint: "een reservekopie hoort op een andere plek, het liefst op een andere schijf", at: span)
        case .full(let path):
            .error("de schijf is vol: de reservekopie naar `\(path)` is niet gemaakt", hint: "maak ruimte of kies een andere schijf; er is niets half geschreven", at: span)
        case .failed(let path, let detail):
            .error("de reservekopie naar `\(path)` is niet gelukt (\(detail))", hint: "controleer de plek en je schrijfrechten", at: span)
        }
    }
}
