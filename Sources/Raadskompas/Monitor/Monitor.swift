import Foundation
import GRDB
import KompasDSL

/// An indicator a gemeente or fractie defines itself, next to the catalogue in `Content/`.
public struct EigenIndicator: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "eigenindicator"
    public var id: String
    public var naam: String
    public var omschrijving: String
    public var eenheid: String
    public var richting: String?
    public var thema: String
}

/// An aanbeveling linked to an indicator: which way the advies expects it to move, and by when.
public struct AanbevelingIndicator: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "aanbevelingindicator"
    public static let richtingen = ["omhoog", "omlaag"]
    public var adviesId: String
    public var nummer: Int
    public var indicator: String
    public var richting: String
    public var horizon: Int?
    /// The gebied in which the effect is expected (a code, `GM0034`); nil: the chosen gebieden.
    public var gebied: String? = nil
}

/// The raad's duiding of an indicator for one period (and gebied): the four questions a–d.
public struct Duiding: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "duiding"
    public static let letters = ["a", "b", "c", "d"]
    public var indicator: String
    public var gebied: String
    public var periode: String
    public var a: String
    public var b: String
    public var c: String
    public var d: String
    public var door: String
    public var gewijzigd: Date

    public subscript(letter: String) -> String {
        get { [a, b, c, d][Duiding.letters.firstIndex(of: letter) ?? 0] }
        set {
            switch letter {
            case "a": a = newValue
            case "b": b = newValue
            case "c": c = newValue
            default: d = newValue
            }
        }
    }
}

/// One stored measurement.
public struct Meting: Sendable, Equatable {
    public let gebied: String
    public let periode: String
    public let waarde: Double?
    public let voorlopig: Bool
    /// 0 definitief, 1 voorlopig, 2 nader voorlopig.
    public let status: Int
    /// Why the value is missing: `onbekend`, `nvt`, `geheim`; nil when there is a value.
    public let ontbreekt: String?

    public init(gebied: String, periode: String, waarde: Double?, voorlopig: Bool, status: Int? = nil, ontbreekt: String? = nil) {
        self.gebied = gebied
        self.periode = periode
        self.waarde = waarde
        self.voorlopig = voorlopig
        self.status = status ?? (voorlopig ? 1 : 0)
        self.ontbreekt = ontbreekt
    }

    /// The value as shown: `12,5`, `onbekend`, `niet van toepassing`, `geheim`.
    public var shown: String {
        if let waarde { return Value.format(waarde) }
        switch ontbreekt {
        case "nvt": return "n.v.t."
        case "geheim": return "geheim"
        default: return "onbekend"
        }
    }

    /// `voorlopig`, `nader voorlopig` or empty.
    public var statusWord: String { status == 2 ? "nader voorlopig" : status == 1 ? "voorlopig" : "" }
}

/// The indicators a user can use: the catalogue of `Content/` plus their own.
public struct IndicatorCatalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let naam: String
        public let eenheid: String
        /// `hoger-is-beter`, `lager-is-beter`, or nil.
        public let richting: String?
        public let thema: String
        public let eigen: Bool
        /// Where the catalogue says the figures come from; empty for an own indicator.
        public var bron: String = ""
    }

    public let entries: [Entry]

    public init(library: ContentLibrary, own: [EigenIndicator]) {
        var entries = library.cards(ofKind: "indicator").compactMap { card -> Entry? in
            guard case .indicator(let info) = card.kind else { return nil }
            var entry = Entry(id: card.id, naam: card.title, eenheid: info.unit, richting: info.direction, thema: info.theme ?? "", eigen: false)
            entry.bron = info.source
            return entry
        }
        entries += own.map { Entry(id: $0.id, naam: $0.naam, eenheid: $0.eenheid, richting: $0.richting, thema: $0.thema, eigen: true) }
        self.entries = entries
    }

    public var ids: Set<String> { Set(entries.map(\.id)) }

    public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }
}

/// Measurement periods: `2023` (a year), `2023-K2` (a quarter), `2023-05` (a month).
public enum Periode {
    /// The period a user typed, as stored: also accepts CBS codes (`2023KW02`) and `2023-Q2`.
    public static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let cbs = MeasurementImport.period(trimmed) { return cbs }
        if let label = fromLabel(trimmed) { return label }
        guard range(trimmed.replacingOccurrences(of: "Q", with: "K")) != nil else { return nil }
        return trimmed.replacingOccurrences(of: "Q", with: "K")
    }

    static let maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]

    /// A period as StatLine labels it: `2024 1e kwartaal`, `2024 januari`.
    static func fromLabel(_ text: String) -> String? {
        let words = text.lowercased().split(separator: " ")
        guard words.count >= 2, words[0].count == 4, let year = Int(words[0]), (1900...2200).contains(year) else { return nil }
        if words.count == 3, words[2] == "kwartaal", let q = Int(words[1].prefix { $0.isNumber }), (1...4).contains(q) { return "\(year)-K\(q)" }
        if words.count == 2, let m = maanden.firstIndex(of: String(words[1])) { return String(format: "%d-%02d", year, m + 1) }
        return nil
    }

    /// Every period of one kind from `first` to `last` (`2020`…`2024`, `2024-K3`…`2025-K1`,
    /// `2024-11`…`2025-02`); nil when they are not of that kind or `last` comes first.
    public static func sequence(from first: String, to last: String, soort: String) -> [String]? {
        func parts(_ p: String) -> (Int, Int)? {
            let split = p.split(separator: "-")
            guard let year = Int(split.first ?? "") else { return nil }
            switch soort {
            case "jaar": return split.count == 1 ? (year, 0) : nil
            case "kwartaal": return split.count == 2 && split[1].hasPrefix("K") ? Int(split[1].dropFirst()).map { (year, $0) } : nil
            default: return split.count == 2 && !split[1].hasPrefix("K") ? Int(split[1]).map { (year, $0) } : nil
            }
        }
        guard let (y0, n0) = parts(first), let (y1, n1) = parts(last), (y0, n0) <= (y1, n1) else { return nil }
        var result: [String] = []
        var (year, n) = (y0, n0)
        while (year, n) <= (y1, n1), result.count <= 1_000 {
            switch soort {
            case "jaar": result.append("\(year)"); year += 1
            case "kwartaal": result.append("\(year)-K\(n)"); n += 1; if n > 4 { n = 1; year += 1 }
            default: result.append(String(format: "%d-%02d", year, n)); n += 1; if n > 12 { n = 1; year += 1 }
            }
        }
        return result
    }

    /// `jaar`, `kwartaal` or `maand`: periods of different lengths are separate series.
    public static func soort(_ periode: String) -> String {
        if periode.contains("-K") { return "kwartaal" }
        return periode.contains("-") ? "maand" : "jaar"
    }

    /// Why a period code is not read, in words.
    static func unknownMessage(_ raw: String) -> String {
        let upper = raw.uppercased()
        if upper.count == 8, upper.dropFirst(4).hasPrefix("SJ") { return "`\(raw)` is een schooljaar; dat is geen periode die Raadskompas kan vergelijken" }
        if upper.count == 8, upper.dropFirst(4).hasPrefix("HJ") { return "`\(raw)` is een halfjaar; dat is geen periode die Raadskompas kan vergelijken" }
        if upper.count == 8, upper.dropFirst(4).hasPrefix("X") || upper.dropFirst(4).hasPrefix("G") { return "`\(raw)` is een periode van meer jaren of een gemiddelde; die kan Raadskompas niet vergelijken" }
        if raw.isEmpty { return "de periode ontbreekt" }
        return "onbekende periodecode `\(raw)`"
    }

    /// The first and last day of a stored period.
    public static func range(_ periode: String) -> (first: DateValue, last: DateValue)? {
        let parts = periode.split(separator: "-")
        guard let year = Int(parts.first ?? ""), (1900...2200).contains(year), parts[0].count == 4 else { return nil }
        if parts.count == 1 {
            return (DateValue(year: year, month: 1, day: 1)!, DateValue(year: year, month: 12, day: 31)!)
        }
        guard parts.count == 2 else { return nil }
        if parts[1].hasPrefix("K"), let q = Int(parts[1].dropFirst()), (1...4).contains(q), parts[1].count == 2 {
            let lastMonth = q * 3
            return (DateValue(year: year, month: lastMonth - 2, day: 1)!,
                    DateValue(year: year, month: lastMonth, day: DateValue.daysIn(month: lastMonth, year: year))!)
        }
        if parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) {
            return (DateValue(year: year, month: m, day: 1)!, DateValue(year: year, month: m, day: DateValue.daysIn(month: m, year: year))!)
        }
        return nil
    }

    public static func contains(_ periode: String, _ date: DateValue) -> Bool {
        guard let r = range(periode) else { return false }
        return r.first <= date && date <= r.last
    }

    /// The last known value of a series (sorted by period) in a period that ended before `date`,
    /// and the last known value in a period that started after it.
    public static func beforeAndAfter(_ series: [Meting], around date: DateValue) -> (before: Meting?, after: Meting?) {
        let known = series.filter { $0.waarde != nil }
        let before = known.last { range($0.periode).map { $0.last < date } ?? false }
        let after = known.last { range($0.periode).map { $0.first > date } ?? false }
        return (before, after)
    }
}

/// The kerndomein of an Adviesraad Sociaal Domein (seed 001: Wmo 2015, Participatiewet, Jeugdwet,
/// Wet inburgering, Wgs, minimabeleid, Wsw, leerlingenvervoer, Wet publieke gezondheid). A voorstel
/// is in it when it names one of those laws, or when its text matches the `sociaal-domein` rule of
/// the analysis content (which a griffie can tune).
public struct Kerndomein: Sendable {
    public static let wetten: Set<String> = ["wmo", "participatiewet", "jeugdwet", "wgs"]
    let phrases: [String]

    public init(library: ContentLibrary) {
        let rules = library.cards(ofKind: "analyseregels").compactMap { card -> AnalysisRules? in
            if case .analyseregels(let rules) = card.kind { rules } else { nil }
        }
        phrases = rules.flatMap { $0.rules.filter { $0.id == "sociaal-domein" }.flatMap(\.sources) }
            .filter { !$0.contains("…") }.map { String(Folding.fold($0)) }
    }

    public func contains(_ voorstel: Voorstel) -> Bool {
        if !Kerndomein.wetten.isDisjoint(with: voorstel.wettenLijst) { return true }
        // The title, the onderwerp and the opening of the text say what a voorstel is about.
        let text = String(Folding.fold(voorstel.titel + "\n" + voorstel.onderwerp + "\n" + voorstel.tekst.prefix(6_000)))
        return phrases.contains { text.contains($0) }
    }
}
