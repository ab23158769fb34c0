import Foundation
import GRDB
import KompasDSL

/// Operations on werkbladen. Each one is a single transaction: committed whole, or not at all.
public struct WerkbladStore: Sendable {
    public let store: Store

    /// A werkblad name compared as people see it: without regard to case, and with a typed `'` the
    /// same as Word's `’` (see `Names.key`).
    static let sameName = "replace(replace(replace(naam, '’', ''''), '‘', ''''), '`', '''') = ? COLLATE NOCASE"

    public init(store: Store) {
        self.store = store
    }

    public enum Failure: Error, Sendable, Equatable {
        case notFound(name: String, suggestion: String?)
        case exists(String)
        /// Another werkblad's name differs only in accents (`Zoeterwoude`, `Zoëterwoude`).
        case sameButForAccents(name: String, existing: String)
        case emptyName
        /// A name holds a line break (`"Visie\nieuw"`: a `\n` meant as part of a path).
        case nameOnTwoLines
        case store(StoreError)
    }

    public func all() throws(Failure) -> [Werkblad] {
        do {
            return try store.read { db in try Werkblad.order(sql: "naam COLLATE NOCASE").fetchAll(db) }
        } catch {
            throw Failure(error)
        }
    }

    /// The werkblad with this name (case-insensitive), or a failure that suggests the nearest name.
    public func find(_ name: String) throws(Failure) -> Werkblad {
        let found: Werkblad?
        do {
            found = try store.read { db in try Werkblad.filter(sql: WerkbladStore.sameName, arguments: [Names.key(name)]).fetchOne(db) }
        } catch {
            throw Failure(error)
        }
        if let found { return found }
        throw .notFound(name: name, suggestion: Suggestion.nearest(to: name, in: try all().map(\.naam)))
    }

    public func content(of werkblad: Werkblad) throws(Failure) -> WerkbladInhoud {
        do {
            return try store.read { db in
                let items = try WerkbladItem.filter(Column("werkbladId") == werkblad.id).order(Column("volgorde")).fetchAll(db)
                let links = try Koppeling.filter(Column("werkbladId") == werkblad.id).order(Column("volgorde")).fetchAll(db)
                return WerkbladInhoud(werkblad: werkblad, items: items, koppelingen: links)
            }
        } catch {
            throw Failure(error)
        }
    }

    /// `name` trimmed, or why it cannot name a werkblad.
    private static func checkedName(_ name: String) throws(Failure) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyName }
        guard !trimmed.contains(where: \.isNewline) else { throw .nameOnTwoLines }
        return trimmed
    }

    /// A werkblad other than `except` whose name differs from `name` only in accents: two such
    /// werkbladen look like one in a list, and `werkblad toon` would open the one typed.
    private static func accentTwin(of name: String, except: Int64? = nil, in db: Database) throws -> String? {
        let key = Names.key(name).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return try Werkblad.fetchAll(db).first {
            $0.id != except && Names.key($0.naam).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) == key
        }?.naam
    }

    @discardableResult
    public func create(_ werkblad: Werkblad) throws(Failure) -> Werkblad {
        let name = try WerkbladStore.checkedName(werkblad.naam)
        do {
            return try store.write { db in
                if try Werkblad.filter(sql: WerkbladStore.sameName, arguments: [Names.key(name)]).fetchCount(db) > 0 {
                    throw Failure.exists(name)
                }
                if let existing = try WerkbladStore.accentTwin(of: name, in: db) {
                    throw Failure.sameButForAccents(name: name, existing: existing)
                }
                var record = werkblad
                record.naam = name
                try record.insert(db)
                return record
            }
        } catch {
            throw Failure(error)
        }
    }

    public func rename(_ werkblad: Werkblad, to newName: String) throws(Failure) {
        let name = try WerkbladStore.checkedName(newName)
        do {
            try store.write { db in
                if name.lowercased() != werkblad.naam.lowercased(),
                   try Werkblad.filter(sql: WerkbladStore.sameName, arguments: [Names.key(name)]).fetchCount(db) > 0 {
                    throw Failure.exists(name)
                }
                if let existing = try WerkbladStore.accentTwin(of: name, except: werkblad.id, in: db) {
                    throw Failure.sameButForAccents(name: name, existing: existing)
                }
                try db.execute(sql: "UPDATE werkblad SET naam = ?, gewijzigd = ? WHERE id = ?", arguments: [name, Date(), werkblad.id])
            }
        } catch {
            throw Failure(error)
        }
    }

    /// Sets a werkblad's eigenaar, gemeente and soort (not its name: `rename`).
    public func updateMetadata(_ werkblad: Werkblad) throws(Failure) {
        do {
            try store.write { db in
                try db.execute(sql: "UPDATE werkblad SET eigenaar = ?, gemeente = ?, soort = ?, gewijzigd = ? WHERE id = ?",
                               arguments: [werkblad.eigenaar, werkblad.gemeente, werkblad.soort.rawValue, Date(), werkblad.id])
                guard db.changesCount > 0 else { throw Failure.notFound(name: werkblad.naam, suggestion: nil) }
            }
        } catch {
            throw Failure(error)
        }
    }

    /// Adds an answer at the end of its step and side, in its own transaction.
    public func addItem(to werkblad: Werkblad, stap: VisieStap, kant: Kant, text: String) throws(Failure) -> WerkbladItem {
        do {
            return try store.write { db in
                let last = try Int.fetchOne(db, sql: "SELECT max(volgorde) FROM item WHERE werkbladId = ? AND stap = ? AND kant = ?",
                                            arguments: [werkblad.id, stap.rawValue, kant.rawValue]) ?? 0
                var item = WerkbladItem(werkbladId: werkblad.id ?? 0, stap: stap, kant: kant, volgorde: last + 1, tekst: text)
                try item.insert(db)
                try db.execute(sql: "UPDATE werkblad SET gewijzigd = ? WHERE id = ?", arguments: [Date(), werkblad.id])
                return item
            }
        } catch {
            throw Failure(error)
        }
    }

    public func updateItem(_ item: WerkbladItem) throws(Failure) {
        do {
            try store.write { db in try item.update(db) }
        } catch {
            throw Failure(error)
        }
    }

    /// Moves an item to `position` (1-based) within its step and side; the others shift.
    public func move(_ item: WerkbladItem, to position: Int) throws(Failure) {
        do {
            try store.write { db in
                var siblings = try WerkbladItem.filter(Column("werkbladId") == item.werkbladId && Column("stap") == item.stap.rawValue && Column("kant") == item.kant.rawValue)
                    .order(Column("volgorde")).fetchAll(db)
                guard let from = siblings.firstIndex(where: { $0.id == item.id }) else { return }
                let moved = siblings.remove(at: from)
                siblings.insert(moved, at: max(0, min(position - 1, siblings.count)))
                for (index, var sibling) in siblings.enumerated() where sibling.volgorde != index + 1 {
                    sibling.volgorde = index + 1
                    try sibling.update(db)
                }
            }
        } catch {
            throw Failure(error)
        }
    }

    /// Removes an item; the ones after it move up.
    public func remove(_ item: WerkbladItem) throws(Failure) {
        do {
            try store.write { db in
                _ = try WerkbladItem.deleteOne(db, key: item.id)
                try db.execute(sql: "UPDATE item SET volgorde = volgorde - 1 WHERE werkbladId = ? AND stap = ? AND kant = ? AND volgorde > ?",
                               arguments: [item.werkbladId, item.stap.rawValue, item.kant.rawValue, item.volgorde])
            }
        } catch {
            throw Failure(error)
        }
    }

    public func addLink(to werkblad: Werkblad, waarde: String, principe: String, onderbouwing: String, resultaat: String) throws(Failure) {
        do {
            try store.write { db in
                let last = try Int.fetchOne(db, sql: "SELECT max(volgorde) FROM koppeling WHERE werkbladId = ?", arguments: [werkblad.id]) ?? 0
                var link = Koppeling(werkbladId: werkblad.id ?? 0, volgorde: last + 1, waarde: waarde, principe: principe,
                                     onderbouwing: onderbouwing, resultaat: resultaat)
                try link.insert(db)
            }
        } catch {
            throw Failure(error)
        }
    }

    public func setPosition(_ werkblad: Werkblad, _ position: String) throws(Failure) {
        do {
            try store.write { db in try db.execute(sql: "UPDATE werkblad SET positie = ? WHERE id = ?", arguments: [position, werkblad.id]) }
        } catch {
            throw Failure(error)
        }
    }

    public func delete(_ werkblad: Werkblad) throws(Failure) {
        do {
            _ = try store.write { db in try Werkblad.deleteOne(db, key: werkblad.id) }
        } catch {
            throw Failure(error)
        }
    }

    /// Adds to the werkblad named in `content` the answers and links it does not have yet (same
    /// step, side and text, without regard to case); everything it has stays. Returns how many
    /// answers and links were added.
    @discardableResult
    public func merge(_ content: WerkbladInhoud) throws(Failure) -> (items: Int, koppelingen: Int) {
        do {
            return try store.write { db in
                guard let existing = try Werkblad.filter(sql: WerkbladStore.sameName, arguments: [Names.key(content.werkblad.naam)]).fetchOne(db),
                      let id = existing.id else { throw Failure.notFound(name: content.werkblad.naam, suggestion: nil) }
                let items = try WerkbladItem.filter(Column("werkbladId") == id).fetchAll(db)
                let links = try Koppeling.filter(Column("werkbladId") == id).fetchAll(db)
                var added = (items: 0, koppelingen: 0)
                for var item in content.items {
                    let same = items.filter { $0.stap == item.stap && $0.kant == item.kant }
                    guard !same.contains(where: { $0.tekst.lowercased() == item.tekst.lowercased() }) else { continue }
                    item.id = nil
                    item.werkbladId = id
                    item.volgorde = same.count + 1 + content.items.prefix { $0.tekst != item.tekst }.filter { $0.stap == item.stap && $0.kant == item.kant }.count
                    try item.insert(db)
                    added.items += 1
                }
                for var link in content.koppelingen where !links.contains(where: { $0.waarde == link.waarde && $0.principe == link.principe && $0.resultaat == link.resultaat }) {
                    link.id = nil
                    link.werkbladId = id
                    link.volgorde = links.count + added.koppelingen + 1
                    try link.insert(db)
                    added.koppelingen += 1
                }
                if added.items + added.koppelingen > 0 {
                    try db.execute(sql: "UPDATE werkblad SET gewijzigd = ? WHERE id = ?", arguments: [Date(), id])
                }
                return added
            }
        } catch {
            throw Failure(error)
        }
    }

    /// Replaces everything in the werkblad (metadata, items, koppelingen) with `content`, creating
    /// the werkblad when it does not exist: the declarative `werkblad "NAAM" { … }` form. A new
    /// name is checked as `create` checks it.
    @discardableResult
    public func replace(with content: WerkbladInhoud) throws(Failure) -> Werkblad {
        do {
            return try store.write { db in
                var werkblad = content.werkblad
                if let existing = try Werkblad.filter(sql: WerkbladStore.sameName, arguments: [Names.key(werkblad.naam)]).fetchOne(db) {
                    werkblad.id = existing.id
                    werkblad.aangemaakt = existing.aangemaakt
                    werkblad.gewijzigd = Date()
                    try werkblad.update(db)
                    try WerkbladItem.filter(Column("werkbladId") == existing.id).deleteAll(db)
                    try Koppeling.filter(Column("werkbladId") == existing.id).deleteAll(db)
                } else {
                    werkblad.naam = try WerkbladStore.checkedName(werkblad.naam)
                    if let existing = try WerkbladStore.accentTwin(of: werkblad.naam, in: db) {
                        throw Failure.sameButForAccents(name: werkblad.naam, existing: existing)
                    }
                    try werkblad.insert(db)
                }
                guard let id = werkblad.id else { return werkblad }
                for var item in content.items {
                    item.id = nil
                    item.werkbladId = id
                    try item.insert(db)
                }
                for var link in content.koppelingen {
                    link.id = nil
                    link.werkbladId = id
                    try link.insert(db)
                }
                return werkblad
            }
        } catch {
            throw Failure(error)
        }
    }

}

extension WerkbladStore.Failure {
    /// Any error from a transaction: our own failures pass through, the rest is a store error.
    init(_ error: any Error) {
        switch error {
        case let failure as WerkbladStore.Failure: self = failure
        case let store as StoreError: self = .store(store)
        default: self = .store(Store.translate(error, path: ""))
        }
    }
}

extension WerkbladStore.Failure: ReportableFailure {
    public func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .notFound(let name, let suggestion):
            .error("geen werkblad met de naam ‘\(name)’",
                   hint: suggestion.map { "bedoelde je ‘\($0)’?" } ?? "typ `werkblad lijst` voor je werkbladen, of maak er een met `werkblad nieuw`", at: span)
        case .exists(let name):
            .error("er is al een werkblad ‘\(name)’", hint: "kies een andere naam, of open het met `werkblad toon \(Value.quote(name))`", at: span)
        case .sameButForAccents(let name, let existing):
            .error("er is al een werkblad ‘\(existing)’; ‘\(name)’ verschilt daarvan alleen in accenten",
                   hint: "open het bestaande met `werkblad toon \(Value.quote(existing))`, of kies een naam die echt anders is", at: span)
        case .emptyName:
            .error("de naam van een werkblad mag niet leeg zijn", hint: "geef een naam, bijvoorbeeld \"Visie sociaal domein\"", at: span)
        case .nameOnTwoLines:
            .error("de naam van een werkblad past op één regel",
                   hint: "haal de regelovergang uit de naam (in een tekst staat \\n voor een nieuwe regel)", at: span)
        case .store(let storeError):
            .error(storeError.message, hint: storeError.hint, at: span)
        }
    }
}

extension CommandContext {
    /// The werkbladen in the database.
    func werkbladen(_ node: Node) throws(Diagnostic) -> WerkbladStore {
        WerkbladStore(store: try store(for: node))
    }

    /// The werkblad named by argument `index`; an unknown name is an error at that argument.
    func werkblad(_ node: Node, argument index: Int, in store: WerkbladStore) throws(Diagnostic) -> Werkblad {
        try attempt(at: node.arguments[index].span) { try store.find(node.text(index)) }
    }
}
