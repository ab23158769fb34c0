import Crypto
import Foundation
import GRDB
import KompasDSL

/// Raadsvoorstellen and their beoordelingen in the database; every change one transaction.
public struct VoorstelStore: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public enum Failure: Error, Sendable, Equatable {
        case notFound(id: String, suggestion: String?)
        case store(StoreError)

        init(_ error: any Error) {
            switch error {
            case let failure as Failure: self = failure
            case let store as StoreError: self = .store(store)
            default: self = .store(Store.translate(error, path: ""))
            }
        }
    }

    /// What an import did with the text.
    public enum Change: Sendable, Equatable {
        case new
        case unchanged
        case changed(previous: Date)
        /// The same text, other details (datum, portefeuille, …): the names of those fields.
        case fieldsChanged([String])
    }

    /// The fields besides the text in which two versions of a voorstel differ.
    static func changedFields(_ a: Voorstel, _ b: Voorstel) -> [String] {
        var fields: [String] = []
        if a.titel != b.titel { fields.append("titel") }
        if a.datum != b.datum { fields.append("datum") }
        if a.gemeente != b.gemeente { fields.append("gemeente") }
        if a.portefeuille != b.portefeuille { fields.append("portefeuille") }
        if a.onderwerp != b.onderwerp { fields.append("onderwerp") }
        if a.wetten != b.wetten { fields.append("wetten") }
        if a.bron != b.bron { fields.append("bron") }
        if a.registratienummer != b.registratienummer { fields.append("registratienummer") }
        return fields
    }

    public static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public func all() throws(Failure) -> [Voorstel] {
        do {
            return try store.read { db in try Voorstel.order(Column("datum").desc, Column("id")).fetchAll(db) }
        } catch {
            throw Failure(error)
        }
    }

    public func find(_ id: String) throws(Failure) -> Voorstel {
        let found: Voorstel?
        do {
            found = try store.read { db in try Voorstel.fetchOne(db, key: id.lowercased()) }
        } catch {
            throw Failure(error)
        }
        if let found { return found }
        throw .notFound(id: id, suggestion: Suggestion.nearest(to: id, in: try all().map(\.id)))
    }

    /// Stores the voorstel, keeping its beoordelingen when it already existed; says what changed.
    @discardableResult
    public func save(_ voorstel: Voorstel) throws(Failure) -> Change {
        do {
            return try store.write { db in try VoorstelStore.save(voorstel, db) }
        } catch {
            throw Failure(error)
        }
    }

    static func save(_ voorstel: Voorstel, _ db: Database) throws -> Change {
        if let existing = try Voorstel.fetchOne(db, key: voorstel.id) {
            guard existing.hash == voorstel.hash else {
                try voorstel.update(db)
                return .changed(previous: existing.geimporteerd)
            }
            let fields = VoorstelStore.changedFields(existing, voorstel)
            guard !fields.isEmpty else { return .unchanged }
            var updated = voorstel
            updated.geimporteerd = existing.geimporteerd
            try updated.update(db)
            return .fieldsChanged(fields)
        }
        try voorstel.insert(db)
        return .new
    }

    /// What storing a batch did, per voorstel.
    public struct BatchOutcome: Sendable {
        public var changes: [(id: String, change: Change)] = []
        /// Voorstellen with this id that came from another file: left alone.
        public var conflicts: [(id: String, bron: String)] = []
        public var deleted: [String] = []
    }

    /// Stores a batch in one transaction, so one `ongedaan` takes it back. A voorstel whose id is
    /// taken by one from another file is left alone (unless `replace`); deletions only remove
    /// voorstellen that came from the same export (`bron` starting with `exportSource#`).
    public func apply(_ batch: VoorstelBulkImport.Batch, replace: Bool, exportSource: String?) throws(Failure) -> BatchOutcome {
        do {
            return try store.write { db in
                var outcome = BatchOutcome()
                for voorstel in batch.voorstellen {
                    if !replace, let existing = try Voorstel.fetchOne(db, key: voorstel.id), existing.bron != voorstel.bron {
                        outcome.conflicts.append((voorstel.id, existing.bron))
                        continue
                    }
                    let existing = try Voorstel.fetchOne(db, key: voorstel.id)
                    var kept = voorstel
                    // What a person set on the voorstel (wetten, gemeente, onderwerp) stays.
                    if let existing {
                        if kept.wetten.isEmpty { kept.wetten = existing.wetten }
                        kept.titel = existing.titel
                        if kept.gemeente.isEmpty { kept.gemeente = existing.gemeente }
                        if kept.onderwerp.isEmpty { kept.onderwerp = existing.onderwerp }
                    }
                    outcome.changes.append((voorstel.id, try VoorstelStore.save(kept, db)))
                }
                for id in batch.deletions {
                    guard let exportSource, let existing = try Voorstel.fetchOne(db, key: id), existing.bron.hasPrefix(exportSource + "#") else { continue }
                    try Voorstel.deleteOne(db, key: id)
                    outcome.deleted.append(id)
                }
                return outcome
            }
        } catch {
            throw Failure(error)
        }
    }

    public func delete(_ voorstel: Voorstel) throws(Failure) {
        do {
            _ = try store.write { db in try Voorstel.deleteOne(db, key: voorstel.id) }
        } catch {
            throw Failure(error)
        }
    }

    /// What storing a judgement did.
    public enum Outcome: Sendable, Equatable {
        case new
        case changed
        case unchanged
    }

    /// Stores one judgement: the beoordelaar's earlier one for that criterion is updated in place.
    @discardableResult
    public func judge(_ beoordeling: Beoordeling) throws(Failure) -> Outcome {
        do {
            return try store.write { db in try VoorstelStore.judge(beoordeling, db) }
        } catch {
            throw Failure(error)
        }
    }

    static func judge(_ beoordeling: Beoordeling, _ db: Database) throws -> Outcome {
        let existing = try Beoordeling.filter(Column("voorstelId") == beoordeling.voorstelId && Column("beoordelaar") == beoordeling.beoordelaar
                                              && Column("criterium") == beoordeling.criterium).fetchOne(db)
        guard var record = existing else {
            var record = beoordeling
            try record.insert(db)
            return .new
        }
        guard record.score != beoordeling.score || record.nvt != beoordeling.nvt || record.toelichting != beoordeling.toelichting else { return .unchanged }
        record.score = beoordeling.score
        record.nvt = beoordeling.nvt
        record.toelichting = beoordeling.toelichting
        record.gewijzigd = beoordeling.gewijzigd
        try record.update(db)
        return .changed
    }

    /// Stores only the toelichting of a judgement already stored (the guided flow's second
    /// answer), so that a score another shell gave meanwhile is not written back over. Returns
    /// what happened and the judgement as it now stands; `StoreError.gone` when the score was
    /// removed meanwhile.
    public func explain(_ beoordeling: Beoordeling) throws(Failure) -> (Outcome, Beoordeling) {
        do {
            return try store.write { db in
                guard var record = try Beoordeling.filter(Column("voorstelId") == beoordeling.voorstelId && Column("beoordelaar") == beoordeling.beoordelaar
                                                          && Column("criterium") == beoordeling.criterium).fetchOne(db) else {
                    throw StoreError.gone(store.path)
                }
                guard record.toelichting != beoordeling.toelichting else { return (.unchanged, record) }
                record.toelichting = beoordeling.toelichting
                record.gewijzigd = beoordeling.gewijzigd
                try record.update(db)
                return (.changed, record)
            }
        } catch {
            throw Failure(error)
        }
    }

    /// The name under which `name` already judged (any voorstel), compared without regard to case;
    /// `name` itself when nobody by that name judged yet.
    public func beoordelaar(_ name: String) throws(Failure) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        do {
            let known = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT beoordelaar FROM beoordeling ORDER BY beoordelaar") }
            return known.first { Names.key($0).lowercased() == Names.key(trimmed).lowercased() } ?? trimmed
        } catch {
            throw Failure(error)
        }
    }

    /// All beoordelaars, with how many criteria each scored.
    public func beoordelaars() throws(Failure) -> [(naam: String, scores: Int)] {
        do {
            return try store.read { db in
                try Row.fetchAll(db, sql: "SELECT beoordelaar, count(*) AS n FROM beoordeling GROUP BY beoordelaar ORDER BY beoordelaar")
                    .map { ($0["beoordelaar"], $0["n"]) }
            }
        } catch {
            throw Failure(error)
        }
    }

    /// Gives a beoordelaar another name everywhere (or only for one voorstel); returns how many
    /// scores moved. Scores the new name already has for the same criterion are kept, the moved
    /// ones replace them.
    public func renameBeoordelaar(_ old: String, to new: String, voorstel: String? = nil) throws(Failure) -> Int {
        do {
            return try store.write { db in
                let moving = try Beoordeling.filter(Column("beoordelaar") == old && (voorstel == nil || Column("voorstelId") == voorstel)).fetchAll(db)
                for var judgement in moving {
                    try Beoordeling.filter(Column("voorstelId") == judgement.voorstelId && Column("beoordelaar") == new
                                           && Column("criterium") == judgement.criterium).deleteAll(db)
                    judgement.beoordelaar = new
                    try judgement.update(db)
                }
                return moving.count
            }
        } catch {
            throw Failure(error)
        }
    }

    /// Removes a beoordelaar's scores everywhere (or for one voorstel); returns how many.
    public func removeBeoordelaar(_ name: String, voorstel: String? = nil) throws(Failure) -> Int {
        do {
            return try store.write { db in
                try Beoordeling.filter(Column("beoordelaar") == name && (voorstel == nil || Column("voorstelId") == voorstel)).deleteAll(db)
            }
        } catch {
            throw Failure(error)
        }
    }

    public func judgements(of voorstel: Voorstel) throws(Failure) -> [Beoordeling] {
        do {
            return try store.read { db in
                try Beoordeling.filter(Column("voorstelId") == voorstel.id).order(Column("beoordelaar"), Column("criterium")).fetchAll(db)
            }
        } catch {
            throw Failure(error)
        }
    }

    /// What a declared beoordeling did, per criterion letter.
    public struct Merge: Sendable, Equatable {
        public var new: [String] = []
        public var changed: [String] = []
        public var unchanged: [String] = []
        /// Criteria the beoordelaar scored before that the declaration does not name.
        public var kept: [String] = []
        /// Criteria removed because the declaration said `vervang=ja`.
        public var removed: [String] = []
    }

    /// The declarative form: the criteria given are stored, the others are kept, unless
    /// `replace` says the declaration is the whole beoordeling (then the others are removed).
    public func declareJudgements(of voorstel: Voorstel, by beoordelaar: String, _ judgements: [Beoordeling], replace: Bool) throws(Failure) -> Merge {
        do {
            return try store.write { db in
                var merge = Merge()
                let given = Set(judgements.map(\.criterium))
                let earlier = try Beoordeling.filter(Column("voorstelId") == voorstel.id && Column("beoordelaar") == beoordelaar).fetchAll(db)
                for judgement in judgements {
                    switch try VoorstelStore.judge(judgement, db) {
                    case .new: merge.new.append(judgement.criterium)
                    case .changed: merge.changed.append(judgement.criterium)
                    case .unchanged: merge.unchanged.append(judgement.criterium)
                    }
                }
                for other in earlier where !given.contains(other.criterium) {
                    if replace {
                        _ = try other.delete(db)
                        merge.removed.append(other.criterium)
                    } else {
                        merge.kept.append(other.criterium)
                    }
                }
                merge.kept.sort()
                merge.removed.sort()
                return merge
            }
        } catch {
            throw Failure(error)
        }
    }
}

extension VoorstelStore.Failure: ReportableFailure {
    public func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .notFound(let id, let suggestion):
            .error("geen voorstel met id `\(id)`",
                   hint: suggestion.map { "bedoelde je `\($0)`?" } ?? "typ `voorstel lijst`, of lees er een in met `voorstel importeer`", at: span)
        case .store(let storeError):
            .error(storeError.message, hint: storeError.hint, at: span)
        }
    }
}

extension CommandContext {
    /// The raadsvoorstellen in the database.
    func voorstellen(_ node: Node) throws(Diagnostic) -> VoorstelStore {
        VoorstelStore(store: try store(for: node))
    }

    /// The voorstel named by argument `index`; an unknown id is an error at that argument.
    func voorstel(_ node: Node, argument index: Int, in store: VoorstelStore) throws(Diagnostic) -> Voorstel {
        try attempt(at: node.arguments[index].span) { try store.find(node.text(index)) }
    }
}
