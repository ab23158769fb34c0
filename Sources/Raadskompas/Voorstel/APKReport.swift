import Foundation
import KompasDSL
import Plot

/// The griffie's "APK voor raadsvoorstellen": every voorstel in a period with its scores, the
/// distribution per criterion, the weakest criteria, the trend per quarter and the picture per
/// portefeuille. Scores are the beoordelaars' own (averaged when there are several); n.v.t. is left out.
public struct APKReport: Sendable {
    public struct Row: Sendable {
        public let voorstel: Voorstel
        /// Average score per criterion letter; absent when nobody scored it (or all said n.v.t.).
        public let scores: [String: Double]
        public let reviewers: [String]
    }

    public let from: DateValue
    public let to: DateValue
    public let rows: [Row]
    public let unscored: [Voorstel]
    /// Scored voorstellen without a datum: they cannot be placed in the period, so they are left
    /// out, and every form of the report says so.
    public let undated: [Voorstel]
    public let letters: [String]
    public let titles: [String: String]

    public init(from: DateValue, to: DateValue, voorstellen: [Voorstel], judgements: [Beoordeling], criteria: [GuidedReview.Criterion]) {
        self.from = from
        self.to = to
        letters = criteria.map(\.letter)
        titles = Dictionary(criteria.map { ($0.letter, $0.title) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        var unscored: [Voorstel] = []
        var undated: [Voorstel] = []
        for voorstel in voorstellen.sorted(by: { ($0.datum ?? "", $0.id) < ($1.datum ?? "", $1.id) }) {
            let own = judgements.filter { $0.voorstelId == voorstel.id }
            guard let datum = voorstel.datum else {
                if !own.isEmpty { undated.append(voorstel) }
                continue
            }
            guard datum >= from.description, datum <= to.description else { continue }
            if own.isEmpty {
                unscored.append(voorstel)
                continue
            }
            var scores: [String: Double] = [:]
            for letter in criteria.map(\.letter) {
                let values = own.filter { $0.criterium == letter && !$0.nvt }.compactMap(\.score)
                if !values.isEmpty { scores[letter] = Double(values.reduce(0, +)) / Double(values.count) }
            }
            rows.append(Row(voorstel: voorstel, scores: scores, reviewers: Array(Set(own.map(\.beoordelaar))).sorted()))
        }
        self.rows = rows
        self.unscored = unscored
        self.undated = undated
    }

    /// "3 voorstellen niet meegeteld: geen datum (rv-1, rv-2, rv-3) — …", or nil.
    public var leftOut: String? {
        guard !undated.isEmpty else { return nil }
        let ids = undated.prefix(10).map(\.id).joined(separator: ", ") + (undated.count > 10 ? ", …" : "")
        return "\(undated.count) beoordeelde \(undated.count == 1 ? "voorstel" : "voorstellen") niet meegeteld: geen datum (\(ids)). "
            + "Geef de datum met `voorstel wijzig \(undated[0].id) datum=2026-03-12`."
    }

    public func average(_ letter: String, in rows: [Row]? = nil) -> Double? {
        let values = (rows ?? self.rows).compactMap { $0.scores[letter] }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// How many voorstellen scored 0, 1, 2, 3 (rounded average) on a criterion.
    public func distribution(_ letter: String) -> [Int] {
        var counts = [0, 0, 0, 0]
        for row in rows { if let s = row.scores[letter] { counts[min(3, max(0, Int(s.rounded())))] += 1 } }
        return counts
    }

    public var weakest: [(letter: String, average: Double)] {
        letters.compactMap { l in average(l).map { (l, $0) } }.sorted { $0.1 < $1.1 }
    }

    /// "2026-K1" … per quarter, in order, with their rows.
    public var quarters: [(name: String, rows: [Row])] {
        var order: [String] = []
        var grouped: [String: [Row]] = [:]
        for row in rows {
            guard let datum = row.voorstel.datum, datum.count >= 7, let month = Int(datum.dropFirst(5).prefix(2)) else { continue }
            let name = "\(datum.prefix(4))-K\((month - 1) / 3 + 1)"
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append(row)
        }
        return order.sorted().map { ($0, grouped[$0] ?? []) }
    }

    public var portefeuilles: [(name: String, rows: [Row])] {
        Dictionary(grouping: rows) { $0.voorstel.portefeuille.isEmpty ? "(geen portefeuille)" : $0.voorstel.portefeuille }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    // MARK: - Text

    public func text(style: TextStyle) -> String {
        var out = [style.heading("APK voor raadsvoorstellen, \(from.dutch) tot en met \(to.dutch)")]
        out.append("\(rows.count) beoordeelde \(rows.count == 1 ? "voorstel" : "voorstellen")" + (unscored.isEmpty ? "" : "; nog niet beoordeeld: " + unscored.map(\.id).joined(separator: ", ")))
        if let leftOut { out += TextLayout.wrap("⚠ " + leftOut, width: style.width).map(style.bold) }
        guard !rows.isEmpty else { return out.joined(separator: "\n") + "\n" }
        out.append("")
        out.append(style.bold("Per criterium") + style.dim("  (gemiddelde; aantallen met score 0 / 1 / 2 / 3)"))
        for letter in letters {
            let d = distribution(letter)
            out.append("  \(letter) " + APKReport.format(average(letter)).padded(to: 5) + "  \(d[0]) / \(d[1]) / \(d[2]) / \(d[3])  " + style.dim(titles[letter] ?? ""))
        }
        if let worst = weakest.first {
            out.append("")
            out.append("Zwakste criterium: \(worst.letter) (\(titles[worst.letter] ?? "")), gemiddeld \(APKReport.format(worst.average)).")
        }
        out.append("")
        out.append(style.bold("Per kwartaal"))
        for quarter in quarters {
            out.append("  \(quarter.name)  " + letters.map { "\($0) \(APKReport.format(average($0, in: quarter.rows)))" }.joined(separator: "  "))
        }
        out.append("")
        out.append(style.bold("Per portefeuille"))
        for group in portefeuilles {
            let weakest = letters.compactMap { l in average(l, in: group.rows).map { (l, $0) } }.min { $0.1 < $1.1 }
            out += TextLayout.wrap("\(group.name): \(group.rows.count) \(group.rows.count == 1 ? "voorstel" : "voorstellen")" + (weakest.map { ", zwakst \($0.0) (\(APKReport.format($0.1)))" } ?? ""),
                                   width: style.width, first: "  ", rest: "    ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - CSV and Markdown

    /// One row per voorstel and criterion. Cells that a spreadsheet would read as a formula are
    /// neutralised with a leading apostrophe.
    public func csv() -> String {
        var lines = ["id;titel;datum;portefeuille;criterium;gemiddelde_score;beoordelaars"]
        // A spreadsheet has no place for a remark above the table: the voorstellen left out get a
        // row each, at the end, with the reason in the score column.
        for row in rows {
            for letter in letters {
                let cells = [row.voorstel.id, row.voorstel.titel, row.voorstel.datum ?? "", row.voorstel.portefeuille, letter,
                             row.scores[letter].map { APKReport.format($0) } ?? "", row.reviewers.joined(separator: ", ")]
                lines.append(cells.map(APKReport.cell).joined(separator: ";"))
            }
        }
        for voorstel in undated {
            let cells = [voorstel.id, voorstel.titel, "", voorstel.portefeuille, "", "niet meegeteld: geen datum", ""]
            lines.append(cells.map(APKReport.cell).joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ value: String) -> String {
        SafeText.csvCell(value)
    }

    public func markdown() -> String {
        var out = ["# APK voor raadsvoorstellen", "", "Periode: \(from.dutch) tot en met \(to.dutch). Beoordeeld: \(rows.count) voorstellen.", ""]
        if let leftOut { out += ["> " + WerkbladExport.escape(leftOut), ""] }
        out.append("| Criterium | Gemiddeld | 0 | 1 | 2 | 3 |")
        out.append("|---|---|---|---|---|---|")
        for letter in letters {
            let d = distribution(letter)
            out.append("| \(letter). \(WerkbladExport.escape(titles[letter] ?? "")) | \(APKReport.format(average(letter))) | \(d[0]) | \(d[1]) | \(d[2]) | \(d[3]) |")
        }
        out += ["", "## Voorstellen", "", "| Voorstel | Datum | Portefeuille | " + letters.joined(separator: " | ") + " |",
                "|---|---|---|" + letters.map { _ in "---|" }.joined()]
        for row in rows {
            out.append("| \(WerkbladExport.escape(row.voorstel.id)) \(WerkbladExport.escape(row.voorstel.titel)) | \(row.voorstel.datum ?? "") | \(WerkbladExport.escape(row.voorstel.portefeuille)) | "
                       + letters.map { APKReport.format(row.scores[$0]) }.joined(separator: " | ") + " |")
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - HTML with inline SVG

    public func html() -> String {
        let chart = barChart()
        let page = HTML(
            .lang(.dutch),
            ReportHTML.head("APK voor raadsvoorstellen", print: " h2 { break-before: page; }"),
            .body(
                .h1("APK voor raadsvoorstellen"),
                .p(.text("Periode: \(from.dutch) tot en met \(to.dutch). Beoordeeld: \(rows.count) voorstellen"
                         + (unscored.isEmpty ? "." : "; nog niet beoordeeld: \(unscored.count)."))),
                .if(leftOut != nil, .p(.class("let-op"), .text(leftOut ?? ""))),
                .raw(chart),
                .table(
                    .tr(.th("Criterium"), .th("Gemiddeld"), .th("0"), .th("1"), .th("2"), .th("3")),
                    .forEach(letters) { letter in
                        let d = distribution(letter)
                        return .tr(.td(.text("\(letter). \(titles[letter] ?? "")")), .td(.text(APKReport.format(average(letter)))),
                                   .td(.text("\(d[0])")), .td(.text("\(d[1])")), .td(.text("\(d[2])")), .td(.text("\(d[3])")))
                    }
                ),
                .h2("Per kwartaal"),
                .table(
                    .tr(.th("Kwartaal"), .forEach(letters) { .th(.text($0)) }),
                    .forEach(quarters) { quarter in .tr(.td(.text(quarter.name)), .forEach(letters) { .td(.text(APKReport.format(average($0, in: quarter.rows)))) }) }
                ),
                .h2("Per portefeuille"),
                .table(
                    .tr(.th("Portefeuille"), .th("Voorstellen"), .forEach(letters) { .th(.text($0)) }),
                    .forEach(portefeuilles) { group in
                        .tr(.td(.text(group.name)), .td(.text("\(group.rows.count)")), .forEach(letters) { .td(.text(APKReport.format(average($0, in: group.rows)))) })
                    }
                ),
                .h2("Voorstellen"),
                .table(
                    .tr(.th("Voorstel"), .th("Datum"), .forEach(letters) { .th(.text($0)) }),
                    .forEach(rows) { row in
                        .tr(.td(.text("\(row.voorstel.id) — \(row.voorstel.titel)")), .td(.text(row.voorstel.datum ?? "")),
                            .forEach(letters) { .td(.text(APKReport.format(row.scores[$0]))) })
                    }
                )
            )
        )
        return page.render(indentedBy: .spaces(2)) + "\n"
    }

    /// Average per criterion as bars, in SVG built from numbers only (no user text inside).
    func barChart() -> String {
        let width = 520, barHeight = 22, gap = 8, left = 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Gemiddelde score per criterium\" width=\"\(width)\" height=\"\((barHeight + gap) * letters.count + 10)\">"
        for (i, letter) in letters.enumerated() {
            let value = average(letter) ?? 0
            let y = i * (barHeight + gap) + 5
            let length = Int(Double(width - left - 60) * value / 3)
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"14\">\(letter)</text>"
            svg += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"#0b5c8a\"/>"
            svg += "<text x=\"\(left + length + 6)\" y=\"\(y + 16)\" font-size=\"13\">\(APKReport.format(average(letter)))</text>"
        }
        return svg + "</svg>"
    }
}
