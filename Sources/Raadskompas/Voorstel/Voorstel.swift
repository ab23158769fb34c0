import Foundation
import GRDB

/// A raadsvoorstel with its text, as imported.
public struct Voorstel: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "voorstel"

    public var id: String
    public var titel: String
    /// ISO date (`2026-03-12`), if known.
    public var datum: String?
    public var gemeente: String
    public var portefeuille: String
    public var onderwerp: String
    /// Staalkaart ids of the laws the voorstel touches, comma-separated.
    public var wetten: String
    public var tekst: String
    /// SHA-256 of the text, to notice a changed file on a new import.
    public var hash: String
    /// Where the text came from (a path), or "" for a declared voorstel.
    public var bron: String
    public var geimporteerd: Date
    /// The gemeente's own number for the voorstel (registratie-, zaak- or voorstelnummer), or "".
    public var registratienummer: String = ""

    public var wettenLijst: [String] {
        wetten.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// One beoordelaar's judgement of one criterion: a score 0–3, or n.v.t.
public struct Beoordeling: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "beoordeling"

    public var id: Int64?
    public var voorstelId: String
    public var beoordelaar: String
    public var criterium: String
    public var score: Int?
    public var nvt: Bool
    public var toelichting: String
    public var gewijzigd: Date

    public init(voorstelId: String, beoordelaar: String, criterium: String, score: Int?, nvt: Bool, toelichting: String, now: Date = Date()) {
        self.voorstelId = voorstelId
        self.beoordelaar = beoordelaar
        self.criterium = criterium
        self.score = score
        self.nvt = nvt
        self.toelichting = toelichting
        self.gewijzigd = now
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The four scores of the seed's scale, and n.v.t.
    public static let scale: [(score: Int, label: String)] = [(0, "ontbreekt"), (1, "summier"), (2, "voldoende"), (3, "goed")]

    public var label: String {
        if nvt { return "n.v.t." }
        guard let score else { return "—" }
        return "\(score) \(Beoordeling.scale.first { $0.score == score }?.label ?? "")"
    }
}
