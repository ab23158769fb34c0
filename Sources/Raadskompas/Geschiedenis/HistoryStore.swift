import Foundation
import GRDB
import KompasDSL

/// Reading the history of changes (`Journal`), undoing the last one and restoring the state from
/// before any earlier one. Undoing is itself a recorded change, so it can be undone in turn.
public struct HistoryStore: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// One recorded change.
    public struct Change: Sendable, Equatable {
        public let id: Int64
        public let tijd: Date
        public let opdracht: String
        /// `wijziging`, `ongedaan` (an undo) or `herstel`.
        public let soort: String
        /// For an undo or a herstel: the change it undid, or the first change it restored before.
        public let herstelt: Int64?
        /// The undo or herstel that reverted this change, if any.
        public let ongedaanDoor: Int64?
        /// Its rows, oldest first; for a listing only the first few (`rowCount` says how many in all).
        public var rows: [Entry]
        public var rowCount: Int
        /// Measurements whose earlier values this change kept (an import that replaced values, or a
        /// deleted indicator).
        public var metingen: Int
        /// The session (shell or script) that made it; nil before sessions were recorded.
        public var sessie: String? = nil
    }

    /// One row of a change: the table, its key, and the row before and after (`nil`: there was no
    /// row). Values are SQL literals as SQLite's `quote()` writes them.
    public struct Entry: Sendable, Equatable {
        public let volgnummer: Int64
        public let tabel: String
        public let sleutel: [String: String]
        public let voor: [String: String]?
        public let na: [String: String]?
    }

    public enum Failure: Error, Sendable, Equatable {
        case nothingToUndo
        case noSuchChange(Int64, newest: Int64?)
        /// The row is no longer as the change left it (changed outside Raadskompas's history).
        case conflict(change: Int64, tabel: String, sleutel: String)
        case damaged(Int64)
        case store(StoreError)
        /// `ongedaan N` of a change that an undo or herstel already reverted.
        case alreadyUndone(Int64, by: Int64)
        /// `ongedaan N` of an undo: that is `herstel`'s work.
        case undoOfUndo(Int64)
        /// `ongedaan N` of a change whose row a later change (not undone) changed again.
        case laterChange(change: Int64, later: Int64, tabel: String, sleutel: String)
    }

    // MARK: - Reading

    /// The newest changes first; with `matching`, only those that touch a record with that id or
    /// name (a voorstel, advies, werkblad, …).
    public func changes(limit: Int = 50, matching: String? = nil) throws -> [Change] {
        try store.read { db in
            // A listing shows a few rows per change: a herstel of thousands is not read whole.
            try HistoryStore.ids(limit: limit, matching: matching, db).compactMap { try HistoryStore.change($0, db, rowLimit: 8) }
        }
    }

    /// How many changes are about `matching` (an id or a werkblad name).
    public func count(matching: String) throws -> Int {
        try store.read { db in try HistoryStore.ids(limit: -1, matching: matching, db).count }
    }

    /// The numbers of the changes (newest first), all or those about `matching`; `limit` -1 is all.
    static func ids(limit: Int, matching: String?, _ db: Database) throws -> [Int64] {
            var ids: [Int64]
            if let matching, !matching.isEmpty {
                var needles = [try String.fetchOne(db, sql: "SELECT quote(?)", arguments: [matching]) ?? ""]
                // A werkblad is found by its name; its answers and links by its number.
                if let werkblad = try Int64.fetchOne(db, sql: "SELECT id FROM werkblad WHERE " + WerkbladStore.sameName, arguments: [Names.key(matching)]) {
                    needles.append("\"werkbladId\":\"\(werkblad)\"")
                    needles.append("{\"t\":\"werkblad\",\"s\":{\"id\":\"\(werkblad)\"}")
                }
                let lowered = needles.map { $0.lowercased() }
                let condition = lowered.map { _ in "instr(lower(beelden), ?) > 0" }.joined(separator: " OR ")
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM wijziging WHERE \(condition) ORDER BY id DESC LIMIT ?",
                                         arguments: StatementArguments(lowered) + [limit])
            } else {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM wijziging WHERE open = 0 ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return ids
    }

    /// How many changes there are in all.
    public func count() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM wijziging WHERE open = 0") ?? 0 }
    }

    /// Change `id` with all its rows, or with the first `rowLimit`.
    static func change(_ id: Int64, _ db: Database, rowLimit: Int? = nil) throws -> Change? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM wijziging WHERE id = ?"), arguments: [id]) else { return nil }
        // `beelden`: a JSON array of {"t": table, "s": key, "v": before, "n": after} (see `Journal`).
        let text: String = row["beelden"] ?? "[]"
        guard let images = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { throw Failure.damaged(id) }
        let entries = try images.prefix(rowLimit ?? images.count).enumerated().map { index, image -> Entry in
            guard let tabel = image["t"] as? String, let sleutel = try HistoryStore.image(image["s"], change: id) else { throw Failure.damaged(id) }
            return Entry(volgnummer: Int64(index + 1), tabel: tabel, sleutel: sleutel,
                         voor: try HistoryStore.image(image["v"], change: id), na: try HistoryStore.image(image["n"], change: id))
        }
        let metingen = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM metingvoor WHERE wijziging = ?"), arguments: [id]) ?? 0
        return Change(id: id, tijd: row["tijd"], opdracht: row["opdracht"], soort: row["soort"], herstelt: row["herstelt"],
                      ongedaanDoor: row["ongedaanDoor"], rows: entries, rowCount: images.count, metingen: metingen, sessie: row["sessie"])
    }

    /// A JSON object of SQL literals, each checked to be one (the file could have been edited);
    /// nil for JSON null (no row) or no value.
    static func image(_ value: Any?, change: Int64) throws -> [String: String]? {
        guard let value, !(value is NSNull) else { return nil }
        guard let object = value as? [String: String], object.values.allSatisfy(isLiteral) else { throw Failure.damaged(change) }
        return object
    }

    /// NULL, a number, a quoted text or a blob, exactly as `quote()` writes them. Checked on the
    /// UTF-8 bytes: a herstel reads thousands.
    static func isLiteral(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return false }
        let quote = UInt8(ascii: "'")
        switch first {
        case quote:
            // 'text' where every inner quote is doubled.
            guard bytes.count >= 2, bytes.last == quote else { return false }
            var index = 1
            while index < bytes.count - 1 {
                if bytes[index] == quote {
                    guard index + 1 < bytes.count - 1, bytes[index + 1] == quote else { return false }
                    index += 2
                } else {
                    index += 1
                }
            }
            return true
        case UInt8(ascii: "X"):
            guard bytes.count >= 3, bytes[1] == quote, bytes.last == quote else { return false }
            return bytes[2..<bytes.count - 1].allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
        default:
            if text == "NULL" { return true }
            return bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        }
    }

    // MARK: - Undo and restore

    /// Undoes the newest change that is not undone yet. Returns that change and the number of the
    /// undo itself.
    /// `ownLatest`: when the change undone came from another session (another shell, a script)
    /// while this session has a change of its own that is not undone, the newest of those: the
    /// user most likely meant that one.
    ///
    /// With `number`, undoes that change only (`ongedaan N`), when every row it changed is still
    /// as it left it; a later change of the same row is named (`laterChange`), and `herstel N`
    /// is the way to take that along.
    public func undoLast(number: Int64? = nil) throws -> (undone: Change, undo: Int64, ownLatest: Int64?) {
        do {
            return try store.write(kind: "ongedaan", restores: nil) { db in
                let target: Int64
                if let number {
                    guard let row = try Row.fetchOne(db, sql: "SELECT soort, ongedaanDoor FROM wijziging WHERE id = ? AND open = 0", arguments: [number]) else {
                        throw Failure.noSuchChange(number, newest: try Int64.fetchOne(db, sql: "SELECT max(id) FROM wijziging WHERE open = 0"))
                    }
                    if let by: Int64 = row["ongedaanDoor"] { throw Failure.alreadyUndone(number, by: by) }
                    guard (row["soort"] as String?) != "ongedaan" else { throw Failure.undoOfUndo(number) }
                    target = number
                } else {
                    guard let newest = try Int64.fetchOne(db, sql: """
                        SELECT id FROM wijziging WHERE open = 0 AND ongedaanDoor IS NULL AND soort != 'ongedaan' ORDER BY id DESC LIMIT 1
                        """) else { throw Failure.nothingToUndo }
                    target = newest
                }
                guard let change = try HistoryStore.change(target, db) else { throw Failure.nothingToUndo }
                let undo = try Journal.upcoming(db)
                do {
                    try HistoryStore.revert(change, db)
                } catch Failure.conflict(let id, let tabel, let sleutel) where number != nil {
                    // Changed since by a later change in the history, or else outside Raadskompas.
                    let later = try HistoryStore.laterChange(of: change, tabel: tabel, db)
                    throw later.map { Failure.laterChange(change: id, later: $0, tabel: tabel, sleutel: sleutel) } ?? Failure.conflict(change: id, tabel: tabel, sleutel: sleutel)
                }
                store.recorder?.restores(target)
                try db.execute(sql: "UPDATE wijziging SET ongedaanDoor = ? WHERE id = ?", arguments: [undo, target])
                // Undoing a herstel brings back what it had reverted.
                try db.execute(sql: "UPDATE wijziging SET ongedaanDoor = NULL WHERE ongedaanDoor = ?", arguments: [target])
                var ownLatest: Int64?
                if let sessie = store.recorder?.sessie, change.sessie != sessie {
                    ownLatest = try Int64.fetchOne(db, sql: """
                        SELECT max(id) FROM wijziging WHERE sessie = ? AND soort = 'wijziging' AND ongedaanDoor IS NULL AND id != ?
                        """, arguments: [sessie, target])
                }
                return (change, undo, ownLatest)
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as StoreError {
            throw Failure.store(error)
        }
    }

    /// Puts back the state from before change `number`: every change from it on is reverted, the
    /// newest first, in one transaction that is itself a change. Returns the reverted changes
    /// (newest first) and the number of the herstel.
    public func restore(before number: Int64) throws -> (reverted: [Change], herstel: Int64) {
        do {
            return try store.write(kind: "herstel", restores: number) { db in
                let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM wijziging WHERE open = 0")
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM wijziging WHERE id = ? AND open = 0", arguments: [number]) == true else {
                    throw Failure.noSuchChange(number, newest: newest)
                }
                let herstel = try Journal.upcoming(db)
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM wijziging WHERE id >= ? AND open = 0 ORDER BY id DESC", arguments: [number])
                var reverted: [Change] = []
                for id in ids {
                    guard let change = try HistoryStore.change(id, db) else { continue }
                    try HistoryStore.revert(change, db)
                    reverted.append(change)
                }
                try db.execute(sql: "UPDATE wijziging SET ongedaanDoor = ? WHERE id >= ? AND id < ? AND ongedaanDoor IS NULL",
                               arguments: [herstel, number, herstel])
                return (reverted, herstel)
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as StoreError {
            throw Failure.store(error)
        }
    }

    /// Applies the inverse of one change, its newest row first. Every row must still be as the
    /// change left it; otherwise nothing is changed (the transaction rolls back).
    static func revert(_ change: Change, _ db: Database) throws {
        // Measurements first: the rows an import added or changed go, the earlier values return.
        for entry in change.rows where entry.tabel == "metingimport" && entry.voor == nil {
            guard let run = entry.sleutel["id"] else { continue }
            try db.execute(sql: "DELETE FROM meting WHERE wijziging = \(run)")
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO meting (indicator, gebied, periode, waarde, voorlopig, import, wijziging, ontbreekt)
                SELECT indicator, gebied, periode, waarde, voorlopig, import, metingWijziging, ontbreekt FROM metingvoor WHERE wijziging = ?
            """).execute(arguments: [change.id])
        // Values are bound, not written into the SQL, so that each statement is prepared once
        // (`cachedStatement`) however many rows a herstel reverts: preparing a change to a table
        // compiles its history triggers too, which would cost more than the change itself.
        for entry in change.rows.reversed() {
            guard Journal.tables.contains(entry.tabel) else { throw Failure.damaged(change.id) }
            let keyColumns = entry.sleutel.keys.sorted()
            guard !keyColumns.isEmpty else { throw Failure.damaged(change.id) }
            let key = keyColumns.map { "\(column($0)) IS ?" }.joined(separator: " AND ")
            let keyValues = keyColumns.map { databaseValue(entry.sleutel[$0]!) }
            let describedKey = entry.sleutel.values.sorted().map(display).joined(separator: ", ")
            if let after = entry.na {
                guard try matches(after, table: entry.tabel, key: key, keyValues, db) else {
                    throw Failure.conflict(change: change.id, tabel: entry.tabel, sleutel: describedKey)
                }
            } else if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(entry.tabel) WHERE \(key)"), arguments: StatementArguments(keyValues)) == true {
                throw Failure.conflict(change: change.id, tabel: entry.tabel, sleutel: describedKey)
            }
            switch (entry.voor, entry.na) {
            case (nil, _):
                try db.cachedStatement(sql: "DELETE FROM \(entry.tabel) WHERE \(key)").execute(arguments: StatementArguments(keyValues))
            case (let before?, nil):
                let columns = before.keys.sorted()
                try db.cachedStatement(sql: "INSERT INTO \(entry.tabel) (\(columns.map(column).joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
                    .execute(arguments: StatementArguments(columns.map { databaseValue(before[$0]!) }))
            case (let before?, let after?):
                let changed = before.keys.sorted().filter { before[$0] != after[$0] }
                guard !changed.isEmpty else { continue }
                try db.cachedStatement(sql: "UPDATE \(entry.tabel) SET \(changed.map { "\(column($0)) = ?" }.joined(separator: ", ")) WHERE \(key)")
                    .execute(arguments: StatementArguments(changed.map { databaseValue(before[$0] ?? "NULL") } + keyValues))
            }
        }
    }

    /// The newest change after `change`, not undone, that changed a row of `tabel` with one of the
    /// keys `change` changed there; nil when none did (then something outside Raadskompas did).
    static func laterChange(of change: Change, tabel: String, _ db: Database) throws -> Int64? {
        let keys = Set(change.rows.filter { $0.tabel == tabel }.map(\.sleutel))
        let candidates = try Int64.fetchAll(db, sql: """
            SELECT id FROM wijziging WHERE id > ? AND open = 0 AND ongedaanDoor IS NULL AND instr(beelden, ?) > 0 ORDER BY id DESC
            """, arguments: [change.id, "\"t\":\"\(tabel)\""])
        for id in candidates {
            if let later = try HistoryStore.change(id, db), later.rows.contains(where: { $0.tabel == tabel && keys.contains($0.sleutel) }) { return id }
        }
        return nil
    }

    /// Whether the row with this key now holds the values the change left (compared as SQLite
    /// quotes them); false when there is no such row.
    private static func matches(_ image: [String: String], table: String, key: String, _ keyValues: [DatabaseValue], _ db: Database) throws -> Bool {
        let columns = image.keys.sorted()
        let statement = try db.cachedStatement(sql: "SELECT \(columns.map { "quote(\(column($0)))" }.joined(separator: ", ")) FROM \(table) WHERE \(key)")
        guard let quoted = try Row.fetchOne(statement, arguments: StatementArguments(keyValues)) else { return false }
        for (i, name) in columns.enumerated() where (quoted[i] as String?) != image[name] { return false }
        return true
    }

    /// The value an SQL literal (as `quote()` writes it, checked by `isLiteral`) stands for, to be
    /// bound: NULL, text, a blob, an integer or a real, each exactly as stored.
    static func databaseValue(_ literal: String) -> DatabaseValue {
        if literal == "NULL" { return .null }
        if literal.hasPrefix("'") {
            let inner = literal.utf8.dropFirst().dropLast()
            guard inner.contains(UInt8(ascii: "'")) else { return String(decoding: inner, as: UTF8.self).databaseValue }
            return String(decoding: inner, as: UTF8.self).replacingOccurrences(of: "''", with: "'").databaseValue
        }
        if literal.hasPrefix("X'") {
            let hex = Array(literal.dropFirst(2).dropLast().utf8)
            var bytes = [UInt8]()
            bytes.reserveCapacity(hex.count / 2)
            var index = 0
            while index + 1 < hex.count {
                bytes.append(UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16) ?? 0)
                index += 2
            }
            return Data(bytes).databaseValue
        }
        if !literal.contains(where: { ".eE".contains($0) }), let integer = Int64(literal) { return integer.databaseValue }
        return (Double(literal) ?? 0).databaseValue
    }

    private static func column(_ name: String) -> String {
        name == "rowid" ? "rowid" : "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
    }

    /// A literal as a person reads it: text without quotes, NULL as "leeg".
    public static func display(_ literal: String) -> String {
        if literal == "NULL" { return "leeg" }
        if literal.hasPrefix("'"), literal.hasSuffix("'"), literal.count >= 2 {
            return String(literal.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if let number = Double(literal) { return Value.format(number) }
        return literal
    }
}
