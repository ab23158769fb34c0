import Foundation
import GRDB
import KompasDSL

/// A visie-werkblad of a raadslid, a fractie or the raad ("samen").
public struct Werkblad: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "werkblad"

    public enum Soort: String, Codable, Sendable, CaseIterable {
        case raadslid, fractie, raad
    }

    public var id: Int64?
    public var naam: String
    public var eigenaar: String
    public var soort: Soort
    public var gemeente: String
    public var aangemaakt: Date
    public var gewijzigd: Date
    /// Where guided filling stopped: "stap/kant", "klaar" when all steps were done, "" when never started.
    public var positie: String

    public init(naam: String, eigenaar: String = "", soort: Soort = .raadslid, gemeente: String = "", now: Date = Date()) {
        self.naam = naam
        self.eigenaar = eigenaar
        self.soort = soort
        self.gemeente = gemeente
        self.aangemaakt = now
        self.gewijzigd = now
        self.positie = ""
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static let items = hasMany(WerkbladItem.self)
    static let koppelingen = hasMany(Koppeling.self)
}

/// The four steps of the visie-werkblad, in order, with the node name of their items.
public enum VisieStap: String, Codable, Sendable, CaseIterable {
    case waarden, principes, resultaten, kwaliteitseisen

    public var nummer: Int { (VisieStap.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// How one item of this step is written in a `.kompas` werkblad.
    public var itemName: String {
        switch self {
        case .waarden: "waarde"
        case .principes: "principe"
        case .resultaten: "resultaat"
        case .kwaliteitseisen: "eis"
        }
    }

    public var titel: String {
        switch self {
        case .waarden: "Maatschappelijke waarden"
        case .principes: "Leidende principes"
        case .resultaten: "Maatschappelijke resultaten"
        case .kwaliteitseisen: "Kwaliteitseisen aan ondersteuning en zorg"
        }
    }
}

/// Alone ("wat kun je zelf doen") or with the raad ("wat kun je als raadsleden samen doen").
public enum Kant: String, Codable, Sendable, CaseIterable {
    case zelf, samen
}

/// One answer in the werkblad: a waarde, principe, resultaat or kwaliteitseis.
public struct WerkbladItem: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "item"

    public var id: Int64?
    public var werkbladId: Int64
    public var stap: VisieStap
    public var kant: Kant
    public var volgorde: Int
    public var tekst: String
    public var toelichting: String
    /// The one target of a maatschappelijk resultaat: a value in a unit (`%`, `dagen`, or the
    /// indicator's), the way it should move (omhoog/omlaag), the year, the indicator it is measured
    /// with and the gebied. Every part is optional; entered in `werkblad invullen`, in the
    /// declarative form or with `koppel resultaat`, and shown the same way everywhere.
    public var doel: Double?
    public var eenheid: String?
    public var richting: String?
    public var jaar: Int?
    public var indicator: String?
    public var gebied: String?

    public static let richtingen = ["omhoog", "omlaag"]

    public init(werkbladId: Int64, stap: VisieStap, kant: Kant, volgorde: Int, tekst: String, toelichting: String = "",
                doel: Double? = nil, eenheid: String? = nil, richting: String? = nil, jaar: Int? = nil, indicator: String? = nil, gebied: String? = nil) {
        self.werkbladId = werkbladId
        self.stap = stap
        self.kant = kant
        self.volgorde = volgorde
        self.tekst = tekst
        self.toelichting = toelichting
        self.doel = doel
        self.eenheid = eenheid
        self.richting = richting
        self.jaar = jaar
        self.indicator = indicator
        self.gebied = gebied
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Whether any part of a target is given.
    public var hasTarget: Bool { doel != nil || jaar != nil || indicator != nil || gebied != nil || richting != nil }

    /// The value with its unit: `70%`, `12,5 dagen`.
    public var doelWaarde: String? {
        guard let doel else { return nil }
        let unit = eenheid ?? ""
        return unit == "%" ? Value.format(doel) + "%" : Value.format(doel) + (unit.isEmpty ? "" : " \(unit)")
    }

    /// The target in words, the same in every view: `10% omlaag in 2030, indicator eenzaamheid-75plus in GM0363`.
    public var doelTekst: String? {
        guard hasTarget else { return nil }
        var parts: [String] = []
        var value = doelWaarde ?? ""
        if let richting { value += (value.isEmpty ? "" : " ") + richting }
        if let jaar { value += (value.isEmpty ? "" : " ") + "in \(jaar)" }
        if !value.isEmpty { parts.append(value) }
        if let indicator { parts.append("indicator \(indicator)" + (gebied.map { " in \($0)" } ?? "")) } else if let gebied { parts.append("gebied \(gebied)") }
        return parts.joined(separator: ", ")
    }

    /// The direction a resultaat's own words point to: "10% minder eenzame inwoners" is omlaag.
    public static func richting(in text: String) -> String? {
        let folded: [Character] = Folding.fold(text)
        let words: Set<String> = Set(folded.split(whereSeparator: { !$0.isLetter }).map { String($0) })
        let down: [String] = ["minder", "lager", "daling", "dalen", "daalt", "afname", "afnemen", "neemt", "terug", "verminderen", "vermindering", "verlagen", "verlaging", "kleiner", "korter", "halveren", "halvering", "terugdringen"]
        let up: [String] = ["meer", "hoger", "stijging", "stijgen", "stijgt", "toename", "toenemen", "groei", "groeit", "verhogen", "verhoging", "groter", "langer", "verdubbelen", "vergroten"]
        let isDown = down.contains { words.contains($0) } && !(words.contains("neemt") && words.contains("toe"))
        let isUp = up.contains { words.contains($0) }
        if isDown != isUp { return isDown ? "omlaag" : "omhoog" }
        return nil
    }

    /// `70%`, `12,5`, `12,5 dagen`, `8 weken` as a value and unit; nil when it is not a number.
    public static func parseDoel(_ text: String) -> (waarde: Double, eenheid: String?)? {
        var rest = text.trimmingCharacters(in: .whitespaces)
        if rest.hasSuffix("%") {
            rest.removeLast()
            return StandardLibrary.parseDutchNumber(rest.trimmingCharacters(in: .whitespaces)).map { ($0, "%") }
        }
        let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let value = StandardLibrary.parseDutchNumber(first) else { return nil }
        let unit = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        return (value, unit.flatMap { $0.isEmpty ? nil : String($0.prefix(30)) })
    }
}

/// A row of the koppeltabel: waarde → leidend principe → onderbouwing → maatschappelijk resultaat.
public struct Koppeling: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "koppeling"

    public var id: Int64?
    public var werkbladId: Int64
    public var volgorde: Int
    public var waarde: String
    public var principe: String
    public var onderbouwing: String
    public var resultaat: String

    public init(werkbladId: Int64, volgorde: Int, waarde: String, principe: String, onderbouwing: String, resultaat: String) {
        self.werkbladId = werkbladId
        self.volgorde = volgorde
        self.waarde = waarde
        self.principe = principe
        self.onderbouwing = onderbouwing
        self.resultaat = resultaat
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A werkblad with everything in it, as read in one transaction.
public struct WerkbladInhoud: Sendable, Equatable {
    public var werkblad: Werkblad
    public var items: [WerkbladItem]
    public var koppelingen: [Koppeling]

    public init(werkblad: Werkblad, items: [WerkbladItem], koppelingen: [Koppeling]) {
        self.werkblad = werkblad
        self.items = items
        self.koppelingen = koppelingen
    }

    public func items(_ stap: VisieStap, _ kant: Kant) -> [WerkbladItem] {
        items.filter { $0.stap == stap && $0.kant == kant }.sorted { $0.volgorde < $1.volgorde }
    }
}
