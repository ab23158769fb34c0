import Foundation
import GRDB
import KompasDSL

/// The settings of a database: `instelling gemeente="Almere" vergelijk=["Nederland"]`.
public struct Instellingen: Sendable, Equatable {
    /// The code of "mijn gemeente" (GM0034), or nil.
    public var gemeente: String?
    /// The codes to compare with; by default Nederland (NL01).
    public var vergelijk: [String]

    public static let standaardVergelijk = ["NL01"]

    /// The gebieden views show: mijn gemeente and the comparison; empty when no gemeente is set.
    public var focus: [String] {
        guard let gemeente else { return [] }
        return [gemeente] + vergelijk.filter { $0 != gemeente }
    }

    public static func load(_ db: Database) throws -> Instellingen {
        let rows = try Row.fetchAll(db, sql: "SELECT sleutel, waarde FROM instelling")
        let values = Dictionary(rows.map { ($0["sleutel"] as String, $0["waarde"] as String) }, uniquingKeysWith: { a, _ in a })
        let vergelijk = values["vergelijk"].map { $0.split(separator: ",").map(String.init).filter { !$0.isEmpty } } ?? standaardVergelijk
        return Instellingen(gemeente: values["gemeente"], vergelijk: vergelijk)
    }

    public func save(_ db: Database) throws {
        if let gemeente {
            try db.execute(sql: "INSERT INTO instelling (sleutel, waarde) VALUES ('gemeente', ?) ON CONFLICT(sleutel) DO UPDATE SET waarde = excluded.waarde WHERE waarde IS NOT excluded.waarde", arguments: [gemeente])
        } else {
            try db.execute(sql: "DELETE FROM instelling WHERE sleutel = 'gemeente'")
        }
        if vergelijk == Instellingen.standaardVergelijk {
            try db.execute(sql: "DELETE FROM instelling WHERE sleutel = 'vergelijk'")
        } else {
            try db.execute(sql: "INSERT INTO instelling (sleutel, waarde) VALUES ('vergelijk', ?) ON CONFLICT(sleutel) DO UPDATE SET waarde = excluded.waarde WHERE waarde IS NOT excluded.waarde",
                           arguments: [vergelijk.joined(separator: ",")])
        }
    }
}

extension CommandContext {
    /// A gebied a user typed: a code or a name, one gemeente for one name. A gemeente merged away
    /// is refused where a gebied is chosen for now (`instelling`, a target), and accepted where
    /// its figures from before are looked at (`merged`: `metingen`, `rapport`, `duid`).
    func gebied(_ text: String, at span: SourceSpan?, merged: Bool = false) throws(Diagnostic) -> Gebied {
        switch gebieden.lookup(text) {
        case .found(let gebied):
            if !merged, gebied.soort == .opgeheven, let opgeheven = gebied.opgeheven {
                let successors = opgeheven.in.map(gebieden.weergave).joined(separator: ", ")
                throw .error("\(gebied.weergave) bestaat sinds \(opgeheven.jaar) niet meer; de gemeente is opgegaan in \(successors)",
                             hint: "kies de gemeente van nu", at: span)
            }
            return gebied
        case .unlisted(let code, let soort):
            return Gebied(code: code, naam: code, soort: soort, label: nil, binnen: nil, opgeheven: nil)
        case .ambiguous(let options):
            throw .error("`\(text)` kan meer gebieden zijn: " + options.map { "\($0.label ?? $0.naam) (\($0.code))" }.joined(separator: ", "),
                         hint: "schrijf de code, bijvoorbeeld \(options[0].code)", at: span)
        case .unknown(let suggestions):
            throw .error("gebied `\(text)` is onbekend", hint: suggestions.first.map { "bedoelde je `\($0)`?" } ?? "schrijf de naam van een gemeente of een CBS-code als GM0034; `gebied \"naam\"` zoekt er een op", at: span)
        }
    }

    /// The settings of the database; none when there is no database yet.
    func instellingen(_ node: Node) throws(Diagnostic) -> Instellingen {
        let store = try store(for: node)
        return try attempt(node) { try store.read { db in try Instellingen.load(db) } }
    }
}

extension Command {
    static let instelling = Command(
        "instelling", task: .adviezenEnCijfers,
        schema: NodeSchema("instelling", summary: "Kiest ‘mijn gemeente’ en de gebieden om mee te vergelijken; metingen, rapport, advies toon en werkblad voortgang laten dan die zien. Zonder velden: de instellingen nu.",
                           fields: [.optional("gemeente", .word, help: "de naam of code van je gemeente, bijvoorbeeld \"Almere\"; gemeente=geen haalt de keuze weg"),
                                    .optional("vergelijk", .any, help: "gebieden om mee te vergelijken: \"Nederland\" of [\"Nederland\", \"Flevoland\"]; standaard Nederland")])
    ) { node, context throws(Diagnostic) in
        let store = try context.store(for: node)
        var settings = try context.instellingen(node)
        let before = settings
        if let text = node.optionalText("gemeente") {
            if ["geen", "-"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) {
                settings.gemeente = nil
            } else {
                let gebied = try context.gebied(text, at: node.span(of: "gemeente"))
                guard gebied.soort == .gemeente else {
                    throw .error("\(gebied.weergave) is geen gemeente maar een \(gebied.soort.woord)", hint: "kies een gemeente; een provincie of Nederland kan bij vergelijk=", at: node.span(of: "gemeente"))
                }
                settings.gemeente = gebied.code
            }
        }
        if let value = node.field("vergelijk") {
            let texts: [String]
            if case .list(let items) = value { texts = items.map(\.displayText) } else { texts = value.displayText.split(separator: ",").map(String.init) }
            var codes: [String] = []
            for text in texts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
                codes.append(try context.gebied(text, at: node.span(of: "vergelijk")).code)
            }
            settings.vergelijk = codes
        }
        if settings != before {
            try context.attempt(node) { try store.write { db in try settings.save(db) } }
        }
        let g = context.gebieden
        var lines: [String] = []
        if let gemeente = settings.gemeente {
            lines.append("Mijn gemeente: \(g.weergave(gemeente))" + (settings.vergelijk.isEmpty ? ", zonder vergelijking." : "; vergelijken met " + settings.vergelijk.map(g.weergave).joined(separator: ", ") + "."))
            lines.append("metingen, rapport, advies toon en werkblad voortgang laten die gebieden zien; een ander gebied kies je met gebied=\"…\".")
        } else {
            lines.append("Er is geen gemeente gekozen: metingen en rapport laten alle gebieden zien. Kies er een met instelling gemeente=\"…\".")
        }
        let changed = settings != before ? "Instelling opgeslagen. " : ""
        return changed + lines.joined(separator: "\n") + "\n"
    }

    static let gebiedToon = Command(
        "gebied", task: .adviezenEnCijfers,
        schema: NodeSchema("gebied", summary: "Zoekt een gebied op naam of CBS-code: gemeente, provincie, Nederland, of een gemeente die is opgegaan in een andere.",
                           arguments: [Slot("naam", .word, help: "de naam of code, bijvoorbeeld \"Almere\" of GM0034")])
    ) { node, context throws(Diagnostic) in
        let text = node.text(0)
        let g = context.gebieden
        let gebied: Gebied
        switch g.lookup(text) {
        case .found(let found): gebied = found
        case .unlisted(let code, let soort):
            return "\(code): een \(soort.woord); Raadskompas kent de naam niet. Eigen namen voeg je toe als inhoud (docs/inhoud.md).\n"
        default:
            gebied = try context.gebied(text, at: node.arguments[0].span)
        }
        var line = "\(gebied.weergave): \(gebied.soort.woord)"
        if let binnen = gebied.binnen { line += " in \(g.weergave(binnen))" }
        if let label = gebied.label { line += "; in StatLine: “\(label)”" }
        if let opgeheven = gebied.opgeheven {
            line += "; sinds \(opgeheven.jaar) opgegaan in " + opgeheven.in.map(g.weergave).joined(separator: ", ")
        }
        return line + ".\n" + (g.bronnen.isEmpty ? "" : "Bron: " + g.bronnen.joined(separator: "; ") + "\n")
    }
}
