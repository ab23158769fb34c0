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

    /// The measurements of one gebied for one kind of period (years, quarters or months are
    /// never drawn as one line), in period order.
    public struct Reeks: Sendable, Equatable {
        public let gebied: String
        /// `jaar`, `kwartaal` or `maand`.
        public let soort: String
        public let metingen: [Meting]
    }

    /// A file the shown figures were read from: its name, when, and the choice made.
    public struct Bestand: Sendable, Equatable {
        public let naam: String
        public let datum: DateValue?
        public let selectie: String
        public var metingen: Int
        /// How many imports of this file, on this day and with this choice, the line stands for.
        public var keer = 1

        /// `jeugdhulp.csv (30 november 2026; Geslacht=T001038): 120 metingen`; a file read in
        /// twice on one day: `cijfers.csv (30 november 2026; 2 keer ingelezen): 12 metingen`.
        public var beschrijving: String {
            let details = [datum?.dutch, selectie.isEmpty ? nil : selectie, keer > 1 ? "\(keer) keer ingelezen" : nil].compactMap { $0 }
            return naam + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")") + ": \(metingen.grouped) \(metingen == 1 ? "meting" : "metingen")"
        }
    }

    public let indicator: IndicatorCatalog.Entry
    public let series: [Reeks]
    /// The files the measurements of this indicator last came from (file name only: a report is shared).
    public var bestanden: [Bestand] = []
    public let events: [Event]
    public let links: [Link]
    public let targets: [Target]
    public let duidingen: [Duiding]
    /// Names for the codes (`Almere (GM0034)`).
    public var gebieden = Gebieden([])
    /// The gebieden the user chose (mijn gemeente first, then the comparison); empty: all.
    public var focus: [String] = []
    /// The comparison gebieden among `focus` (drawn as a grey line in the charts).
    public var vergelijk: [String] = []
    /// Gebieden with measurements that were not read (the user chose others).
    public var notShown = 0

    /// Above this many gebieden the terminal shows one line per gebied.
    public static let compactAbove = 12
    public static let recentPeriods = 24

    /// With `lastPeriods`, only the most recent periods of every gebied are read: the overview of
    /// an indicator measured in hundreds of gebieden stays small.
    public static func load(_ db: Database, indicator: IndicatorCatalog.Entry, gebied: String?, lastPeriods: Int? = nil) throws -> IndicatorReport {
        try load(db, indicator: indicator, gebieden: gebied.map { [$0] }, lastPeriods: lastPeriods)
    }

    /// With `gebieden`, only those gebieden are read (in that order).
    public static func load(_ db: Database, indicator: IndicatorCatalog.Entry, gebieden wanted: [String]?, lastPeriods: Int? = nil) throws -> IndicatorReport {
        let gebied: String? = nil
        var rows: [Row] = []
        if let wanted {
            // Two equality conditions: the primary key finds the rows directly.
            for code in wanted {
                rows += try Row.fetchAll(db, sql: "SELECT gebied, periode, waarde, voorlopig, ontbreekt FROM meting WHERE indicator = ? AND gebied = ? ORDER BY periode",
                                         arguments: [indicator.id, code])
            }
        } else if let lastPeriods {
            rows = try Row.fetchAll(db, sql: """
                SELECT gebied, periode, waarde, voorlopig, ontbreekt FROM (
                    SELECT gebied, periode, waarde, voorlopig, ontbreekt, row_number() OVER (PARTITION BY gebied ORDER BY periode DESC) AS recent
                    FROM meting WHERE indicator = ?)
                WHERE recent <= ? ORDER BY gebied, periode
                """, arguments: [indicator.id, lastPeriods])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT gebied, periode, waarde, voorlopig, ontbreekt FROM meting WHERE indicator = ? ORDER BY gebied, periode",
                                    arguments: [indicator.id])
        }
        var series: [Reeks] = []
        var current: [String: [Meting]] = [:], currentGebied: String?
        func finish() {
            guard let gebied = currentGebied else { return }
            for soort in ["jaar", "kwartaal", "maand"] {
                if let metingen = current[soort] { series.append(Reeks(gebied: gebied, soort: soort, metingen: metingen)) }
            }
            current = [:]
        }
        for row in rows {
            let status: Int = row["voorlopig"]
            let meting = Meting(gebied: row["gebied"], periode: row["periode"], waarde: row["waarde"], voorlopig: status != 0, status: status, ontbreekt: row["ontbreekt"])
            if currentGebied != meting.gebied { finish(); currentGebied = meting.gebied }
            current[Periode.soort(meting.periode), default: []].append(meting)
        }
        finish()
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
            .filter(wanted == nil || (wanted ?? []).contains(Column("gebied")) || Column("gebied") == "")
            .order(Column("periode"), Column("gebied")).fetchAll(db)
        var report = IndicatorReport(indicator: indicator, series: series, events: events, links: links, targets: targets, duidingen: duidingen)
        let calendar = Calendar(identifier: .gregorian)
        report.bestanden = try Row.fetchAll(db, sql: """
            SELECT i.pad AS pad, i.datum AS datum, i.selectie AS selectie, count(*) AS n FROM meting m JOIN metingimport i ON i.id = m.import
            WHERE m.indicator = ? GROUP BY i.id ORDER BY i.id
            """, arguments: [indicator.id]).map { row in
            let date: Date? = row["datum"]
            let day = date.map { calendar.dateComponents(in: TimeZone.current, from: $0) }.flatMap { DateValue(year: $0.year ?? 0, month: $0.month ?? 0, day: $0.day ?? 0) }
            return Bestand(naam: URL(fileURLWithPath: row["pad"] as String).lastPathComponent, datum: day, selectie: row["selectie"] ?? "", metingen: row["n"])
        }.reduce(into: []) { (merged: inout [Bestand], file) in
            // The same file read in again on the same day with the same choice is one line, not
            // the same name twice; it takes the place of the later import.
            if let earlier = merged.firstIndex(where: { $0.naam == file.naam && $0.datum == file.datum && $0.selectie == file.selectie }) {
                var both = merged.remove(at: earlier)
                both.metingen += file.metingen
                both.keer += 1
                merged.append(both)
            } else {
                merged.append(file)
            }
        }
        return report
    }

    /// A letter per period of the series for the events in it: A advies, B besluit, * both.
    public func markers(_ metingen: [Meting]) -> String {
        String(metingen.map { meting -> Character in
            let kinds = Set(events.filter { Periode.contains(meting.periode, $0.date) }.map { $0.kind == .advies ? "A" : "B" })
            return kinds.count == 2 ? "*" : kinds.first.map { Character($0) } ?? " "
        })
    }

    /// The series shown in full: those of the chosen gebieden (in the order chosen), or all when
    /// none were chosen; the rest are summed up in one line each.
    public var chosen: [Reeks] {
        guard !focus.isEmpty else { return series }
        return focus.flatMap { code in series.filter { $0.gebied == code } }
    }

    public var others: [Reeks] {
        guard !focus.isEmpty else { return [] }
        let chosen = Set(focus)
        return series.filter { !chosen.contains($0.gebied) }
    }

    /// `Almere (GM0034)`, with `— kwartalen` when the gebied has more kinds of period.
    public func title(_ reeks: Reeks) -> String {
        let kinds = series.filter { $0.gebied == reeks.gebied }.count
        return gebieden.weergave(reeks.gebied) + (kinds > 1 ? " — " + IndicatorReport.plural(reeks.soort) : "")
    }

    static func plural(_ soort: String) -> String {
        switch soort {
        case "kwartaal": "kwartalen"
        case "maand": "maanden"
        default: "jaren"
        }
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
        let gebied = target.item.gebied ?? focus.first
        let candidates = gebied.map { g in series.filter { $0.gebied == g } } ?? (series.count == 1 ? series : [])
        let known = candidates.first?.metingen.filter { $0.waarde != nil } ?? []
        guard let start = known.first, let latest = known.last, let from = start.waarde, let now = latest.waarde else { return nil }
        return Progress(start: start, latest: latest, target: doel, share: doel == from ? nil : (now - from) / (doel - from))
    }

    static func describe(_ progress: Progress?, _ target: Target) -> String {
        guard let doel = target.item.doel else { return "geen streefwaarde; geef die met `koppel resultaat … doel=…`" }
        let goal = "doel \(Value.format(doel))" + (target.item.jaar.map { " in \($0)" } ?? "")
        guard let progress else {
            return goal + (target.item.gebied == nil ? "; geef een gebied (gebied=GM…) of kies je gemeente met `instelling gemeente=\"…\"` om de voortgang te volgen" : "; nog geen metingen in \(target.item.gebied ?? "")")
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

    /// Where the figures come from: the catalogue's source and the files they were read from.
    var sourceLines: [String] {
        var lines: [String] = []
        if !indicator.bron.isEmpty { lines.append("Bron: \(indicator.bron)" + (indicator.bron.hasSuffix(".") ? "" : ".")) }
        if !bestanden.isEmpty {
            let shown = bestanden.suffix(3).map(\.beschrijving)
            lines.append("Cijfers ingelezen uit: " + shown.joined(separator: "; ") + (bestanden.count > 3 ? "; en \(bestanden.count - 3) eerdere bestanden" : "") + ".")
        }
        return lines
    }

    /// Whether the terminal view sums every series up in one line.
    var compact: Bool { focus.isEmpty && series.count > IndicatorReport.compactAbove }

    func compactLines(_ list: [Reeks], style: TextStyle) -> [String] {
        let names = list.map { gebieden.naam($0.gebied) + ($0.soort == "jaar" ? "" : " (\($0.soort))") }
        let width = min(30, names.map(\.count).max() ?? 6)
        return zip(list, names).compactMap { reeks, name in
            let known = reeks.metingen.compactMap(\.waarde)
            guard let low = known.first, let high = known.last else { return nil }
            let metingen = reeks.metingen.suffix(IndicatorReport.recentPeriods)
            return "  \(String(name.prefix(width)).padded(to: width))  " + style.accent(IndicatorReport.sparkline(metingen.map(\.waarde)).padded(to: IndicatorReport.recentPeriods))
                + "  \(Value.format(low)) → \(Value.format(high))" + style.dim("  (\(reeks.metingen.first?.periode ?? "") – \(reeks.metingen.last?.periode ?? ""))")
        }
    }

    public func text(style: TextStyle) -> String {
        var out = [style.heading(indicator.naam) + style.dim("  [\(indicator.id)]")]
        out += TextLayout.wrap(indicator.eenheid + (indicator.richting.map { ", \($0)" } ?? ""), width: style.width).map(style.dim)
        if series.isEmpty {
            out.append("Nog geen metingen. Lees ze in met: importeer metingen \"bestand.csv\"")
        }
        for line in sourceLines { out += TextLayout.wrap(line, width: style.width).map(style.dim) }
        if compact {
            // Many gebieden: one line each, the most recent periods as a sparkline.
            let areas = Set(series.map(\.gebied)).count
            out.append("")
            out.append(style.bold("\(areas) gebieden") + style.dim("  (per gebied de laatste \(IndicatorReport.recentPeriods) perioden; één gebied in detail: metingen \(indicator.id) gebied=\"…\"; kies je gemeente met instelling gemeente=\"…\")"))
            out += compactLines(series, style: style)
        } else {
            if !focus.isEmpty, chosen.isEmpty, !series.isEmpty {
                out.append("")
                out.append("Geen metingen van " + focus.map(gebieden.weergave).joined(separator: " of ") + ".")
            }
            for reeks in chosen {
                let metingen = reeks.metingen
                let known = metingen.compactMap(\.waarde)
                let first = metingen.first?.periode ?? "", last = metingen.last?.periode ?? ""
                out.append("")
                out.append(style.bold(title(reeks)) + style.dim("  \(metingen.count) \(metingen.count == 1 ? "meting" : "metingen"), \(first) – \(last)"))
                if metingen.count > 1, let low = known.first, let high = known.last {
                    // The sparkline fits the terminal: the most recent periods when there are many.
                    let shown = Array(metingen.suffix(max(12, style.width - 30)))
                    out.append("  " + style.accent(IndicatorReport.sparkline(shown.map(\.waarde))) + "  \(Value.format(low)) → \(Value.format(high))"
                               + (shown.count < metingen.count ? style.dim("  (de laatste \(shown.count) perioden)") : ""))
                    let marks = markers(shown)
                    if marks.contains(where: { $0 != " " }) { out.append("  " + marks) }
                }
                for meting in metingen.suffix(12) {
                    let here = events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label)
                    out.append("  \(meting.periode.padded(to: 8)) \(meting.shown.padded(to: 10))"
                               + (meting.status != 0 ? style.dim(" " + meting.statusWord) : "") + (here.isEmpty ? "" : style.accent("  ◆ " + here.joined(separator: "; "))))
                }
                if metingen.count > 12 { out.append(style.dim("  (de laatste 12 van \(metingen.count) perioden; alles staat in `rapport \(indicator.id) naar \"…csv\"`)")) }
            }
            let rest = others
            if !rest.isEmpty || notShown > 0 {
                let areas = Set(rest.map(\.gebied)).count + notShown
                out.append("")
                out.append(style.dim("En \(areas) \(areas == 1 ? "ander gebied" : "andere gebieden") (niet gekozen): `rapport \(indicator.id) naar \"…html\"` toont ze in een tabel, `metingen \(indicator.id) gebied=\"…\"` één ervan."))
            }
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
                out += TextLayout.wrap("\(text) " + style.dim("— verwacht \(link.koppeling.richting)" + (link.koppeling.horizon.map { " in \($0)" } ?? "")
                                                               + (link.koppeling.gebied.map { " in \(gebieden.weergave($0))" } ?? "")),
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
                out.append("  \(duiding.periode)" + (duiding.gebied.isEmpty ? "" : " \(gebieden.weergave(duiding.gebied))") + (duiding.door.isEmpty ? "" : style.dim(" — \(duiding.door)")))
                for letter in Duiding.letters where !duiding[letter].isEmpty {
                    out += TextLayout.wrap(duiding[letter], width: style.width, first: "    \(letter). ", rest: "       ")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The trend of the indicator before and after the advies, per gebied, against the expectation:
    /// in the link's gebied, else in the chosen gebieden, else in all.
    public func effect(_ link: Link) -> [String] {
        guard let issued = link.advies.uitgebracht.flatMap(Termijn.parse) else { return ["nog niet uitgebracht: geen voor en na"] }
        var measured = series
        if let gebied = link.koppeling.gebied {
            // The linked gebied, with the comparison next to it.
            measured = ([gebied] + vergelijk.filter { $0 != gebied }).flatMap { code in series.filter { $0.gebied == code } }
        } else if !focus.isEmpty {
            measured = chosen
        }
        if measured.isEmpty { return [link.koppeling.gebied.map { "nog geen metingen in \(gebieden.weergave($0))" } ?? "nog geen metingen"] }
        if measured.count > IndicatorReport.compactAbove {
            var expected = 0, other = 0, same = 0, unknown = 0
            for reeks in measured {
                let (before, after) = Periode.beforeAndAfter(reeks.metingen, around: issued)
                guard let x = before?.waarde, let y = after?.waarde else { unknown += 1; continue }
                if y == x { same += 1 } else if (y > x) == (link.koppeling.richting == "omhoog") { expected += 1 } else { other += 1 }
            }
            return ["in \(expected) van de \(measured.count) gebieden de verwachte kant op, in \(other) de andere kant, \(same) gelijk, \(unknown) zonder meting voor én na"]
        }
        return measured.map { reeks in
            let (before, after) = Periode.beforeAndAfter(reeks.metingen, around: issued)
            let b = before.map { "\($0.shown) (\($0.periode))" } ?? "geen meting"
            let a = after.map { "\($0.shown) (\($0.periode))" } ?? "nog geen meting"
            var verdict = ""
            if let x = before?.waarde, let y = after?.waarde {
                let up = link.koppeling.richting == "omhoog"
                verdict = y == x ? " — gelijk gebleven" : ((y > x) == up ? " — de verwachte kant op" : " — de andere kant op")
            }
            return "\(title(reeks)): voor het advies \(b), erna \(a)\(verdict)"
        }
    }

    // MARK: - Files

    public func csv() -> String {
        var lines = ["indicator;gebied;naam;periode;waarde;status;ontbreekt;gebeurtenis"]
        for reeks in series {
            let naam = gebieden.gebied(code: reeks.gebied)?.naam ?? ""
            for meting in reeks.metingen {
                let here = events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label).joined(separator: "; ")
                lines.append([indicator.id, reeks.gebied, naam, meting.periode, meting.waarde.map { Value.format($0) } ?? "",
                              meting.status == 0 ? "definitief" : meting.statusWord, meting.ontbreekt ?? "", here]
                    .map(APKReport.cell).joined(separator: ";"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        let e = WerkbladExport.escape
        var out = ["# \(e(indicator.naam))", "", "Indicator `\(indicator.id)`, eenheid: \(e(indicator.eenheid))" + (indicator.richting.map { ", \($0)" } ?? "") + ".", ""]
        out += sourceLines.flatMap { [e($0), ""] }
        let full = focus.isEmpty && series.count > IndicatorReport.compactAbove ? [] : chosen
        for reeks in full {
            out += ["## \(e(title(reeks)))", "", "| Periode | Waarde | Status | Advies of besluit |", "|---|---|---|---|"]
            for meting in reeks.metingen {
                let here = events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label).joined(separator: "; ")
                out.append("| \(meting.periode) | \(meting.shown) | \(meting.statusWord) | \(e(here)) |")
            }
            out.append("")
        }
        let rest = full.isEmpty ? series : others
        if !rest.isEmpty {
            out += ["## \(full.isEmpty ? "Alle gebieden" : "Andere gebieden")", "", "| Gebied | Perioden | Eerste | Laatste |", "|---|---|---|---|"]
            for reeks in rest {
                let known = reeks.metingen.filter { $0.waarde != nil }
                out.append("| \(e(title(reeks))) | \(reeks.metingen.first?.periode ?? "") – \(reeks.metingen.last?.periode ?? "") | \(known.first?.shown ?? "") | \(known.last?.shown ?? "") |")
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
                out.append("### \(duiding.periode)" + (duiding.gebied.isEmpty ? "" : " \(e(gebieden.weergave(duiding.gebied)))") + (duiding.door.isEmpty ? "" : " — \(e(duiding.door))"))
                out.append("")
                for letter in Duiding.letters where !duiding[letter].isEmpty { out.append("- **\(letter).** \(e(duiding[letter]))") }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    public func html() -> String {
        // Many gebieden and none chosen: all in the compact table; chosen ones get a chart each.
        let full = focus.isEmpty && series.count > IndicatorReport.compactAbove ? [] : chosen
        let rest = full.isEmpty ? series : others
        let charts = full.map { reeks in (reeks, chart(reeks)) }
        let page = HTML(
            .lang(.dutch),
            ReportHTML.head(indicator.naam, css: ".legenda { color: #55606b; font-size: .9rem; }\n.compact td { padding: 1px 8px; } .spark { font-family: monospace; color: #0b5c8a; }\n"),
            .body(
                .h1(.text(indicator.naam)),
                .p(.text("Indicator \(indicator.id), eenheid: \(indicator.eenheid)" + (indicator.richting.map { ", \($0)" } ?? "") + ".")),
                .forEach(sourceLines) { .p(.class("legenda"), .text($0)) },
                .if(series.isEmpty, .p("Nog geen metingen.")),
                .forEach(charts, { entry in
                    .group(
                        .h2(.text(title(entry.0))),
                        .raw(entry.1.svg),
                        .if(!entry.1.legend.isEmpty, .p(.class("legenda"), .text(entry.1.legend.joined(separator: " ")))),
                        .table(
                            .tr(.th("Periode"), .th("Waarde"), .th("Advies of besluit")),
                            .forEach(entry.0.metingen) { meting in
                                .tr(.td(.text(meting.periode)), .td(.text(meting.shown + (meting.status != 0 ? " (\(meting.statusWord))" : ""))),
                                    .td(.text(events.filter { Periode.contains(meting.periode, $0.date) }.map(\.label).joined(separator: "; "))))
                            }
                        )
                    )
                }),
                .if(!rest.isEmpty, .group(
                    .h2(.text(full.isEmpty ? "Alle gebieden (\(Set(rest.map(\.gebied)).count))" : "Andere gebieden (\(Set(rest.map(\.gebied)).count))")),
                    .if(full.isEmpty && !series.isEmpty, .p(.class("legenda"), .text("Kies je gemeente met `instelling gemeente=\"…\"` of geef gebied=\"…\" voor een grafiek per gebied."))),
                    .table(.class("compact"),
                        .tr(.th("Gebied"), .th("Perioden"), .th("Eerste"), .th("Laatste"), .th("Verloop")),
                        .forEach(rest) { reeks in
                            let known = reeks.metingen.filter { $0.waarde != nil }
                            return .tr(.td(.text(title(reeks))), .td(.text("\(reeks.metingen.first?.periode ?? "") – \(reeks.metingen.last?.periode ?? "")")),
                                       .td(.text(known.first?.shown ?? "")), .td(.text(known.last.map { $0.shown + ($0.status != 0 ? "*" : "") } ?? "")),
                                       .td(.class("spark"), .text(IndicatorReport.sparkline(reeks.metingen.suffix(IndicatorReport.recentPeriods).map(\.waarde)))))
                        })
                )),
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
                            .h3(.text(duiding.periode + (duiding.gebied.isEmpty ? "" : " \(gebieden.weergave(duiding.gebied))") + (duiding.door.isEmpty ? "" : " — \(duiding.door)"))),
                            .ol(.attribute(named: "type", value: "a"), .forEach(Duiding.letters.filter { !duiding[$0].isEmpty }) { .li(.text(duiding[$0])) })
                        )
                    }
                ))
            )
        )
        return page.render(indentedBy: .spaces(2)) + "\n"
    }

    /// The target values of werkblad resultaten measured in this gebied.
    func goals(_ gebied: String) -> [Double] {
        targets.filter { ($0.item.gebied ?? focus.first ?? (Set(series.map(\.gebied)).count == 1 ? gebied : nil)) == gebied }.compactMap(\.item.doel)
    }

    /// A line chart of one series in SVG built from numbers only, with the legend of exactly what
    /// it draws. The value axis starts at zero (it spans zero when values are negative), so a
    /// change from 8,6 to 8,8 looks as small as it is; x labels are thinned so that they fit, the
    /// first and last anchored inside the chart. Dashed lines mark adviezen (A) and besluiten (B)
    /// in the range, a green dashed line a werkblad target, a grey line the comparison gebied.
    func chart(_ reeks: Reeks) -> (svg: String, legend: [String]) {
        let metingen = reeks.metingen
        let goals = goals(reeks.gebied)
        // The comparison runs through the chart of the gebied it is compared with, not through its own.
        let compared = !vergelijk.contains(reeks.gebied)
        let comparison = (compared ? vergelijk : []).compactMap { code in series.first { $0.gebied == code && $0.soort == reeks.soort } }.prefix(1)
        let known = metingen.compactMap(\.waarde) + goals + comparison.flatMap { $0.metingen.compactMap(\.waarde) }
        guard !metingen.isEmpty, !known.isEmpty, let low = known.min(), let high = known.max() else { return ("", []) }
        // Round axis ends (1, 2, 4, 5, 6 or 8 times a power of ten), so that the middle tick is round too.
        let floor = low < 0 ? -IndicatorReport.niceCeiling(-low) : 0
        let ceiling = high > 0 ? IndicatorReport.niceCeiling(high) : (floor < 0 ? 0 : 1)
        let ticks = Set([floor, 0, floor < 0 && ceiling > 0 ? floor : (floor + ceiling) / 2, ceiling]).sorted()
        let tickLabels = ticks.map { Value.format(($0 * 100).rounded() / 100) }
        // The left margin fits the longest value label (about 6.5 px a character at 11 px).
        let width = 640.0, height = 240.0, right = 20.0, top = 18.0, bottom = 36.0
        let left = max(64.0, Double(tickLabels.map(\.count).max() ?? 0) * 6.5 + 14)
        // Time runs evenly: every period from the first to the last has its place, so a missing
        // year is a gap in the line, not a shortcut between its neighbours.
        let observed = Set(metingen.map(\.periode) + comparison.flatMap { $0.metingen.map(\.periode) })
        let periods = Periode.sequence(from: observed.min() ?? "", to: observed.max() ?? "", soort: reeks.soort)
            .flatMap { $0.count <= 400 ? $0 : nil } ?? observed.sorted()
        let position = Dictionary(periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let step = periods.count > 1 ? (width - left - right) / Double(periods.count - 1) : 0
        func x(_ i: Int) -> Double { periods.count > 1 ? left + Double(i) * step : (left + width - right) / 2 }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - floor) / (ceiling - floor)) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var legend: [String] = []
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Trend\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(0)))\" stroke=\"#8a96a3\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(height - bottom))\" stroke=\"#d0d5db\"/>"
        for (value, label) in zip(ticks, tickLabels) {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" font-size=\"11\" text-anchor=\"end\">\(escapeSVG(label))</text>"
        }
        // Labels about 6.5 px per character; thinned so that neighbours keep 8 px apart.
        let labelWidth = Double(periods.map(\.count).max() ?? 4) * 6.5
        let every = periods.count > 1 ? max(1, Int(((labelWidth + 8) / step).rounded(.up))) : 1
        var shown = Array(stride(from: 0, to: periods.count, by: every))
        if let lastShown = shown.last, lastShown != periods.count - 1 {
            // The last period always gets its label; a label too close to it gives way.
            if Double(periods.count - 1 - lastShown) * step < labelWidth + 8 { shown.removeLast() }
            shown.append(periods.count - 1)
        }
        for i in shown {
            let anchor = periods.count == 1 ? "middle" : i == 0 ? "start" : i == periods.count - 1 ? "end" : "middle"
            let position = anchor == "start" ? x(i) - 4 : anchor == "end" ? x(i) + 4 : x(i)
            svg += "<text x=\"\(f(position))\" y=\"\(f(height - bottom + 16))\" font-size=\"11\" text-anchor=\"\(anchor)\">\(escapeSVG(periods[i]))</text>"
        }
        var drewEvents = Set<String>()
        for (i, periode) in periods.enumerated() {
            let kinds = Set(events.filter { Periode.contains(periode, $0.date) }.map { $0.kind == .advies ? "A" : "B" })
            guard !kinds.isEmpty else { continue }
            drewEvents.formUnion(kinds)
            svg += "<line x1=\"\(f(x(i)))\" y1=\"\(f(top))\" x2=\"\(f(x(i)))\" y2=\"\(f(height - bottom))\" stroke=\"#c2410c\" stroke-dasharray=\"4 3\"/>"
            // The letter above the plot area, where no line can run through it.
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(top - 5))\" font-size=\"11\" fill=\"#c2410c\" text-anchor=\"middle\">\(kinds.sorted().joined(separator: "+"))</text>"
        }
        if !drewEvents.isEmpty {
            legend.append("Oranje streepjeslijn: " + [drewEvents.contains("A") ? "advies uitgebracht (A)" : nil, drewEvents.contains("B") ? "besluit van de raad (B)" : nil].compactMap { $0 }.joined(separator: " en ") + ".")
        }
        for goal in goals {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(goal)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(goal)))\" stroke=\"#0b7a3e\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(f(width - right))\" y=\"\(f(y(goal) - 4))\" font-size=\"11\" fill=\"#0b7a3e\" text-anchor=\"end\">doel \(escapeSVG(Value.format(goal)))</text>"
        }
        if !goals.isEmpty { legend.append("Groene streepjeslijn: het doel uit een werkblad.") }
        func line(_ list: [Meting], color: String, dash: String) -> String {
            var path = ""
            var previous: Int?
            for meting in list {
                guard let index = position[meting.periode], let v = meting.waarde else { previous = nil; continue }
                // A period without a row breaks the line as much as an unknown value does.
                path += (previous == index - 1 ? "L" : "M") + "\(f(x(index))) \(f(y(v))) "
                previous = index
            }
            return path.isEmpty ? "" : "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
        }
        for other in comparison {
            let drawn = line(other.metingen, color: "#8a96a3", dash: "")
            if !drawn.isEmpty {
                svg += drawn
                legend.append("Grijze lijn: \(gebieden.weergave(other.gebied)) ter vergelijking.")
            }
        }
        svg += line(metingen, color: "#0b5c8a", dash: "")
        var provisional = false
        for meting in metingen {
            guard let v = meting.waarde, let i = position[meting.periode] else { continue }
            if meting.status != 0 { provisional = true }
            svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(meting.status != 0 ? "#ffffff" : "#0b5c8a")\" stroke=\"#0b5c8a\"/>"
        }
        legend.insert("Blauwe lijn: \(gebieden.weergave(reeks.gebied)); de as begint bij 0.", at: 0)
        if provisional { legend.append("Open rondje: voorlopig cijfer.") }
        return (svg + "</svg>", legend)
    }

    /// The smallest of 1, 2, 4, 5, 6, 8 or 10 times a power of ten that is at least `value` (> 0).
    static func niceCeiling(_ value: Double) -> Double {
        let power = pow(10, (log10(value)).rounded(.down))
        for factor in [1.0, 2, 4, 5, 6, 8, 10] where factor * power >= value * (1 - 1e-12) { return factor * power }
        return 10 * power
    }

    private func escapeSVG(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
