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
            default: self = .store(.other("", detail: "\(error)"))
            }
        }
    }

    /// What an import did with the text.
    public enum Change: Sendable, Equatable {
        case new
        case unchanged
        case changed(previous: Date)
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
            return try store.write { db in
                if let existing = try Voorstel.fetchOne(db, key: voorstel.id) {
                    try voorstel.update(db)
                    return existing.hash == voorstel.hash ? .unchanged : .changed(previous: existing.geimporteerd)
                }
                try voorstel.insert(db)
                return .new
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

    /// Stores one judgement (replacing the beoordelaar's earlier one for that criterion).
    public func judge(_ beoordeling: Beoordeling) throws(Failure) {
        do {
            try store.write { db in
                var record = beoordeling
                try record.insert(db)
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

    /// Replaces all judgements of one beoordelaar at once (the declarative form).
    public func replaceJudgements(of voorstel: Voorstel, by beoordelaar: String, with judgements: [Beoordeling]) throws(Failure) {
        do {
            try store.write { db in
                try Beoordeling.filter(Column("voorstelId") == voorstel.id && Column("beoordelaar") == beoordelaar).deleteAll(db)
                for var judgement in judgements { try judgement.insert(db) }
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
