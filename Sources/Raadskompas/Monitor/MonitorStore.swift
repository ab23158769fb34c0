import Foundation
import GRDB
import KompasDSL

/// Own indicators, measurements, links to indicators and duidingen in the database. Reads need no
/// write transaction (they work on a write-protected database); every change is one transaction.
public struct MonitorStore: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The catalogue of `library` plus the user's own indicators.
    public func catalog(_ library: ContentLibrary) throws -> IndicatorCatalog {
        IndicatorCatalog(library: library, own: try store.read { db in try EigenIndicator.order(Column("id")).fetchAll(db) })
    }

    public func ownIndicators() throws -> [EigenIndicator] {
        try store.read { db in try EigenIndicator.order(Column("id")).fetchAll(db) }
    }

    public func ownIndicator(_ id: String) throws -> EigenIndicator? {
        try store.read { db in try EigenIndicator.fetchOne(db, key: id) }
    }

    public func save(_ indicator: EigenIndicator) throws {
        try store.write { db in try indicator.save(db) }
    }

    /// How many measurements each indicator has.
    public func measurementCounts() throws -> [String: Int] {
        try store.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT indicator, count(*) AS n FROM meting GROUP BY indicator")
                .map { ($0["indicator"] as String, $0["n"] as Int) })
        }
    }

    public func measurementCount(of indicator: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meting WHERE indicator = ?", arguments: [indicator]) ?? 0 }
    }

    /// In how many gebieden an indicator is measured.
    public func gebiedCount(of indicator: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT gebied) FROM meting WHERE indicator = ?", arguments: [indicator]) ?? 0 }
    }

    /// What removing an own indicator took with it.
    public struct Removal: Sendable, Equatable {
        public var metingen = 0, koppelingen = 0, duidingen = 0, resultaten = 0
    }

    /// Removes an own indicator with its measurements, links and duidingen, and unlinks the
    /// werkblad resultaten that targeted it: their streefwaarde (value, direction, year, gebied)
    /// is the raadslid's own and stays.
    @discardableResult
    public func deleteOwnIndicator(_ id: String) throws -> Removal {
        try store.write { db in
            var removal = Removal()
            try db.execute(sql: "DELETE FROM meting WHERE indicator = ?", arguments: [id]); removal.metingen = db.changesCount
            try db.execute(sql: "DELETE FROM aanbevelingindicator WHERE indicator = ?", arguments: [id]); removal.koppelingen = db.changesCount
            try db.execute(sql: "DELETE FROM duiding WHERE indicator = ?", arguments: [id]); removal.duidingen = db.changesCount
            try db.execute(sql: "UPDATE item SET indicator = NULL WHERE indicator = ?", arguments: [id]); removal.resultaten = db.changesCount
            _ = try EigenIndicator.deleteOne(db, key: id)
            return removal
        }
    }

    /// Everything known about `indicator` (in one gebied, or all; with `lastPeriods`, only the most
    /// recent periods of every gebied).
    public func report(_ indicator: IndicatorCatalog.Entry, gebied: String?, lastPeriods: Int? = nil) throws -> IndicatorReport {
        try store.read { db in try IndicatorReport.load(db, indicator: indicator, gebied: gebied, lastPeriods: lastPeriods) }
    }

    public func report(_ indicator: IndicatorCatalog.Entry, gebieden: [String]?, lastPeriods: Int? = nil) throws -> IndicatorReport {
        try store.read { db in try IndicatorReport.load(db, indicator: indicator, gebieden: gebieden, lastPeriods: lastPeriods) }
    }

    public func link(_ link: AanbevelingIndicator) throws {
        try store.write { db in try link.save(db) }
    }

    /// Whether there was such a link to remove.
    public func unlink(advies: String, nummer: Int, indicator: String) throws -> Bool {
        try store.write { db in try AanbevelingIndicator.deleteOne(db, key: ["adviesId": advies, "nummer": nummer, "indicator": indicator]) }
    }

    public func duiding(indicator: String, gebied: String, periode: String) throws -> Duiding? {
        let key: [String: any DatabaseValueConvertible] = ["indicator": indicator, "gebied": gebied, "periode": periode]
        return try store.read { db in try Duiding.fetchOne(db, key: key) }
    }

    public func save(_ duiding: Duiding) throws {
        try store.write { db in try duiding.save(db) }
    }
}

extension CommandContext {
    func monitor(_ node: Node) throws(Diagnostic) -> MonitorStore {
        MonitorStore(store: try store(for: node))
    }

    /// The user's own indicators.
    func ownIndicators(_ node: Node) throws(Diagnostic) -> [EigenIndicator] {
        let store = try monitor(node)
        return try attempt(node) { try store.ownIndicators() }
    }

    /// The catalogue plus the user's own indicators.
    func catalog(_ node: Node) throws(Diagnostic) -> IndicatorCatalog {
        let store = try monitor(node)
        return try attempt(node) { try store.catalog(library) }
    }

    /// The report of an indicator as the user's settings ask: `gebied` (a code) and the comparison,
    /// or mijn gemeente and the comparison, or every gebied; with names for the codes. `full`: all
    /// gebieden are read (a file shows the others in a compact table).
    func indicatorReport(_ node: Node, _ indicator: IndicatorCatalog.Entry, gebied: String?, full: Bool = false) throws(Diagnostic) -> IndicatorReport {
        let monitor = try monitor(node)
        let settings = try instellingen(node)
        let chosen: [String]
        if let gebied { chosen = [gebied] + settings.vergelijk.filter { $0 != gebied } } else { chosen = settings.focus }
        var report = try attempt(node) { () throws -> IndicatorReport in
            let areas = try monitor.gebiedCount(of: indicator.id)
            if chosen.isEmpty {
                // In the terminal, an indicator measured in many gebieden gets one line per gebied.
                return try monitor.report(indicator, gebieden: nil, lastPeriods: !full && areas > IndicatorReport.compactAbove ? IndicatorReport.recentPeriods : nil)
            }
            var report = try monitor.report(indicator, gebieden: full ? nil : chosen)
            if !full { report.notShown = max(0, areas - Set(report.series.map(\.gebied)).count) }
            return report
        }
        report.gebieden = gebieden
        report.focus = chosen
        report.vergelijk = gebied == nil && settings.gemeente == nil ? [] : settings.vergelijk
        return report
    }

    /// The indicator `id`, or an error at `span` with the nearest id (or those that start alike).
    func indicator(_ id: String, at span: SourceSpan, in catalog: IndicatorCatalog) throws(Diagnostic) -> IndicatorCatalog.Entry {
        guard let entry = catalog.entry(id) else {
            var starting = catalog.entries.map(\.id).filter { !id.isEmpty && $0.hasPrefix(id) }
            if starting.isEmpty {
                // `jongeren-jeugdhulp`: the ids that hold every word typed.
                let words = id.lowercased().split(separator: "-").filter { $0.count > 2 }
                if !words.isEmpty { starting = catalog.entries.map(\.id).filter { candidate in words.allSatisfy { candidate.contains($0) } } }
            }
            let hint = Suggestion.hint(for: id, in: catalog.ids)
                ?? (starting.isEmpty || starting.count > 6 ? nil : "bedoelde je " + starting.map { "`\($0)`" }.joined(separator: " of ") + "?")
            throw .error("onbekende indicator `\(id)`", hint: hint ?? "typ `indicator lijst` voor de indicatoren", at: span)
        }
        return entry
    }
}
