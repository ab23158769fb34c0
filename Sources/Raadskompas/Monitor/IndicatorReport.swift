import Foundation
import GRDB
import KompasDSL
import Plot

/// Everything known about one indicator: its measurements per gebied, the adviezen and besluiten
/// linked to it (dated, to mark on the trend), the resultaten that target it, and the duidingen.
/// Rendered in the terminal (`metingen`, `rapport`) and to `.md`, `.csv` and `.html` with an SVG chart.
public struct IndicatorReport: Sendable {
    public struct Event: Sendable, Equatable {
        public enum Kind: Sendable { case advies, besluit }
        public let kind: Kind
        public let date: DateValue
        public let label: String
    }

    public struct Link: Sendable, Equatable {
        public let advies: Advies
        public let aanbeveling: Aanbeveling?
        public let koppeling: AanbevelingIndicator
    }

    public struct Target: Sendable, Equatable {
        public let werkblad: String
        public let item: WerkbladItem
    }

    public let indicator: IndicatorCatalog.Entry
    /// Per gebied, the measurements in period order.
    public let series: [(gebied: String, metingen: [Meting])]
    public let events: [Event]
    public let links: [Link]
    public let targets: [Target]
    public let duidingen: [Duiding]

    /// Above this many gebieden the terminal shows one line per gebied.
    public static let compactAbove = 12
    public static let recentPeriods = 24

    /// With `lastPeriods`, only the most recent periods of every gebied are read: the overview of
    /// an indicator measured in hundreds of gebieden stays small.
    public static func load(_ db: Database, indicator: IndicatorCatalog.Entry, gebied: String?, lastPeriods: Int? = nil) throws -> IndicatorReport {
        let rows: [Row]
        if let gebied {
            // Two equality conditions: the primary key finds the rows directly.
            rows = try Row.fetchAll(db, sql: "SELECT gebied, periode, waarde, voorlopig FROM meting WHERE indicator = ? AND gebied = ? ORDER BY periode",
                                    arguments: [indicator.id, gebied])
        } else if let lastPeriods {
            rows = try Row.fetchAll(db, sql: """
                SELECT gebied, periode, waarde, voorlopig FROM (
                    SELECT gebied, periode, waarde, voorlopig, row_number() OVER (PARTITION BY gebied ORDER BY periode DESC) AS recent
                    FROM meting WHERE indicator = ?)
                WHERE recent <= ? ORDER BY gebied, periode
                """, arguments: [indicator.id, lastPeriods])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT gebied, periode, waarde, voorlopig FROM meting WHERE indicator = ? ORDER BY gebied, periode",
                                    arguments: [indicator.id])
        }
        var series: [(gebied: String, metingen: [Meting])] = []
        for row in rows {
            let meting = Meting(gebied: row["gebied"], periode: row["periode"], waarde: row["waarde"], voorlopig: row["voorlopig"])
            if series.last?.gebied != meting.gebied { series.append((meting.gebied, [])) }
            series[series.count - 1].metingen.append(meting)
        }
        let koppelingen = try AanbevelingIndicator.filter(Column("indicator") == indicator.id).order(Column("adviesId"), Column("nummer")).fetchAll(db)
        var links: [Link] = []
        var events: [Event] = []
        var seenAdviezen = Set<String>()
        for koppeling in koppelingen {
            guard let advies = try Advies.fetchOne(db, key: koppeling.adviesId) else { continue }
            let aanbeveling = try Aanbeveling.fetchOne(db, key: ["adviesId": koppeling.adviesId, "nummer": koppeling.nummer])
            links.append(Link(advies: advies, aanbeveling: aanbeveling, koppeling: koppeling))
            guard seenAdviezen.insert(advies.id).inserted else { continue }
            if let date = advies.uitgebracht.flatMap(Termijn.parse) {
                events.append(Event(kind: .advies, date: date, label: "advies \(advies.id) uitgebracht"))
            }
            if let voorstelId = advies.voorstel, let voorstel = try Voorstel.fetchOne(db, key: voorstelId),
               let date = voorstel.datum.flatMap(Termijn.parse) {
                events.append(Event(kind: .besluit, date: date, label: "besluit over voorstel \(voorstel.id)"))
            }
        }
        events.sort { ($0.date, $0.label) < ($1.date, $1.label) }
        let targetRows = try Row.fetchAll(db, sql: """
            SELECT item.*, werkblad.naam AS werkbladNaam FROM item JOIN werkblad ON werkblad.id = item.werkbladId
            WHERE item.indicator = ? AND item.stap = 'resultaten' ORDER BY werkblad.naam, item.kant, item.volgorde
            """, arguments: [indicator.id])
        let targets = try targetRows.map { Target(werkblad: $0["werkbladNaam"], item: try WerkbladItem(row: $0)) }
        let duidingen = try Duiding.filter(Column("indicator") == indicator.id)
            .filter(gebied == nil || Column("gebied") == gebied ?? "" || Column("gebied") == "")
            .order(Column("periode"), Column("gebied")).fetchAll(db)
        return IndicatorReport(indicator: indicator, series: series, events: events, links: links, targets: targets, duidingen: duidingen)
    }

    /// A letter per period of the series for the events in it: A advies, B besluit, * both.
    public func markers(_ metingen: [Meting]) -> String {
        String(metingen.map { meting -> Character in
            let kinds = Set(events.filter { Periode.contains(meting.periode, $0.date) }.map { $0.kind == .advies ? "A" : "B" })
            return kinds.count == 2 ? "*" : kinds.first.map { Character($0) } ?? " "
        })
    }

    /// How far a resultaat is on its way: from the first known value to the target.
    public struct Progress: Sendable, Equatable {
        public let start: Meting
        public let latest: Meting
        public let target: Double
        /// 0 at the start, 1 at the target; nil when start and target are equal.
        public let share: Double?
    }

    public func progress(_ target: Target) -> Progress? {
        guard let doel = target.item.doel else { return nil }
        let candidates = target.item.gebied.map { g in series.filter { $0.gebied == g } } ?? (series.count == 1 ? series : [])
        let known = candidates.first?.metingen.filter { $0.waarde != nil } ?? []
        guard let start = known.first, let latest = known.last, let from = start.waarde, let now = latest.waarde else { return nil }
        return Progress(start: start, latest: latest, target: doel, share: doel == from ? nil : (now - from) / (doel - from))
    }

    static func describe(_ progress: Progress?, _ target: Target) -> String {
        guard let doel = target.item.doel else { return "geen streefwaarde; geef die met `koppel resultaat … doel=…`" }
        let goal = "doel \(Value.format(doel))" + (target.item.jaar.map { " in \($0)" } ?? "")
        guard let progress else {
            return goal + (target.item.gebied == nil ? "; geef een gebied (gebied=GM…) om de voortgang te volgen" : "; nog geen metingen in \(target.item.gebied ?? "")")
        }
        let start = "\(Value.format(progress.start.waarde ?? 0)) (\(progress.start.periode))"
        let latest = "\(Value.format(progress.latest.waarde ?? 0)) (\(progress.latest.periode))"
        let share = progress.share.map { " — \(Int(($0 * 100).rounded()))% van de weg" } ?? ""
        return "\(goal); van \(start) naar \(latest)\(share)"
    }

    // MARK: - Terminal

    /// ▁▂▃▄▅▆▇█ scaled from the lowest to the highest known value; a space for an unknown one.
    static func sparkline(_ values: [Double?]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard high > low else { return bars[3] }
            return bars[min(bars.count - 1, Int((value - low) / (high - low) * Double(bars.count - 1) + 0.5))]
        })
    }

    public func text(style: TextStyle) -> String {
        var out = [style.heading(indicator.naam) + style.dim("  [\(indicator.id)]")]
        out += TextLayout.wrap(indicator.eenheid + (indicator.richting.map { ", \($0)" } ?? ""), width: style.width).map(style.dim)
        if series.isEmpty {
            out.append("Nog geen metingen. Lees ze in met: importeer metingen \"bestand.csv\"")
        }
        let compact = series.count > IndicatorReport.compactAbove
        if compact {
            // Many gebieden: one line each, the most recent periods as a sparkline.
            out.append("")
            out.append(style.bold("\(series.count) gebieden") + style.dim("  (per gebied de laatste \(IndicatorReport.recentPeriods) perioden; één gebied in detail: metingen \(indicator.id) gebied=\"…\")"))
            let width = series.map(\.gebied.count).max() ?? 6
            for (gebied, metingen) in series {
                let known = metingen.compactMap(\.waarde)
                guard let low = known.first, let high = known.last else { continue }
                out.append("  \(gebied.padded(to: width))  " + style.accent(IndicatorReport.sparkline(metingen.map(\.waarde)).padded(to: IndicatorReport.recentPeriods))
                           + "  \(Value.format(low)) → \(Value.format(high))" + style.dim("  (\(metingen.first?.periode ?? "") – \(metingen.last?.periode ?? ""))"))
            }
        }
        for (gebied, metingen) in series where series.count <= IndicatorReport.compactAbove {
            let known = metingen.compactMap(\.waarde)
            let first = metingen.first?.periode ?? "", last = metingen.last?.periode ?? ""
            out.append("")
            out.append(style.bold(gebied) + style.dim("  \(metingen.count) \(metingen.count == 1 ? "meting" : "metingen"), \(first) – \(last)"))
            if metingen.count > 1, let low = known.first, let high = known.last {
                out.append("  " + style.accent(IndicatorReport.sparkline(metingen.map(\.waarde))) + "  \(Value.format(low)) → \(Value.format(high))")
                let marks = markers(metingen)
                if marks.contains(where: { $0 != " " }) { out.append("  " + marks) }
            }
            for meting in metingen.suffix(12) {
                let here = events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label)
                out.append("  \(meting.periode.padded(to: 8)) \((meting.waarde.map { Value.format($0) } ?? "onbekend").padded(to: 10))"
                           + (meting.voorlopig ? style.dim(" voorlopig") : "") + (here.isEmpty ? "" : style.accent("  ◆ " + here.joined(separator: "; "))))
            }
            if metingen.count > 12 { out.append(style.dim("  (de laatste 12 van \(metingen.count) perioden; alles staat in `rapport \(indicator.id) naar \"…csv\"`)")) }
        }
        if !events.isEmpty {
            out.append("")
            out.append(style.bold("Adviezen en besluiten") + style.dim("  (A en B in de trend)"))
            for event in events { out.append("  \(event.kind == .advies ? "A" : "B")  \(event.date.dutch): \(event.label)") }
        }
        if !links.isEmpty {
            out.append("")
            out.append(style.bold("Gekoppelde aanbevelingen"))
            for link in links {
                let text = link.aanbeveling?.tekst ?? "(aanbeveling \(link.koppeling.nummer) bestaat niet meer)"
                out += TextLayout.wrap("\(text) " + style.dim("— verwacht \(link.koppeling.richting)" + (link.koppeling.horizon.map { " in \($0)" } ?? "")),
                                       width: style.width, first: "  \(link.advies.id).\(link.koppeling.nummer) ", rest: "    ")
                // The compact view holds only the recent periods: no honest before and after.
                let lines = compact ? ["voor en na het advies: `advies toon \(link.advies.id)`"] : effect(link)
                for line in lines { out.append("    " + line) }
            }
        }
        if !targets.isEmpty {
            out.append("")
            out.append(style.bold("Doelen in werkbladen"))
            for target in targets {
                out += TextLayout.wrap(target.item.tekst, width: style.width, first: "  ‘\(target.werkblad)’ \(target.item.kant.rawValue).\(target.item.volgorde): ", rest: "    ")
                out.append("    " + (compact ? "de voortgang: `werkblad voortgang \(Value.quote(target.werkblad))`" : IndicatorReport.describe(progress(target), target)))
            }
        }
        if !duidingen.isEmpty {
            out.append("")
            out.append(style.bold("Duidingen"))
            for duiding in duidingen {
                out.append("  \(duiding.periode)" + (duiding.gebied.isEmpty ? "" : " \(duiding.gebied)") + (duiding.door.isEmpty ? "" : style.dim(" — \(duiding.door)")))
                for letter in Duiding.letters where !duiding[letter].isEmpty {
                    out += TextLayout.wrap(duiding[letter], width: style.width, first: "    \(letter). ", rest: "       ")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The trend of the indicator before and after the advies, per gebied, against the expectation.
    public func effect(_ link: Link) -> [String] {
        guard let issued = link.advies.uitgebracht.flatMap(Termijn.parse) else { return ["nog niet uitgebracht: geen voor en na"] }
        if series.isEmpty { return ["nog geen metingen"] }
        if series.count > IndicatorReport.compactAbove {
            var expected = 0, other = 0, same = 0, unknown = 0
            for (_, metingen) in series {
                let (before, after) = Periode.beforeAndAfter(metingen, around: issued)
                guard let x = before?.waarde, let y = after?.waarde else { unknown += 1; continue }
                if y == x { same += 1 } else if (y > x) == (link.koppeling.richting == "omhoog") { expected += 1 } else { other += 1 }
            }
            return ["in \(expected) van de \(series.count) gebieden de verwachte kant op, in \(other) de andere kant, \(same) gelijk, \(unknown) zonder meting voor én na"]
        }
        return series.map { gebied, metingen in
            let (before, after) = Periode.beforeAndAfter(metingen, around: issued)
            let b = before.map { "\(Value.format($0.waarde ?? 0)) (\($0.periode))" } ?? "geen meting"
            let a = after.map { "\(Value.format($0.waarde ?? 0)) (\($0.periode))" } ?? "nog geen meting"
            var verdict = ""
            if let x = before?.waarde, let y = after?.waarde {
                let up = link.koppeling.richting == "omhoog"
                verdict = y == x ? " — gelijk gebleven" : ((y > x) == up ? " — de verwachte kant op" : " — de andere kant op")
            }
            return "\(gebied): voor het advies \(b), erna \(a)\(verdict)"
        }
    }

    // MARK: - Files

    public func csv() -> String {
        var lines = ["indicator;gebied;periode;waarde;voorlopig;gebeurtenis"]
        for (gebied, metingen) in series {
            for meting in metingen {
                let here = events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label).joined(separator: "; ")
                lines.append([indicator.id, gebied, meting.periode, meting.waarde.map { Value.format($0) } ?? "", meting.voorlopig ? "ja" : "nee", here]
                    .map(APKReport.cell).joined(separator: ";"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        let e = WerkbladExport.escape
        var out = ["# \(e(indicator.naam))", "", "Indicator `\(indicator.id)`, eenheid: \(e(indicator.eenheid))" + (indicator.richting.map { ", \($0)" } ?? "") + ".", ""]
        for (gebied, metingen) in series {
            out += ["## \(e(gebied))", "", "| Periode | Waarde | Voorlopig | Advies of besluit |", "|---|---|---|---|"]
            for meting in metingen {
                let here = events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label).joined(separator: "; ")
                out.append("| \(meting.periode) | \(meting.waarde.map { Value.format($0) } ?? "onbekend") | \(meting.voorlopig ? "ja" : "") | \(e(here)) |")
            }
            out.append("")
        }
        if series.isEmpty { out += ["Nog geen metingen.", ""] }
        if !links.isEmpty {
            out += ["## Gekoppelde aanbevelingen", ""]
            for link in links {
                out.append("- **\(e(link.advies.id)).\(link.koppeling.nummer)** \(e(link.aanbeveling?.tekst ?? "")) — verwacht \(link.koppeling.richting)"
                           + (link.koppeling.horizon.map { " in \($0)" } ?? ""))
                for line in effect(link) { out.append("  - \(e(line))") }
            }
            out.append("")
        }
        if !targets.isEmpty {
            out += ["## Doelen in werkbladen", ""]
            for target in targets { out.append("- ‘\(e(target.werkblad))’: \(e(target.item.tekst)) — \(e(IndicatorReport.describe(progress(target), target)))") }
            out.append("")
        }
        if !duidingen.isEmpty {
            out += ["## Duidingen", ""]
            for duiding in duidingen {
                out.append("### \(duiding.periode)" + (duiding.gebied.isEmpty ? "" : " \(e(duiding.gebied))") + (duiding.door.isEmpty ? "" : " — \(e(duiding.door))"))
                out.append("")
                for letter in Duiding.letters where !duiding[letter].isEmpty { out.append("- **\(letter).** \(e(duiding[letter]))") }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    public func html() -> String {
        let page = HTML(
            .lang(.dutch),
            ReportHTML.head(indicator.naam, css: ".legenda { color: #55606b; font-size: .9rem; }\n"),
            .body(
                .h1(.text(indicator.naam)),
                .p(.text("Indicator \(indicator.id), eenheid: \(indicator.eenheid)" + (indicator.richting.map { ", \($0)" } ?? "") + ".")),
                .if(series.isEmpty, .p("Nog geen metingen.")),
                .forEach(series, { entry in
                    .group(
                        .h2(.text(entry.gebied)),
                        .raw(chart(entry.metingen, goals: goals(entry.gebied))),
                        .if(!legend(entry.gebied).isEmpty, .p(.class("legenda"), .text(legend(entry.gebied)))),
                        .table(
                            .tr(.th("Periode"), .th("Waarde"), .th("Advies of besluit")),
                            .forEach(entry.metingen) { meting in
                                .tr(.td(.text(meting.periode)), .td(.text((meting.waarde.map { Value.format($0) } ?? "onbekend") + (meting.voorlopig ? " (voorlopig)" : ""))),
                                    .td(.text(events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label).joined(separator: "; "))))
                            }
                        )
                    )
                }),
                .if(!links.isEmpty, .group(
                    .h2("Gekoppelde aanbevelingen"),
                    .ul(.forEach(links) { link in
                        .li(.strong(.text("\(link.advies.id).\(link.koppeling.nummer) ")), .text(link.aanbeveling?.tekst ?? ""),
                            .text(" — verwacht \(link.koppeling.richting)" + (link.koppeling.horizon.map { " in \($0)" } ?? "")),
                            .ul(.forEach(effect(link)) { .li(.text($0)) }))
                    })
                )),
                .if(!targets.isEmpty, .group(
                    .h2("Doelen in werkbladen"),
                    .ul(.forEach(targets) { target in
                        .li(.text("‘\(target.werkblad)’: \(target.item.tekst) — \(IndicatorReport.describe(progress(target), target))"))
                    })
                )),
                .if(!duidingen.isEmpty, .group(
                    .h2("Duidingen"),
                    .forEach(duidingen) { duiding in
                        .group(
                            .h3(.text(duiding.periode + (duiding.gebied.isEmpty ? "" : " \(duiding.gebied)") + (duiding.door.isEmpty ? "" : " — \(duiding.door)"))),
                            .ol(.attribute(named: "type", value: "a"), .forEach(Duiding.letters.filter { !duiding[$0].isEmpty }) { .li(.text(duiding[$0])) })
                        )
                    }
                ))
            )
        )
        return page.render(indentedBy: .spaces(2)) + "\n"
    }

    func legend(_ gebied: String) -> String {
        [events.isEmpty ? nil : "Gestippeld oranje: adviezen (A) en besluiten (B).",
         goals(gebied).isEmpty ? nil : "Gestippeld groen: het doel uit een werkblad."].compactMap { $0 }.joined(separator: " ")
    }

    /// The target values of werkblad resultaten measured in this gebied.
    func goals(_ gebied: String) -> [Double] {
        targets.filter { ($0.item.gebied ?? (series.count == 1 ? gebied : nil)) == gebied }.compactMap(\.item.doel)
    }

    /// A line chart of one series in SVG built from numbers only: no user text inside, so nothing
    /// to escape. Periods on the x axis, dashed lines for adviezen (A), besluiten (B) and targets.
    func chart(_ metingen: [Meting], goals: [Double] = []) -> String {
        let width = 640.0, height = 240.0, left = 56.0, right = 16.0, top = 16.0, bottom = 36.0
        let known = metingen.compactMap(\.waarde) + goals
        guard let low = known.min(), let high = known.max(), metingen.count > 0 else { return "" }
        let span = high > low ? high - low : max(abs(high), 1)
        let floor = high > low ? low : low - span / 2
        let step = metingen.count > 1 ? (width - left - right) / Double(metingen.count - 1) : 0
        func x(_ i: Int) -> Double { metingen.count > 1 ? left + Double(i) * step : (left + width - right) / 2 }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - floor) / (high > low ? span : span)) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Trend\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" y2=\"\(f(height - bottom))\" stroke=\"#8a96a3\"/>"
        for value in [floor, floor + span] {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" font-size=\"11\" text-anchor=\"end\">\(escapeSVG(Value.format((value * 100).rounded() / 100)))</text>"
        }
        let labelEvery = max(1, metingen.count / 8)
        for (i, meting) in metingen.enumerated() where i % labelEvery == 0 || i == metingen.count - 1 {
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(escapeSVG(meting.periode))</text>"
        }
        for (i, meting) in metingen.enumerated() {
            let kinds = events.filter { Periode.contains(meting.periode, $0.date) }.map { $0.kind == .advies ? "A" : "B" }
            guard !kinds.isEmpty else { continue }
            svg += "<line x1=\"\(f(x(i)))\" y1=\"\(f(top))\" x2=\"\(f(x(i)))\" y2=\"\(f(height - bottom))\" stroke=\"#c2410c\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(f(x(i) + 3))\" y=\"\(f(top + 10))\" font-size=\"11\" fill=\"#c2410c\">\(Set(kinds).sorted().joined(separator: "+"))</text>"
        }
        for goal in goals {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(goal)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(goal)))\" stroke=\"#0b7a3e\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(f(width - right))\" y=\"\(f(y(goal) - 4))\" font-size=\"11\" fill=\"#0b7a3e\" text-anchor=\"end\">doel \(escapeSVG(Value.format(goal)))</text>"
        }
        var path = ""
        for (i, meting) in metingen.enumerated() {
            guard let v = meting.waarde else { continue }
            path += (path.isEmpty || metingen[i - 1].waarde == nil ? "M" : "L") + "\(f(x(i))) \(f(y(v))) "
        }
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#0b5c8a\" stroke-width=\"2\"/>"
        for (i, meting) in metingen.enumerated() {
            guard let v = meting.waarde else { continue }
            svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(meting.voorlopig ? "#ffffff" : "#0b5c8a")\" stroke=\"#0b5c8a\"/>"
        }
        return svg + "</svg>"
    }

    private func escapeSVG(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
