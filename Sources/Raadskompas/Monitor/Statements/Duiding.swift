import Foundation
import KompasDSL

/// Duiding of an indicator with the questions a–d: guided (`duid`) or in a script (`duiding`).
extension Command {
    static let duidingVelden: [Slot] = [
        Slot("periode", .any, help: "de periode, bijvoorbeeld 2024, 2024-K2 of 2024-05"),
        .optional("gebied", .word, help: "het gebied, bijvoorbeeld GM0363"),
        .optional("door", .text, help: "wie duidt, bijvoorbeeld \"raad\" of een fractie"),
    ]

    static let duidingAntwoorden: [NodeSchema] = Duiding.letters.map { letter in
        NodeSchema(letter, summary: "Het antwoord op duidingsvraag \(letter).", arguments: [Slot("tekst", .text, help: "het antwoord")])
    }

    static let duid = Command(
        "duid", task: .adviezenEnCijfers, guided: true,
        schema: NodeSchema("duid", summary: "Duidt een indicator voor een periode met de vier duidingsvragen a–d; elk antwoord wordt meteen bewaard.",
                           arguments: [indicatorArgument], fields: duidingVelden)
    ) { node, context throws(Diagnostic) in
        let (monitor, indicator, duiding) = try startDuiding(node, context)
        let conversation = try context.conversation(for: node, statement: "duid",
                                                    script: "`duiding \(indicator.id) periode=\(duiding.periode) { a \"…\" b \"…\" c \"…\" d \"…\" }`")
        let gebied = duiding.gebied
        let report = try context.indicatorReport(node, indicator, gebied: gebied.isEmpty ? nil : gebied, full: true)
        let guided = GuidedDuiding(questions: GuidedDuiding.questions(from: context.library), style: context.style, conversation: conversation) { record throws(Diagnostic) in
            try context.attempt(node) { try monitor.save(record) }
        }
        try guided.run(duiding, context: report)
        return ""
    }

    static let duiding = Command(
        "duiding", task: .adviezenEnCijfers,
        schema: NodeSchema("duiding", summary: "Legt een duiding vast: `duiding ID periode=2024 { a \"…\" b \"…\" c \"…\" d \"…\" }`.",
                           arguments: [indicatorArgument], fields: duidingVelden,
                           children: duidingAntwoorden.map { schema in ChildRule(schema.name, max: 1) { schema } })
    ) { node, context throws(Diagnostic) in
        let (monitor, indicator, start) = try startDuiding(node, context)
        var duiding = start
        for child in node.children { duiding[child.name] = child.text(0) }
        duiding.gewijzigd = Date()
        let record = duiding
        try context.attempt(node) { try monitor.save(record) }
        return "Duiding van \(indicator.id) voor \(duiding.periode)\(duiding.gebied.isEmpty ? "" : " in \(duiding.gebied)") opgeslagen.\n"
    }

    /// The indicator, and the duiding stored for its periode and gebied (or a new one).
    private static func startDuiding(_ node: Node, _ context: CommandContext) throws(Diagnostic) -> (MonitorStore, IndicatorCatalog.Entry, Duiding) {
        let monitor = try context.monitor(node)
        let indicator = try context.indicator(node.text(0), at: node.arguments[0].span, in: context.catalog(node))
        let rawPeriod = node.field("periode").map { value -> String in
            // 2025.5 is no period: only a whole year is read as one.
            if case .number(let n) = value, n.isFinite, abs(n) < 1e9, n == n.rounded() { return String(Int(n)) }
            return value.displayText
        } ?? ""
        guard let periode = Periode.normalize(rawPeriod) else {
            throw .error("`\(rawPeriod)` is geen periode", hint: "schrijf een jaar (2024), een kwartaal (\"2024-K2\") of een maand (\"2024-05\")",
                         at: node.span(of: "periode"))
        }
        let typed = node.fieldText("gebied"), door = node.fieldText("door")
        let gebied = typed.isEmpty ? "" : try context.gebied(typed, at: node.span(of: "gebied"), merged: true).code
        let existing = try context.attempt(node) { try monitor.duiding(indicator: indicator.id, gebied: gebied, periode: periode) }
        var duiding = existing ?? Duiding(indicator: indicator.id, gebied: gebied, periode: periode, a: "", b: "", c: "", d: "", door: door, gewijzigd: Date())
        if !door.isEmpty { duiding.door = door }
        return (monitor, indicator, duiding)
    }
}
