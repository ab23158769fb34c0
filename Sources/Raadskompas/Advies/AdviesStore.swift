import Foundation
import GRDB
import KompasDSL

/// Adviesraden, adviezen, aanbevelingen and reacties in the database. Reads need no write
/// transaction; every change is one transaction.
public struct AdviesStore: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func raden() throws -> [Adviesraad] {
        try store.read { db in try Adviesraad.order(Column("id")).fetchAll(db) }
    }

    public func save(_ raad: Adviesraad) throws {
        try store.write { db in try raad.save(db) }
    }

    /// All adviezen, the most recently issued first.
    public func adviezen() throws -> [Advies] {
        try store.read { db in try Advies.order(Column("uitgebracht").desc, Column("id")).fetchAll(db) }
    }

    public func advies(_ id: String) throws -> Advies? {
        try store.read { db in try Advies.fetchOne(db, key: id) }
    }

    public func ids() throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM advies ORDER BY id") }
    }

    /// The aanbevelingen of an advies, in number order.
    public func aanbevelingen(of id: String) throws -> [Aanbeveling] {
        try store.read { db in try Aanbeveling.filter(Column("adviesId") == id).order(Column("nummer")).fetchAll(db) }
    }

    /// The indicator links of an advies's aanbevelingen.
    public func links(of id: String) throws -> [AanbevelingIndicator] {
        try store.read { db in try AanbevelingIndicator.filter(Column("adviesId") == id).order(Column("nummer"), Column("indicator")).fetchAll(db) }
    }

    /// What a declaration of an advies says; nil fields are not given and keep what is stored.
    public struct Declaration: Sendable {
        public var id: String
        public var raad: String?
        public var soort: String?
        public var onderwerp: String?
        public var thema: String?
        public var wetten: [String]?
        public var aangevraagd: String?
        public var uitgebracht: String?
        public var bijRaadsstukken: String?
        public var voorstel: String?
        public var aanbevelingen: [(nummer: Int, tekst: String)]
        /// The aanbevelingen given are all there are: others are removed.
        public var replaceAanbevelingen: Bool
    }

    /// What declaring did.
    public struct Declared: Sendable, Equatable {
        public var isNew = false
        public var changedFields: [String] = []
        public var new: [Int] = []
        public var changed: [Int] = []
        public var unchanged: [Int] = []
        public var kept: [Int] = []
        public var removed: [Int] = []
    }

    public enum Failure: Error, Sendable, Equatable {
        /// A new advies needs these fields.
        case missing(id: String, fields: [String])
        /// Uitgebracht before it was asked for: one of the two dates is a typo.
        case issuedBeforeAsked(id: String, aangevraagd: String, uitgebracht: String)
    }

    /// Declares an advies: a new one needs raad, soort and onderwerp; an existing one changes the
    /// fields and aanbevelingen the declaration gives and keeps the rest (reacties, links, dates).
    public func declare(_ declaration: Declaration) throws -> Declared {
        try store.write { db in
            var result = Declared()
            let previous = try Advies.fetchOne(db, key: declaration.id)
            var record: Advies
            if let previous {
                record = previous
            } else {
                let missing = [("raad", declaration.raad), ("soort", declaration.soort), ("onderwerp", declaration.onderwerp)].filter { $0.1 == nil }.map(\.0)
                guard missing.isEmpty else { throw Failure.missing(id: declaration.id, fields: missing) }
                record = Advies(id: declaration.id, raad: "", soort: "", onderwerp: "", thema: "", wetten: "", aangevraagd: nil, uitgebracht: nil,
                                reactieOntvangen: nil, bijRaadsstukken: nil, voorstel: nil)
                result.isNew = true
            }
            func set<V: Equatable>(_ path: WritableKeyPath<Advies, V>, _ value: V?, _ name: String) {
                guard let value, record[keyPath: path] != value else { return }
                record[keyPath: path] = value
                if previous != nil { result.changedFields.append(name) }
            }
            set(\.raad, declaration.raad, "raad")
            set(\.soort, declaration.soort, "soort")
            set(\.onderwerp, declaration.onderwerp, "onderwerp")
            set(\.thema, declaration.thema, "thema")
            set(\.wetten, declaration.wetten?.joined(separator: ","), "wetten")
            set(\.aangevraagd, declaration.aangevraagd.map { Optional($0) }, "aangevraagd")
            set(\.uitgebracht, declaration.uitgebracht.map { Optional($0) }, "uitgebracht")
            set(\.bijRaadsstukken, declaration.bijRaadsstukken.map { Optional($0) }, "bij_raadsstukken")
            set(\.voorstel, declaration.voorstel.map { Optional($0) }, "voorstel")
            // ISO dates compare as text.
            if let asked = record.aangevraagd, let issued = record.uitgebracht, issued < asked {
                throw Failure.issuedBeforeAsked(id: declaration.id, aangevraagd: asked, uitgebracht: issued)
            }
            try record.save(db)
            let earlier = try Aanbeveling.filter(Column("adviesId") == declaration.id).fetchAll(db)
            for (nummer, tekst) in declaration.aanbevelingen {
                if var existing = earlier.first(where: { $0.nummer == nummer }) {
                    guard existing.tekst != tekst else { result.unchanged.append(nummer); continue }
                    existing.tekst = tekst
                    try existing.update(db)
                    result.changed.append(nummer)
                } else {
                    try Aanbeveling(adviesId: declaration.id, nummer: nummer, tekst: tekst, reactie: nil, motivering: "").insert(db)
                    result.new.append(nummer)
                }
            }
            let given = Set(declaration.aanbevelingen.map(\.nummer))
            for other in earlier where !given.contains(other.nummer) {
                if declaration.replaceAanbevelingen {
                    _ = try other.delete(db)
                    result.removed.append(other.nummer)
                } else {
                    result.kept.append(other.nummer)
                }
            }
            return result
        }
    }

    /// Removes an advies with its aanbevelingen, their reacties and their links to indicators.
    /// Returns how many aanbevelingen and links went with it.
    public func removeAdvies(_ id: String) throws -> (aanbevelingen: Int, links: Int) {
        try store.write { db in
            let aanbevelingen = try Aanbeveling.filter(Column("adviesId") == id).fetchCount(db)
            let links = try Int.fetchOne(db, sql: "SELECT count(*) FROM aanbevelingindicator WHERE adviesId = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM aanbevelingindicator WHERE adviesId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM aanbeveling WHERE adviesId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM advies WHERE id = ?", arguments: [id])
            return (aanbevelingen, links)
        }
    }

    /// The ids of the adviezen of a raad.
    public func adviezen(of raad: String) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM advies WHERE raad = ? ORDER BY id", arguments: [raad]) }
    }

    /// Removes an adviesraad that has no adviezen (the caller checks; the database refuses too).
    public func removeRaad(_ id: String) throws {
        try store.write { db in try db.execute(sql: "DELETE FROM adviesraad WHERE id = ?", arguments: [id]) }
    }

    /// Removes one aanbeveling (its reactie goes with it; links to indicators stay until removed).
    public func removeAanbeveling(_ advies: String, nummer: Int) throws -> Bool {
        try store.write { db in try Aanbeveling.deleteOne(db, key: ["adviesId": advies, "nummer": nummer]) }
    }

    /// Stores the college's reactie: the changed aanbevelingen and the date it came.
    public func saveReactie(to id: String, on date: DateValue, _ aanbevelingen: [Aanbeveling]) throws {
        try store.write { db in
            for aanbeveling in aanbevelingen { try aanbeveling.update(db) }
            try db.execute(sql: "UPDATE advies SET reactieOntvangen = ? WHERE id = ?", arguments: [date.description, id])
        }
    }

    /// The ids of voorstellen that an advies names.
    public func advisedVoorstellen() throws -> Set<String> {
        Set(try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT voorstel FROM advies WHERE voorstel IS NOT NULL") })
    }

    /// The ids of voorstellen in the kerndomein that no advies names.
    public func withoutAdvies(_ voorstellen: [Voorstel], kerndomein: Kerndomein) throws -> Set<String> {
        let advised = try advisedVoorstellen()
        return Set(voorstellen.filter { !advised.contains($0.id) && kerndomein.contains($0) }.map(\.id))
    }

    /// The year report of the adviezen issued in `year` (of one raad, or all).
    public func yearReport(_ year: Int, raad: String?, kerndomein: Kerndomein, today: DateValue) throws -> YearReport {
        try store.read { db in try YearReport.load(db, year: year, raad: raad, kerndomein: kerndomein, today: today) }
    }

    /// Runs one step of a guided flow in a transaction.
    func write(_ body: (Database) throws -> Void) throws {
        try store.write(body)
    }
}

extension AdviesStore.Failure: ReportableFailure {
    public func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .missing(let id, let fields):
            .error("advies \(id) bestaat nog niet en mist " + fields.map { "`\($0)`" }.joined(separator: ", "),
                   hint: "een nieuw advies heeft raad, soort en onderwerp nodig, bijvoorbeeld advies \(id) raad=asd soort=gevraagd onderwerp=\"…\"", at: span)
        case .issuedBeforeAsked(let id, let asked, let issued):
            .error("advies \(id) zou zijn uitgebracht (\(Termijn.parse(issued)?.dutch ?? issued)) vóór het werd aangevraagd (\(Termijn.parse(asked)?.dutch ?? asked)); er is niets opgeslagen",
                   hint: "controleer de twee data: aangevraagd=… komt vóór uitgebracht=…", at: span)
        }
    }
}

extension CommandContext {
    func adviezen(_ node: Node) throws(Diagnostic) -> AdviesStore {
        AdviesStore(store: try store(for: node))
    }

    /// The advies `id`, or an error at `span` with the nearest id.
    func advies(_ id: String, at span: SourceSpan, in store: AdviesStore, hint: String = "typ `advies lijst`") throws(Diagnostic) -> Advies {
        guard let advies = try attempt(at: span, { try store.advies(id) }) else {
            let ids = try attempt(at: span) { try store.ids() }
            throw .error("geen advies met id `\(id)`", hint: Suggestion.hint(for: id, in: ids) ?? hint, at: span)
        }
        return advies
    }
}
