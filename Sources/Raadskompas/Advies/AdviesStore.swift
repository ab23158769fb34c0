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

    /// Declares an advies with its aanbevelingen. Declaring it again keeps the college's reacties
    /// (per aanbeveling number) and the date the reactie came.
    public func declare(_ advies: Advies, aanbevelingen: [Aanbeveling]) throws {
        try store.write { db in
            let previous = try Advies.fetchOne(db, key: advies.id)
            var record = advies
            record.reactieOntvangen = previous?.reactieOntvangen
            let reacties = try Aanbeveling.filter(Column("adviesId") == advies.id).fetchAll(db)
            try record.save(db)
            try Aanbeveling.filter(Column("adviesId") == advies.id).deleteAll(db)
            for var aanbeveling in aanbevelingen {
                if let old = reacties.first(where: { $0.nummer == aanbeveling.nummer }) {
                    aanbeveling.reactie = old.reactie
                    aanbeveling.motivering = old.motivering
                }
                try aanbeveling.insert(db)
            }
        }
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
