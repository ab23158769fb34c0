import Foundation
import KompasDSL

/// Scoring a voorstel against the criteria A–F: guided (`beoordeel`), in a script (`beoordeling`),
/// side by side (`beoordelingen`), the questions that follow (`vragen`), and the text analysis
/// (`analyseer`).
extension Command {
    static let beoordeel = Command(
        "beoordeel", task: .raadsvoorstellen, guided: true,
        schema: NodeSchema("beoordeel", summary: "Beoordeelt een voorstel op de criteria A–F: per criterium de kernvragen, een score en een toelichting; elk antwoord wordt meteen bewaard. Met criterium=D verander je één score.",
                           arguments: [voorstelId],
                           fields: [.optional("door", .text, help: "wie beoordeelt (standaard: griffie); hoofdletters tellen niet"),
                                    .optional("criterium", .letter, help: "alleen dit criterium (opnieuw) beoordelen, bijvoorbeeld D")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 0, in: store)
        let criteria = GuidedReview.criteria(from: context.library)
        let only = node.optionalText("criterium")
        if let only, !criteria.contains(where: { $0.letter == only }) {
            throw .error("er is geen criterium \(only)", hint: "de criteria zijn " + criteria.map(\.letter).joined(separator: ", "), at: node.span(of: "criterium"))
        }
        let conversation = try context.conversation(for: node, statement: "beoordeel",
                                                    script: "`beoordeling \(voorstel.id) door=\"…\" { criterium A score=2 \"…\" }`")
        let review = GuidedReview(store: store, criteria: criteria, style: context.style, conversation: conversation)
        let beoordelaar = try context.attempt(node) { try store.beoordelaar(node.optionalText("door") ?? "griffie") }
        try context.attempt(node) { try review.run(voorstel, by: beoordelaar, only: only) }
        return ""
    }

    static let criterium = NodeSchema(
        "criterium", summary: "De beoordeling van één criterium.",
        arguments: [Slot("letter", .letter, help: "A tot en met F"), .optional("toelichting", .text, help: "waarom deze score")],
        fields: [Slot("score", .any, help: "0 ontbreekt, 1 summier, 2 voldoende, 3 goed, of nvt")]
    ) { node, validation in
        // The letters of the infographic's criteria (the card `criteria-raadsvoorstellen`): also
        // `raadskompas check` finds a criterium that does not exist.
        if let first = node.arguments.first, case .symbol(let letter) = first.value, !GuidedReview.letters.contains(letter) {
            validation.error("er is geen criterium \(letter)", hint: "de criteria zijn " + GuidedReview.letters.joined(separator: ", "), at: first.span)
        }
        guard let score = node.property("score") ?? node.children.first(where: { $0.name == "score" }).flatMap({ child in
            child.arguments.first.map { Node.Property(key: "score", keySpan: child.nameSpan, value: $0.value, valueSpan: $0.span) }
        }) else { return }
        switch score.value {
        case .number(let n) where n == n.rounded() && (0...3).contains(n): break
        case .symbol("nvt"), .text("nvt"), .text("n.v.t."): break
        default:
            validation.error("score `\(score.value.displayText)` ligt niet op de schaal",
                             hint: "kies 0 (ontbreekt), 1 (summier), 2 (voldoende), 3 (goed) of nvt", at: score.valueSpan)
        }
    }

    static let beoordeling = Command(
        "beoordeling", task: .raadsvoorstellen,
        schema: NodeSchema("beoordeling", summary: "De beoordeling van een voorstel door één beoordelaar, in een script. De criteria die je noemt worden bijgewerkt, de andere blijven staan; vervang=ja maakt dit de hele beoordeling.",
                           arguments: [voorstelId],
                           fields: [Slot("door", .text, help: "wie beoordeelt; hoofdletters tellen niet"),
                                    .optional("vervang", .bool, help: "vervang=ja: criteria die hier niet staan worden weggehaald")],
                           children: [ChildRule("criterium") { criterium }]) { node, validation in
            validation.requireUnique(node, child: "criterium", hint: "geef elk criterium één score") { "criterium \($0)" }
        }
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 0, in: store)
        let criteria = GuidedReview.criteria(from: context.library)
        let beoordelaar = try context.attempt(node) { try store.beoordelaar(node.fieldText("door")) }
        var judgements: [Beoordeling] = []
        for child in node.children where child.name == "criterium" {
            let letter = child.text(0)
            guard criteria.contains(where: { $0.letter == letter }) else {
                throw .error("er is geen criterium \(letter)", hint: "de criteria zijn " + criteria.map(\.letter).joined(separator: ", "),
                             at: child.arguments.first?.span ?? child.nameSpan)
            }
            let parsed = child.field("score").flatMap { v -> (Int?, Bool)? in
                if case .number(let n) = v, (0...3).contains(n) { return (Int(n), false) }
                return GuidedReview.score(v.displayText)
            }
            judgements.append(Beoordeling(voorstelId: voorstel.id, beoordelaar: beoordelaar, criterium: letter, score: parsed?.0,
                                          nvt: parsed?.1 ?? false, toelichting: child.arguments.count > 1 ? child.text(1) : ""))
        }
        let scored = judgements
        let merge = try context.attempt(node) { try store.declareJudgements(of: voorstel, by: beoordelaar, scored, replace: node.flag("vervang")) }
        return "Beoordeling van \(voorstel.id) door \(beoordelaar): " + describe(merge) + ".\n"
    }

    /// "criterium D bijgewerkt; A, B, C ongewijzigd".
    static func describe(_ merge: VoorstelStore.Merge) -> String {
        func letters(_ list: [String]) -> String { list.joined(separator: ", ") }
        var parts: [String] = []
        if !merge.new.isEmpty { parts.append("\(merge.new.count == 1 ? "criterium" : "criteria") \(letters(merge.new)) nieuw") }
        if !merge.changed.isEmpty { parts.append("\(merge.changed.count == 1 ? "criterium" : "criteria") \(letters(merge.changed)) bijgewerkt") }
        if !merge.removed.isEmpty { parts.append("\(letters(merge.removed)) weggehaald (vervang=ja)") }
        let same = (merge.unchanged + merge.kept).sorted()
        if !same.isEmpty { parts.append("\(letters(same)) ongewijzigd") }
        return parts.isEmpty ? "niets veranderd" : parts.joined(separator: "; ")
    }

    static let beoordelingen = Command(
        "beoordelingen", task: .raadsvoorstellen,
        schema: NodeSchema("beoordelingen", summary: "Zet de beoordelingen van alle beoordelaars van een voorstel naast elkaar, met de verschillen.",
                           arguments: [voorstelId])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 0, in: store)
        let judgements = try context.attempt(node) { try store.judgements(of: voorstel) }
        return VoorstelTextRenderer(style: context.style).sideBySide(voorstel, judgements, GuidedReview.criteria(from: context.library))
    }

    static let vragen = Command(
        "vragen", task: .raadsvoorstellen,
        schema: NodeSchema("vragen", summary: "Maakt technische vragen aan het college voor elk criterium dat onder voldoende scoort.",
                           arguments: [voorstelId], fields: [.optional("door", .text, help: "alleen de scores van deze beoordelaar")])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 0, in: store)
        var judgements = try context.attempt(node) { try store.judgements(of: voorstel) }
        if let door = node.optionalText("door") { judgements = judgements.filter { $0.beoordelaar == door } }
        return VoorstelTextRenderer(style: context.style).questions(voorstel, judgements, GuidedReview.criteria(from: context.library))
    }

    static let analyseer = Command(
        "analyseer", task: .raadsvoorstellen,
        schema: NodeSchema("analyseer", summary: "Legt de tekst van een voorstel langs de criteria A–F, met een leeswijzer (besluit, kosten, rol van de raad, doelen, participatie, termijnen); met `naar \"….html\"` of `.md` als document om te printen.",
                           arguments: [voorstelId, .optional("naar", .choice(["naar"]), help: "het woord `naar`"),
                                       .optional("pad", .text, help: "het bestand: .html, .pdf of .md")],
                           fields: [ExportTarget.overschrijf])
    ) { node, context throws(Diagnostic) in
        let store = try context.voorstellen(node)
        let voorstel = try context.voorstel(node, argument: 0, in: store)
        guard let analyzer = Analyzer(library: context.library) else {
            throw .error("er zijn geen analyseregels in de inhoud", hint: "controleer de inhoud met `lijst alles`", at: node.nameSpan)
        }
        let criteria = GuidedReview.criteria(from: context.library)
        let result = analyzer.analyze(voorstel.tekst, name: "\(voorstel.id) ‘\(voorstel.titel)’")
        guard node.arguments.count > 1 else { return AnalysisRenderer.text(result, criteria: criteria, style: context.style) }
        guard node.arguments.count == 3 else {
            throw .error("na `naar` hoort een bestandsnaam", hint: "bijvoorbeeld `analyseer \(voorstel.id) naar \"leeswijzer.html\"`", at: node.arguments[1].span)
        }
        guard let path = try context.exportPath(node, argument: 2) else { return "Niets geschreven.\n" }
        let span = node.arguments[2].span
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm":
            try FileOutput.write(AnalysisRenderer.html(result, criteria: criteria), to: path, at: span)
        case "pdf":
            try PDFRenderer.write(html: AnalysisRenderer.html(result, criteria: criteria), to: path, at: span)
        case "md", "markdown":
            try FileOutput.write(AnalysisRenderer.markdown(result, criteria: criteria), to: path, at: span)
        case let ext:
            throw .error(ext.isEmpty ? "`\(path)` heeft geen extensie die het soort bestand noemt" : "onbekend soort bestand `\(ext)`",
                         hint: "kies een naam die eindigt op .html, .pdf of .md", at: span)
        }
        return "Leeswijzer van \(voorstel.id) geschreven naar \(path).\n"
    }
}
