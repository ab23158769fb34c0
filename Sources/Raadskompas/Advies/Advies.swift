import Foundation
import GRDB
import KompasDSL

/// An Adviesraad Sociaal Domein, with the reactietermijn its verordening sets (nil: not set).
public struct Adviesraad: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "adviesraad"
    public var id: String
    public var naam: String
    public var gemeente: String
    public var reactietermijn: Int?
}

/// An advies and its lifecycle dates (ISO dates as text).
public struct Advies: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "advies"
    public static let soorten = ["voorkant", "gevraagd", "ongevraagd", "signaal"]
    public var id: String
    public var raad: String
    public var soort: String
    public var onderwerp: String
    public var thema: String
    public var wetten: String
    public var aangevraagd: String?
    public var uitgebracht: String?
    public var reactieOntvangen: String?
    public var bijRaadsstukken: String?
    public var voorstel: String?
}

/// A numbered aanbeveling with the college's reactie.
public struct Aanbeveling: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "aanbeveling"
    public static let reacties = ["overgenomen", "deels", "niet"]
    public var adviesId: String
    public var nummer: Int
    public var tekst: String
    public var reactie: String?
    public var motivering: String
}

/// When the college's reactie is due, and whether it is late.
public enum Termijn {
    public enum Status: Equatable, Sendable {
        /// The adviesraad has no reactietermijn set: nothing can be late.
        case geenTermijn
        /// Not yet issued, so no clock runs.
        case nietUitgebracht
        case opTijd(uiterlijk: DateValue)
        case open(uiterlijk: DateValue, dagenOver: Int)
        case teLaat(uiterlijk: DateValue, dagenTeLaat: Int)
        case laatBeantwoord(uiterlijk: DateValue, dagenTeLaat: Int)
    }

    /// The reactie is due `weeks` weeks after the advies was issued, the due day included.
    public static func status(_ advies: Advies, weeks: Int?, today: DateValue) -> Status {
        guard let weeks else { return .geenTermijn }
        guard let issuedText = advies.uitgebracht, let issued = parse(issuedText) else { return .nietUitgebracht }
        let due = DateValue(dayNumber: issued.dayNumber + 7 * weeks)
        if let answeredText = advies.reactieOntvangen, let answered = parse(answeredText) {
            let late = answered.dayNumber - due.dayNumber
            return late > 0 ? .laatBeantwoord(uiterlijk: due, dagenTeLaat: late) : .opTijd(uiterlijk: due)
        }
        let late = today.dayNumber - due.dayNumber
        return late > 0 ? .teLaat(uiterlijk: due, dagenTeLaat: late) : .open(uiterlijk: due, dagenOver: -late)
    }

    static func parse(_ text: String) -> DateValue? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return DateValue(year: parts[0], month: parts[1], day: parts[2])
    }

    public static func describe(_ status: Status) -> String {
        switch status {
        case .geenTermijn: "geen reactietermijn ingesteld voor deze adviesraad"
        case .nietUitgebracht: "nog niet uitgebracht"
        case .opTijd(let due): "reactie op tijd (uiterlijk \(due.dutch))"
        case .open(let due, let left): "reactie verwacht uiterlijk \(due.dutch) (nog \(left) \(left == 1 ? "dag" : "dagen"))"
        case .teLaat(let due, let late): "TE LAAT: reactie had er uiterlijk \(due.dutch) moeten zijn (\(late) \(late == 1 ? "dag" : "dagen") over de termijn)"
        case .laatBeantwoord(let due, let late): "reactie kwam \(late) \(late == 1 ? "dag" : "dagen") na de termijn (uiterlijk \(due.dutch))"
        }
    }
}
