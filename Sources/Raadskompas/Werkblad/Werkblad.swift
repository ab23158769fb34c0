import Foundation
import GRDB

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
    /// A measurable target of a maatschappelijk resultaat: a percentage, a year, an indicator id.
    public var percentage: Double?
    public var jaar: Int?
    public var indicator: String?
    /// The target value on the indicator (in its unit), and the gebied where it is measured.
    public var doel: Double?
    public var gebied: String?

    public init(werkbladId: Int64, stap: VisieStap, kant: Kant, volgorde: Int, tekst: String, toelichting: String = "",
                percentage: Double? = nil, jaar: Int? = nil, indicator: String? = nil, doel: Double? = nil, gebied: String? = nil) {
        self.werkbladId = werkbladId
        self.stap = stap
        self.kant = kant
        self.volgorde = volgorde
        self.tekst = tekst
        self.toelichting = toelichting
        self.percentage = percentage
        self.jaar = jaar
        self.indicator = indicator
        self.doel = doel
        self.gebied = gebied
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
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
