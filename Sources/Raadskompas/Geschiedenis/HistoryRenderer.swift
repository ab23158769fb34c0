import Foundation
import KompasDSL

/// The history as terminal text: numbered changes, newest first, each with what it changed.
struct HistoryRenderer {
    let style: TextStyle

    /// The fields that name a row of each table, in the order they are shown.
    static let naming: [String: (label: String, fields: [String])] = [
        "werkblad": ("werkblad", ["naam"]),
        "item": ("antwoord", ["stap", "kant", "volgorde"]),
        "koppeling": ("koppeling", ["waarde"]),
        "voorstel": ("voorstel", ["id"]),
        "beoordeling": ("beoordeling", ["voorstelId", "beoordelaar", "criterium"]),
        "adviesraad": ("adviesraad", ["id"]),
        "advies": ("advies", ["id"]),
        "aanbeveling": ("aanbeveling", ["adviesId", "nummer"]),
        "eigenindicator": ("eigen indicator", ["id"]),
        "aanbevelingindicator": ("koppeling met indicator", ["adviesId", "nummer", "indicator"]),
        "duiding": ("duiding", ["indicator", "periode", "gebied"]),
        "metingimport": ("import van metingen", ["pad"]),
        "instelling": ("instelling", ["sleutel"]),
    ]

    /// Columns that change with every edit and say nothing to the user.
    static let bookkeeping: Set<String> = ["gewijzigd", "geimporteerd", "hash", "positie", "aangemaakt", "regels"]

    /// Whether a column is bookkeeping in `table`: the date of an import run is, a voorstel's datum is not.
    static func isBookkeeping(_ column: String, in table: String) -> Bool {
        bookkeeping.contains(column) || table == "metingimport" && column == "datum"
    }

    func render(_ changes: [HistoryStore.Change], total: Int, matching: String?) -> String {
        guard !changes.isEmpty else {
            return matching.map { "Er is geen geschiedenis van ‘\($0)’.\n" } ?? "Er is nog niets veranderd in deze database.\n"
        }
        var out = [style.bold(matching.map { "Geschiedenis van ‘\($0)’" } ?? "Geschiedenis") + style.dim(" (nieuwste eerst; \(total.grouped) in totaal)")]
        for change in changes {
            out.append("")
            out += TextLayout.wrap(change.opdracht.replacingOccurrences(of: "\n", with: " "), width: style.width,
                                   first: style.accent("#\(change.id)") + "  " + style.dim(moment(change.tijd)) + "  ", rest: "      ")
            switch change.soort {
            case "ongedaan": out.append("      " + style.dim("maakte #\(change.herstelt.map(String.init) ?? "?") ongedaan"))
            case "herstel": out.append("      " + style.dim("zette terug wat er was vóór #\(change.herstelt.map(String.init) ?? "?")"))
            default: break
            }
            if let by = change.ongedaanDoor { out.append("      " + style.bold("teruggedraaid door #\(by)")) }
            let lines = change.rows.prefix(8).map(describe)
            for line in lines { out += TextLayout.wrap(line, width: style.width, first: "      • ", rest: "        ") }
            let rest = change.rowCount - lines.count
            if rest > 0 { out.append("      " + style.dim("… en nog \(rest.grouped) \(rest == 1 ? "regel" : "regels")")) }
            if change.metingen > 0 { out.append("      • \(change.metingen.grouped) eerdere \(change.metingen == 1 ? "meting" : "metingen") bewaard") }
        }
        out.append("")
        out += TextLayout.wrap("`ongedaan` maakt de laatste wijziging ongedaan; `herstel N` zet terug wat er was vóór wijziging N.", width: style.width).map(style.dim)
        return out.joined(separator: "\n") + "\n"
    }

    func describe(_ entry: HistoryStore.Entry) -> String {
        phrase(entry, undone: false)
    }

    /// What undoing `entry` did, in words.
    func describeUndo(_ entry: HistoryStore.Entry) -> String {
        phrase(entry, undone: true)
    }

    /// One row of a change in words: what the change did, or what undoing it did.
    private func phrase(_ entry: HistoryStore.Entry, undone: Bool) -> String {
        let naming = HistoryRenderer.naming[entry.tabel] ?? (entry.tabel, [])
        let image = (undone ? entry.voor ?? entry.na : entry.na ?? entry.voor) ?? [:]
        let name = naming.fields.compactMap { image[$0] }.map(HistoryStore.display).joined(separator: " · ")
        let subject = naming.label + (name.isEmpty ? "" : " \(name)")
        switch (entry.voor, entry.na) {
        case (nil, _): return subject + (undone ? ": weer weg" : ": nieuw")
        case (_, nil): return subject + (undone ? ": weer terug" : ": weg")
        case (let before?, let after?):
            let changed = before.keys.sorted().filter { before[$0] != after[$0] && !HistoryRenderer.isBookkeeping($0, in: entry.tabel) }
            guard !changed.isEmpty else { return subject + (undone ? ": zoals het was" : ": bijgewerkt") }
            return subject + ": " + changed.map { column in
                let (old, new) = HistoryRenderer.difference(before[column], after[column])
                return undone ? "\(column) weer \(old)" : "\(column) \(old) → \(new)"
            }.joined(separator: ", ")
        }
    }

    private func short(_ literal: String?) -> String {
        HistoryRenderer.quoted(literal.map(HistoryStore.display) ?? "leeg")
    }

    /// A text on one line, shortened to 40 characters.
    static func quoted(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
        return line.count > 40 ? "‘" + line.prefix(37) + "…’" : "‘\(line)’"
    }

    /// Before and after of one column, shown where they differ: two long texts that start alike
    /// (a voorstel's tekst) are shown from a little before their first difference.
    static func difference(_ before: String?, _ after: String?) -> (String, String) {
        let old = before.map(HistoryStore.display) ?? "leeg", new = after.map(HistoryStore.display) ?? "leeg"
        let a = Array(old), b = Array(new)
        var first = 0
        while first < a.count, first < b.count, a[first] == b[first] { first += 1 }
        guard a.count > 40 || b.count > 40, first >= 30, a != b else { return (quoted(old), quoted(new)) }
        let start = first - 10
        return ("…" + quoted(String(a[start...])), "…" + quoted(String(b[start...])))
    }

    private func moment(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        let day = DateValue(date).dutch
        return day + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
