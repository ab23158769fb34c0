import Foundation
import GRDB
import KompasDSL
import Plot

/// The year overview of adviezen: the adviezen issued in a year, per soort and thema, what share
/// of the aanbevelingen the college took over, the reactietijd (average and longest), the reacties
/// that came (or are) too late, and the raadsvoorstellen of that year in the kerndomein without an advies.
public struct YearReport: Sendable {
    public struct Entry: Sendable {
        public let advies: Advies
        public let aanbevelingen: [Aanbeveling]
        public let status: Termijn.Status
        /// Days from uitgebracht to reactie ontvangen, when both are known.
        public let reactietijd: Int?
    }

    public let year: Int
    public let raad: String?
    public let entries: [Entry]
    public let withoutAdvies: [Voorstel]
    public let today: DateValue
    /// Adviezen (of this raad) without a date of issue: no year to count them in.
    public var undated: [Advies] = []
    /// Voorstellen without a datum: not checked for the kerndomein flag.
    public var undatedVoorstellen = 0

    /// What the report leaves out, and why, one sentence each.
    public var leftOut: [String] {
        var lines: [String] = []
        if !undated.isEmpty {
            let ids = undated.prefix(10).map(\.id).joined(separator: ", ") + (undated.count > 10 ? ", …" : "")
            lines.append("\(undated.count) \(undated.count == 1 ? "advies" : "adviezen") niet meegeteld: geen datum van uitbrengen (\(ids)). "
                         + "Geef die met `advies \(undated[0].id) uitgebracht=2026-03-12`.")
        }
        if undatedVoorstellen > 0 {
            lines.append("\(undatedVoorstellen) \(undatedVoorstellen == 1 ? "raadsvoorstel" : "raadsvoorstellen") zonder datum niet bekeken op een advies in het kerndomein. "
                         + "Geef de datum met `voorstel wijzig ID datum=…`.")
        }
        return lines
    }

    public static func load(_ db: Database, year: Int, raad: String?, kerndomein: Kerndomein, today: DateValue) throws -> YearReport {
        let raden = Dictionary(uniqueKeysWithValues: try Adviesraad.fetchAll(db).map { ($0.id, $0) })
        var request = Advies.filter(sql: "substr(uitgebracht, 1, 4) = ?", arguments: [String(format: "%04d", year)])
        if let raad { request = request.filter(Column("raad") == raad) }
        let adviezen = try request.order(Column("uitgebracht"), Column("id")).fetchAll(db)
        let entries = try adviezen.map { advies in
            let aanbevelingen = try Aanbeveling.filter(Column("adviesId") == advies.id).order(Column("nummer")).fetchAll(db)
            var tijd: Int?
            if let issued = advies.uitgebracht.flatMap(Termijn.parse), let answered = advies.reactieOntvangen.flatMap(Termijn.parse) {
                tijd = answered.dayNumber - issued.dayNumber
            }
            return Entry(advies: advies, aanbevelingen: aanbevelingen,
                         status: Termijn.status(advies, weeks: raden[advies.raad]?.reactietermijn, today: today), reactietijd: tijd)
        }
        let linked = Set(try String.fetchAll(db, sql: "SELECT DISTINCT voorstel FROM advies WHERE voorstel IS NOT NULL"))
        let voorstellen = try Voorstel.filter(sql: "substr(datum, 1, 4) = ?", arguments: [String(format: "%04d", year)]).order(Column("datum"), Column("id")).fetchAll(db)
        let without = voorstellen.filter { !linked.contains($0.id) && kerndomein.contains($0) }
        var undatedRequest = Advies.filter(sql: "uitgebracht IS NULL OR uitgebracht = ''")
        if let raad { undatedRequest = undatedRequest.filter(Column("raad") == raad) }
        let undated = try undatedRequest.order(Column("id")).fetchAll(db)
        let undatedVoorstellen = try Int.fetchOne(db, sql: "SELECT count(*) FROM voorstel WHERE datum IS NULL OR datum = ''") ?? 0
        return YearReport(year: year, raad: raad, entries: entries, withoutAdvies: without, today: today, undated: undated, undatedVoorstellen: undatedVoorstellen)
    }

    // MARK: - Figures

    public struct Count: Sendable, Equatable {
        public let name: String
        public let adviezen: Int
        public let aanbevelingen: Int
        public let overgenomen: Int
        public let deels: Int
        public let niet: Int
        public let open: Int
        /// Overgenomen as a share of the aanbevelingen with a reactie (deels counts half).
        public var share: Double? {
            let answered = overgenomen + deels + niet
            return answered == 0 ? nil : (Double(overgenomen) + Double(deels) / 2) / Double(answered)
        }
    }

    func count(_ name: String, _ entries: [Entry]) -> Count {
        let all = entries.flatMap(\.aanbevelingen)
        return Count(name: name, adviezen: entries.count, aanbevelingen: all.count,
                     overgenomen: all.filter { $0.reactie == "overgenomen" }.count, deels: all.filter { $0.reactie == "deels" }.count,
                     niet: all.filter { $0.reactie == "niet" }.count, open: all.filter { $0.reactie == nil }.count)
    }

    public var total: Count { count("Totaal", entries) }

    public var perSoort: [Count] {
        Advies.soorten.compactMap { soort in
            let matching = entries.filter { $0.advies.soort == soort }
            return matching.isEmpty ? nil : count(soort, matching)
        }
    }

    public var perThema: [Count] {
        let themes = Set(entries.map { $0.advies.thema.isEmpty ? "(geen thema)" : $0.advies.thema }).sorted()
        return themes.map { theme in count(theme, entries.filter { ($0.advies.thema.isEmpty ? "(geen thema)" : $0.advies.thema) == theme }) }
    }

    public var averageReactietijd: Double? {
        let times = entries.compactMap(\.reactietijd)
        return times.isEmpty ? nil : Double(times.reduce(0, +)) / Double(times.count)
    }

    public var longest: Entry? { entries.filter { $0.reactietijd != nil }.max { ($0.reactietijd ?? 0) < ($1.reactietijd ?? 0) } }

    public var late: [Entry] {
        entries.filter {
            switch $0.status {
            case .teLaat, .laatBeantwoord: true
            default: false
            }
        }
    }

    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    static func days(_ n: Double?) -> String { n.map { "\(Value.format(($0 * 10).rounded() / 10)) dagen" } ?? "–" }

    var title: String { "Jaaroverzicht adviezen \(year)" + (raad.map { " (\($0))" } ?? "") }

    var summaryLines: [String] {
        let t = total
        var lines = ["\(t.adviezen) \(t.adviezen == 1 ? "advies" : "adviezen") met \(t.aanbevelingen) \(t.aanbevelingen == 1 ? "aanbeveling" : "aanbevelingen"): "
                     + "\(t.overgenomen) overgenomen, \(t.deels) deels, \(t.niet) niet, \(t.open) nog zonder reactie."]
        lines.append("Overgenomen (deels telt half): \(YearReport.percent(t.share)) van de aanbevelingen met een reactie.")
        lines.append("Reactietijd van het college: gemiddeld \(YearReport.days(averageReactietijd))"
                     + (longest.map { ", het langst \($0.reactietijd ?? 0) dagen (\($0.advies.id))" } ?? "") + ".")
        lines.append("Te laat: \(late.count) \(late.count == 1 ? "reactie" : "reacties")" + (late.isEmpty ? "." : ": " + late.map(\.advies.id).joined(separator: ", ") + "."))
        return lines
    }

    // MARK: - Terminal

    public func text(style: TextStyle) -> String {
        var out = [style.heading(title), ""]
        if entries.isEmpty { out.append("Geen adviezen uitgebracht in \(year).") }
        for line in summaryLines where !entries.isEmpty { out += TextLayout.wrap(line, width: style.width) }
        for line in leftOut { out += TextLayout.wrap("⚠ " + line, width: style.width).map(style.bold) }
        func table(_ heading: String, _ counts: [Count]) {
            guard !counts.isEmpty else { return }
            out += ["", style.bold(heading)]
            for c in counts {
                out.append("  \(c.name.padded(to: 22)) \(String(c.adviezen).padded(to: 3)) adv.  \(String(c.aanbevelingen).padded(to: 3)) aanb.  overgenomen \(YearReport.percent(c.share))")
            }
        }
        table("Per soort", perSoort)
        table("Per thema", perThema)
        if !late.isEmpty {
            out += ["", style.bold("Te laat")]
            for entry in late { out += TextLayout.wrap("\(entry.advies.onderwerp): \(Termijn.describe(entry.status))", width: style.width, first: "  \(entry.advies.id)  ", rest: "    ") }
        }
        if !withoutAdvies.isEmpty {
            out += ["", style.bold("Voorstellen in het kerndomein zonder advies")]
            for voorstel in withoutAdvies {
                out += TextLayout.wrap("\(voorstel.titel)" + style.dim(" (\(voorstel.datum ?? ""))"), width: style.width, first: "  ⚑ \(voorstel.id)  ", rest: "    ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Files

    /// One row per advies. Cells that a spreadsheet would read as a formula are neutralised.
    public func csv() -> String {
        var lines = ["id;raad;soort;thema;onderwerp;uitgebracht;reactie_ontvangen;reactietijd_dagen;aanbevelingen;overgenomen;deels;niet;zonder_reactie;termijn"]
        for entry in entries {
            let c = count(entry.advies.id, [entry])
            let cells = [entry.advies.id, entry.advies.raad, entry.advies.soort, entry.advies.thema, entry.advies.onderwerp, entry.advies.uitgebracht ?? "",
                         entry.advies.reactieOntvangen ?? "", entry.reactietijd.map(String.init) ?? "", "\(c.aanbevelingen)", "\(c.overgenomen)", "\(c.deels)",
                         "\(c.niet)", "\(c.open)", Termijn.describe(entry.status)]
            lines.append(cells.map(APKReport.cell).joined(separator: ";"))
        }
        for advies in undated {
            let cells = [advies.id, advies.raad, advies.soort, advies.thema, advies.onderwerp, "", "", "", "", "", "", "", "", "niet meegeteld: geen datum van uitbrengen"]
            lines.append(cells.map(APKReport.cell).joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        let e = WerkbladExport.escape
        var out = ["# \(e(title))", ""]
        if entries.isEmpty { out += ["Geen adviezen uitgebracht in \(year).", ""] } else { out += summaryLines.map { "- \($0)" } + [""] }
        for line in leftOut { out += ["> ⚠ " + e(line), ""] }
        func table(_ heading: String, _ counts: [Count]) {
            guard !counts.isEmpty else { return }
            out += ["## \(heading)", "", "| | Adviezen | Aanbevelingen | Overgenomen | Deels | Niet | Zonder reactie | Aandeel overgenomen |", "|---|---|---|---|---|---|---|---|"]
            for c in counts { out.append("| \(e(c.name)) | \(c.adviezen) | \(c.aanbevelingen) | \(c.overgenomen) | \(c.deels) | \(c.niet) | \(c.open) | \(YearReport.percent(c.share)) |") }
            out.append("")
        }
        table("Per soort", perSoort)
        table("Per thema", perThema)
        if !entries.isEmpty {
            out += ["## Adviezen", "", "| Advies | Soort | Uitgebracht | Reactie | Reactietijd | Termijn |", "|---|---|---|---|---|---|"]
            for entry in entries {
                out.append("| \(e(entry.advies.id)) \(e(entry.advies.onderwerp)) | \(entry.advies.soort) | \(entry.advies.uitgebracht ?? "") | \(entry.advies.reactieOntvangen ?? "") | "
                           + "\(entry.reactietijd.map { "\($0) dagen" } ?? "") | \(e(Termijn.describe(entry.status))) |")
            }
            out.append("")
        }
        if !withoutAdvies.isEmpty {
            out += ["## Voorstellen in het kerndomein zonder advies", ""]
            for voorstel in withoutAdvies { out.append("- \(e(voorstel.id)) \(e(voorstel.titel)) (\(voorstel.datum ?? ""))") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    public func html() -> String {
        func table(_ heading: String, _ counts: [Count]) -> Plot.Node<HTML.BodyContext> {
            guard !counts.isEmpty else { return .empty }
            return .group(
                .h2(.text(heading)),
                .table(
                    .tr(.th(""), .th("Adviezen"), .th("Aanbevelingen"), .th("Overgenomen"), .th("Deels"), .th("Niet"), .th("Zonder reactie"), .th("Aandeel")),
                    .forEach(counts) { c in
                        .tr(.td(.text(c.name)), .td(.text("\(c.adviezen)")), .td(.text("\(c.aanbevelingen)")), .td(.text("\(c.overgenomen)")),
                            .td(.text("\(c.deels)")), .td(.text("\(c.niet)")), .td(.text("\(c.open)")), .td(.text(YearReport.percent(c.share))))
                    }
                )
            )
        }
        let page = HTML(
            .lang(.dutch),
            ReportHTML.head(title, css: ".te-laat { color: #b42318; font-weight: 600; } td { vertical-align: top; }\n"),
            .body(
                .h1(.text(title)),
                .if(entries.isEmpty, .p(.text("Geen adviezen uitgebracht in \(year)."))),
                .if(!entries.isEmpty, .group(.ul(.forEach(summaryLines) { .li(.text($0)) }), .raw(chart()))),
                .forEach(leftOut) { .p(.class("let-op"), .text("⚠ " + $0)) },
                table("Per soort", perSoort),
                table("Per thema", perThema),
                .if(!entries.isEmpty, .group(
                    .h2("Adviezen"),
                    .table(
                        .tr(.th("Advies"), .th("Soort"), .th("Uitgebracht"), .th("Reactie"), .th("Reactietijd"), .th("Termijn")),
                        .forEach(entries) { entry in
                            let isLate = late.contains { $0.advies.id == entry.advies.id }
                            return .tr(.td(.text("\(entry.advies.id) — \(entry.advies.onderwerp)")), .td(.text(entry.advies.soort)),
                                       .td(.text(entry.advies.uitgebracht ?? "")), .td(.text(entry.advies.reactieOntvangen ?? "")),
                                       .td(.text(entry.reactietijd.map { "\($0) dagen" } ?? "")),
                                       .td(.class(isLate ? "te-laat" : ""), .text(Termijn.describe(entry.status))))
                        }
                    )
                )),
                .if(!withoutAdvies.isEmpty, .group(
                    .h2("Voorstellen in het kerndomein zonder advies"),
                    .ul(.forEach(withoutAdvies) { .li(.text("\($0.id) — \($0.titel) (\($0.datum ?? ""))")) })
                ))
            )
        )
        return page.render(indentedBy: .spaces(2)) + "\n"
    }

    /// Stacked bars per soort: overgenomen, deels, niet, zonder reactie. Numbers only inside.
    func chart() -> String {
        let counts = perSoort
        let width = 560.0, bar = 22.0, gap = 10.0, left = 90.0
        let most = Double(counts.map(\.aanbevelingen).max() ?? 1)
        let colors = ["#0b7a3e", "#8fbf3f", "#b42318", "#a0a9b3"]
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Reacties op aanbevelingen per soort advies\" width=\"\(Int(width))\" height=\"\(Int(Double(counts.count) * (bar + gap) + 40))\">"
        for (i, c) in counts.enumerated() {
            let y = Double(i) * (bar + gap) + 6
            svg += "<text x=\"0\" y=\"\(Int(y + 16))\" font-size=\"13\">\(c.name)</text>"
            var x = left
            for (value, color) in zip([c.overgenomen, c.deels, c.niet, c.open], colors) where value > 0 {
                let length = (width - left - 20) * Double(value) / max(most, 1)
                svg += "<rect x=\"\(Int(x))\" y=\"\(Int(y))\" width=\"\(Int(length.rounded()))\" height=\"\(Int(bar))\" fill=\"\(color)\"/>"
                x += length
            }
        }
        let legendY = Int(Double(counts.count) * (bar + gap) + 24)
        for (i, (label, color)) in zip(["overgenomen", "deels", "niet", "zonder reactie"], colors).enumerated() {
            svg += "<rect x=\"\(Int(left) + i * 110)\" y=\"\(legendY - 10)\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(Int(left) + i * 110 + 14)\" y=\"\(legendY)\" font-size=\"12\">\(label)</text>"
        }
        return svg + "</svg>"
    }
}
