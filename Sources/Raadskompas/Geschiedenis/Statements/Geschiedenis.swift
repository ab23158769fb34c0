import Foundation
import KompasDSL

/// `geschiedenis [ID]`, `ongedaan`, `herstel N`.
extension Command {
    static let geschiedenis = Command(
        "geschiedenis", task: .gegevens,
        schema: NodeSchema("geschiedenis", summary: "Laat zien wat er veranderd is, nieuwste eerst en genummerd; met een id of naam alleen wat daarover gaat.",
                           arguments: [.optional("id", .word, help: "een voorstel, advies, werkblad, indicator of beoordelaar")],
                           fields: [.optional("aantal", .wholeNumber, help: "hoeveel wijzigingen (standaard 20)", range: 1...10_000)])
    ) { node, context throws(Diagnostic) in
        let history = try context.history(node)
        let matching = node.arguments.first.map { _ in node.text(0) }
        let limit = max(1, min(10_000, node.wholeNumber("aantal") ?? 20))
        // The total of what is listed: of this record when one is named, else of the database.
        let (changes, total) = try context.attempt(node) {
            (try history.changes(limit: limit, matching: matching), try matching.map { try history.count(matching: $0) } ?? history.count())
        }
        return HistoryRenderer(style: context.style).render(changes, total: total, matching: matching)
    }

    static let ongedaan = Command(
        "ongedaan", task: .gegevens,
        schema: NodeSchema("ongedaan", summary: "Maakt de laatste wijziging ongedaan (nog een keer: de wijziging daarvoor), of met een nummer alleen die wijziging. Ook dit komt in de geschiedenis.",
                           arguments: [.optional("nummer", .wholeNumber, help: "alleen wijziging N ongedaan maken (uit `geschiedenis`); latere wijzigingen blijven")])
    ) { node, context throws(Diagnostic) in
        let history = try context.history(node)
        let number = node.arguments.isEmpty ? nil : Int64(node.int(0))
        let (undone, undo, ownLatest) = try context.attempt(at: node.arguments.first?.span ?? node.nameSpan) { try history.undoLast(number: number) }
        let renderer = HistoryRenderer(style: context.style)
        var out = ["Wijziging #\(undone.id) ongedaan gemaakt (\(undone.opdracht.prefix(60).replacingOccurrences(of: "\n", with: " "))\(undone.opdracht.count > 60 ? "…" : ""))."]
        out += undone.rows.reversed().prefix(6).map { "  • " + renderer.describeUndo($0) }
        if undone.rows.count > 6 { out.append("  … en nog \(undone.rows.count - 6)") }
        if let ownLatest {
            out.append("Let op: dit was een wijziging uit een andere sessie (een andere shell of een script), niet jouw laatste wijziging (#\(ownLatest)).")
        }
        out.append("Spijt? `herstel \(undo)` zet het weer terug.")
        return out.joined(separator: "\n") + "\n"
    }

    static let herstel = Command(
        "herstel", task: .gegevens,
        schema: NodeSchema("herstel", summary: "Zet terug wat er was vóór wijziging N (uit `geschiedenis`): alles vanaf N wordt teruggedraaid. Ook dit komt in de geschiedenis.",
                           arguments: [Slot("nummer", .wholeNumber, help: "het nummer van de wijziging, zonder #")])
    ) { node, context throws(Diagnostic) in
        let history = try context.history(node)
        let number = node.int(0)
        let (reverted, herstel) = try context.attempt(at: node.arguments[0].span) { try history.restore(before: Int64(number)) }
        // A long herstel names its first and last changes, not thousands of numbers.
        let numbers = reverted.count <= 12 ? "#" + reverted.map { String($0.id) }.joined(separator: ", #")
            : "#" + reverted.prefix(10).map { String($0.id) }.joined(separator: ", #") + " … en nog \(reverted.count - 11), tot en met #\(reverted.last!.id)"
        return "Teruggezet wat er was vóór wijziging #\(number): \(reverted.count) \(reverted.count == 1 ? "wijziging" : "wijzigingen") teruggedraaid "
            + "(\(numbers)). Dit is wijziging #\(herstel); `ongedaan` maakt het ongedaan.\n"
    }
}

extension HistoryStore.Failure: ReportableFailure {
    public func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .nothingToUndo:
            .error("er is niets om ongedaan te maken", hint: "`geschiedenis` laat zien wat er veranderd is", at: span)
        case .noSuchChange(let number, let newest):
            .error("er is geen wijziging #\(number)",
                   hint: newest.map { "kies een nummer uit `geschiedenis` (de nieuwste is #\($0))" } ?? "er is nog niets veranderd in deze database", at: span)
        case .conflict(let change, let tabel, let sleutel):
            .error("wijziging #\(change) kan niet worden teruggedraaid: \(HistoryRenderer.naming[tabel]?.label ?? tabel) \(sleutel) is sindsdien buiten Raadskompas om veranderd",
                   hint: "er is niets veranderd; bekijk `geschiedenis`, of maak een reservekopie en herstel een eerdere", at: span)
        case .damaged(let change):
            .error("de geschiedenis van wijziging #\(change) is beschadigd", hint: "er is niets veranderd; maak een reservekopie met `reservekopie naar \"kopie.sqlite\"`", at: span)
        case .store(let error):
            .error(error.message, hint: error.hint, at: span)
        case .alreadyUndone(let change, let by):
            .error("wijziging #\(change) is al ongedaan gemaakt (door #\(by))", hint: "spijt daarvan? `herstel \(by)` zet het terug (met wat daarna veranderde)", at: span)
        case .undoOfUndo(let change):
            .error("wijziging #\(change) is zelf een ongedaan", hint: "zet terug wat die ongedaan maakte met `herstel \(change)`, of kies een andere wijziging uit `geschiedenis`", at: span)
        case .laterChange(let change, let later, let tabel, let sleutel):
            .error("wijziging #\(change) kan niet alleen worden teruggedraaid: \(HistoryRenderer.naming[tabel]?.label ?? tabel) \(sleutel) is daarna nog veranderd door wijziging #\(later)",
                   hint: "er is niets veranderd; maak eerst #\(later) ongedaan (`ongedaan \(later)`), of zet alles vanaf #\(change) terug met `herstel \(change)`", at: span)
        }
    }
}

extension CommandContext {
    func history(_ node: Node) throws(Diagnostic) -> HistoryStore {
        HistoryStore(store: try store(for: node))
    }
}
