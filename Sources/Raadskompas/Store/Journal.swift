import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The history of every change to user data, kept in the database with the change.
///
/// `Store.write` opens a *wijziging* (a numbered change with the statement that made it) at the
/// start of its transaction and closes it at the end. While it is open, triggers on every table of
/// user data hand each inserted, updated or deleted row to the connection's `Recorder`: the table,
/// the key, and the row before and after, as JSON objects of SQL literals (`quote()`), so that every
/// value, a REAL included, comes back exactly; an update keeps only the columns it changed and
/// those that identify the row. Closing the change writes one `wijziging` row that
/// holds them all (`beelden`, a JSON array, oldest first), in the same transaction as the change:
/// a change and its history are committed together or not at all, from any process.
///
/// One row per change, rather than one row per changed record with an index to find them by, is
/// what keeps the history cheap (`make bench`, section 6): a typical answer changes one record, and
/// its history then costs one appended row on one page. The triggers are TEMP triggers, made by each
/// connection that records (`installTriggers`) and calling a function of that connection, so other
/// programs that open the file (the `sqlite3` shell, a viewer) change it as before, unrecorded.
///
/// Measurements are the exception, for the speed of a large import: `meting` rows are not copied
/// when they are inserted, only their earlier values when an update changes them or a delete removes
/// them (`metingvoor`, keyed by the number the change will get); undoing an import removes the rows
/// that import added or changed.
enum Journal {
    /// The tables of user data, in an order in which parents come before children.
    static let tables = ["werkblad", "item", "koppeling", "voorstel", "beoordeling", "adviesraad", "advies", "aanbeveling",
                         "eigenindicator", "aanbevelingindicator", "duiding", "metingimport", "instelling"]

    /// Columns that an update's images keep even when they did not change, besides the key and
    /// the fields that name the row in `geschiedenis` (`HistoryRenderer.naming`): the record a row
    /// belongs to, so that `geschiedenis NAAM` finds a change to an answer of that werkblad.
    static let parents: [String: [String]] = [
        "item": ["werkbladId"], "koppeling": ["werkbladId"], "beoordeling": ["voorstelId"], "advies": ["voorstel"],
    ]

    /// The images of the open change, collected by the triggers of one connection.
    final class Recorder: Sendable {
        struct Open {
            var statement: String
            var kind: String
            var restores: Int64?
            /// The images so far (UTF-8), joined by commas (without the brackets of the array).
            var images: [UInt8] = []
            var count = 0
            /// Whether earlier values of measurements were kept (`metingvoor`).
            var metingen = false
        }
        private let state = Mutex<Open?>(nil)

        func open(statement: String, kind: String, restores: Int64?) {
            let statement = statement.utf8.count <= 2000 ? statement : String(statement.prefix(2000))
            state.withLock { $0 = Open(statement: statement, kind: kind, restores: restores) }
        }

        /// Sets what an undo undoes, once it has found that.
        func restores(_ change: Int64) {
            state.withLock { $0?.restores = change }
        }

        /// Ends the open change (also when its transaction failed); returns what it collected.
        func take() -> Open? {
            state.withLock { open in
                defer { open = nil }
                return open
            }
        }

        var isOpen: Bool { state.withLock { $0 != nil } }

        /// Adds one row's image (UTF-8 JSON); false when no change is open.
        func append(_ image: UnsafeBufferPointer<UInt8>) -> Bool {
            state.withLock { open in
                guard open != nil else { return false }
                if open!.count > 0 { open!.images.append(UInt8(ascii: ",")) }
                open!.images.append(contentsOf: image)
                open!.count += 1
                return true
            }
        }

        /// Notes that earlier values of measurements were kept; false when no change is open.
        func keptMeasurements() -> Bool {
            state.withLock { open in
                guard open != nil else { return false }
                open!.metingen = true
                return true
            }
        }

        /// Registers on the connection `raadskompas_beeld(json)` (one row's image; NULL: a
        /// measurement's earlier value was kept) and `raadskompas_open()`, each returning whether a
        /// change is open. Plain C functions: GRDB's wrapper would first copy every argument into
        /// an array of values, at every changed row. The store that owns this recorder also owns
        /// the connection, so the recorder outlives every call.
        func register(on db: Database) {
            let context = Unmanaged.passUnretained(self).toOpaque()
            sqlite3_create_function_v2(db.sqliteConnection, "raadskompas_beeld", 1, SQLITE_UTF8, context, { call, _, arguments in
                guard let call, let value = arguments?[0], let context = sqlite3_user_data(call) else { return }
                let recorder = Unmanaged<Recorder>.fromOpaque(context).takeUnretainedValue()
                let recorded: Bool
                if sqlite3_value_type(value) == SQLITE_NULL {
                    recorded = recorder.keptMeasurements()
                } else if let text = sqlite3_value_text(value) {
                    recorded = recorder.append(UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value))))
                } else {
                    recorded = recorder.isOpen
                }
                sqlite3_result_int(call, recorded ? 1 : 0)
            }, nil, nil, nil)
            sqlite3_create_function_v2(db.sqliteConnection, "raadskompas_open", 0, SQLITE_UTF8, context, { call, _, _ in
                guard let call, let context = sqlite3_user_data(call) else { return }
                sqlite3_result_int(call, Unmanaged<Recorder>.fromOpaque(context).takeUnretainedValue().isOpen ? 1 : 0)
            }, nil, nil, nil)
        }
    }

    /// The number the open change will get: changes are numbered in order, and its row is written
    /// when it closes (inside the same transaction, so no other process can take the number).
    static func upcoming(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM wijziging")) ?? 1
    }

    /// Creates the history tables (migration v7).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE wijziging (
                id INTEGER PRIMARY KEY,
                tijd DATETIME NOT NULL,
                opdracht TEXT NOT NULL DEFAULT '',
                open INTEGER NOT NULL DEFAULT 0,
                soort TEXT NOT NULL DEFAULT 'wijziging' CHECK (soort IN ('wijziging', 'ongedaan', 'herstel')),
                herstelt INTEGER,
                ongedaanDoor INTEGER);
            CREATE TABLE journaal (
                volgnummer INTEGER PRIMARY KEY,
                wijziging INTEGER NOT NULL REFERENCES wijziging(id) ON DELETE CASCADE,
                tabel TEXT NOT NULL,
                sleutel TEXT NOT NULL,
                voor TEXT,
                na TEXT);
            CREATE INDEX journaal_per_wijziging ON journaal(wijziging);
            CREATE TABLE metingvoor (
                wijziging INTEGER NOT NULL REFERENCES wijziging(id) ON DELETE CASCADE,
                indicator TEXT NOT NULL, gebied TEXT NOT NULL, periode TEXT NOT NULL,
                waarde DOUBLE, voorlopig BOOLEAN NOT NULL, import INTEGER, metingWijziging INTEGER,
                PRIMARY KEY (wijziging, indicator, gebied, periode)) WITHOUT ROWID;
            """)
    }

    /// A table's columns, and its primary key (`rowid` when it has none).
    private static func columnsAndKey(of table: String, _ db: Database) throws -> (names: [String], key: [String]) {
        let columns = try db.columns(in: table)
        let key = columns.filter { $0.primaryKeyIndex > 0 }.sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }.map(\.name)
        return (columns.map(\.name), key.isEmpty ? ["rowid"] : key)
    }

    /// A row's `columns` as a JSON object of SQL literals; `row` is OLD or NEW.
    private static func image(_ row: String, _ columns: [String]) -> String {
        "json_object(" + columns.map { "'\($0)', quote(\(row).\"\($0)\")" }.joined(separator: ", ") + ")"
    }

    /// The triggers of migrations v7 to v10, which wrote one `journaal` row per changed record.
    /// Kept as they were, because a migration must do today what it did then; v11 removes them.
    static func installLegacyTriggers(_ db: Database) throws {
        // The open change is always the newest row (opened first in the transaction): found through
        // the end of the table's b-tree, with no index to keep up to date at every change.
        let open = "(SELECT id FROM wijziging WHERE id = (SELECT max(id) FROM wijziging) AND open = 1)"
        // A table that a later migration adds gets its triggers from that migration.
        for table in tables where try db.tableExists(table) {
            let (names, key) = try columnsAndKey(of: table, db)
            let changed = names.map { "OLD.\"\($0)\" IS NOT NEW.\"\($0)\"" }.joined(separator: " OR ")
            for event in ["insert", "update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS journaal_\(table)_\(event)") }
            try db.execute(sql: """
                CREATE TRIGGER journaal_\(table)_insert AFTER INSERT ON \(table) WHEN \(open) IS NOT NULL
                BEGIN INSERT INTO journaal (wijziging, tabel, sleutel, voor, na)
                    VALUES (\(open), '\(table)', \(image("NEW", key)), NULL, \(image("NEW", names))); END;
                CREATE TRIGGER journaal_\(table)_update AFTER UPDATE ON \(table) WHEN \(open) IS NOT NULL AND (\(changed))
                BEGIN INSERT INTO journaal (wijziging, tabel, sleutel, voor, na)
                    VALUES (\(open), '\(table)', \(image("OLD", key)), \(image("OLD", names)), \(image("NEW", names))); END;
                CREATE TRIGGER journaal_\(table)_delete AFTER DELETE ON \(table) WHEN \(open) IS NOT NULL
                BEGIN INSERT INTO journaal (wijziging, tabel, sleutel, voor, na)
                    VALUES (\(open), '\(table)', \(image("OLD", key)), \(image("OLD", names)), NULL); END;
                """)
        }
        for event in ["update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS metingvoor_\(event)") }
        let reason = try db.columns(in: "meting").contains { $0.name == "ontbreekt" }
        let copy = """
            INSERT OR IGNORE INTO metingvoor (wijziging, indicator, gebied, periode, waarde, voorlopig, import, metingWijziging\(reason ? ", ontbreekt" : ""))
                VALUES (\(open), OLD.indicator, OLD.gebied, OLD.periode, OLD.waarde, OLD.voorlopig, OLD.import, OLD.wijziging\(reason ? ", OLD.ontbreekt" : ""));
            """
        try db.execute(sql: """
            CREATE TRIGGER metingvoor_update AFTER UPDATE ON meting
                WHEN \(open) IS NOT NULL AND (OLD.waarde IS NOT NEW.waarde OR OLD.voorlopig IS NOT NEW.voorlopig\(reason ? " OR OLD.ontbreekt IS NOT NEW.ontbreekt" : ""))
            BEGIN \(copy) END;
            CREATE TRIGGER metingvoor_delete AFTER DELETE ON meting WHEN \(open) IS NOT NULL
            BEGIN \(copy) END;
            """)
    }

    /// Migration v11: one row per change. Every `journaal` row moves into its change's `beelden`,
    /// in order; the old triggers and the table go; `metingvoor` checks its change at the commit
    /// (its rows are written before the change's own row).
    static func migrateToOneRowPerChange(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE wijziging ADD COLUMN beelden TEXT")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT wijziging, json_object('t', tabel, 's', json(sleutel), 'v', json(voor), 'n', json(na)) AS beeld
            FROM journaal ORDER BY wijziging, volgnummer
            """)
        var current: Int64?
        var images: [String] = []
        let store = try db.makeStatement(sql: "UPDATE wijziging SET beelden = ? WHERE id = ?")
        func flush() throws {
            guard let current else { return }
            try store.execute(arguments: ["[" + images.joined(separator: ",") + "]", current])
        }
        while let row = try rows.next() {
            let change: Int64 = row["wijziging"]
            if change != current {
                try flush()
                current = change
                images = []
            }
            images.append(row["beeld"])
        }
        try flush()
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'journaal\\_%' ESCAPE '\\' OR name LIKE 'metingvoor\\_%' ESCAPE '\\')") {
            try db.execute(sql: "DROP TRIGGER \"\(name)\"")
        }
        try db.execute(sql: """
            DROP TABLE journaal;
            CREATE TABLE metingvoor_v11 (
                wijziging INTEGER NOT NULL REFERENCES wijziging(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                indicator TEXT NOT NULL, gebied TEXT NOT NULL, periode TEXT NOT NULL,
                waarde DOUBLE, voorlopig BOOLEAN NOT NULL, import INTEGER, metingWijziging INTEGER, ontbreekt TEXT,
                PRIMARY KEY (wijziging, indicator, gebied, periode)) WITHOUT ROWID;
            INSERT INTO metingvoor_v11 SELECT wijziging, indicator, gebied, periode, waarde, voorlopig, import, metingWijziging, ontbreekt FROM metingvoor;
            DROP TABLE metingvoor;
            ALTER TABLE metingvoor_v11 RENAME TO metingvoor;
            """)
    }

    /// Makes this connection's TEMP triggers, from the tables' current columns: each hands the
    /// images of a changed row to the `Recorder` (`raadskompas_beeld`) while a change is open. Made once per
    /// connection, before its first change (not at opening: a read needs none of them).
    static func installTriggers(_ db: Database) throws {
        for table in tables {
            let (names, key) = try columnsAndKey(of: table, db)
            func record(key row: String, voor: String, na: String) -> String {
                "SELECT raadskompas_beeld(json_object('t', '\(table)', 's', \(image(row, key)), 'v', \(voor), 'n', \(na)));"
            }
            let changed = names.map { "OLD.\"\($0)\" IS NOT NEW.\"\($0)\"" }.joined(separator: " OR ")
            // An update keeps only the columns it changed, besides those that identify the row: a
            // new title of a voorstel does not copy its whole text twice.
            let identifying = Set(key + (HistoryRenderer.naming[table]?.fields ?? []) + (parents[table] ?? []))
            let others = names.filter { !identifying.contains($0) }
            func changes(_ row: String) -> String {
                let always = image(row, names.filter(identifying.contains))
                guard !others.isEmpty else { return always }
                // A JSON merge patch: a column that did not change is null, and so left out.
                return "json_patch(\(always), json_object(" + others.map {
                    "'\($0)', CASE WHEN OLD.\"\($0)\" IS NOT NEW.\"\($0)\" THEN quote(\(row).\"\($0)\") END"
                }.joined(separator: ", ") + "))"
            }
            try db.execute(sql: """
                CREATE TEMP TRIGGER IF NOT EXISTS journaal_\(table)_insert AFTER INSERT ON main.\(table)
                BEGIN \(record(key: "NEW", voor: "NULL", na: image("NEW", names))) END;
                CREATE TEMP TRIGGER IF NOT EXISTS journaal_\(table)_update AFTER UPDATE ON main.\(table) WHEN \(changed)
                BEGIN \(record(key: "OLD", voor: changes("OLD"), na: changes("NEW"))) END;
                CREATE TEMP TRIGGER IF NOT EXISTS journaal_\(table)_delete AFTER DELETE ON main.\(table)
                BEGIN \(record(key: "OLD", voor: image("OLD", names), na: "NULL")) END;
                """)
        }
        // An import that replaces thousands of values keeps them as rows, not as JSON.
        let copy = """
            INSERT OR IGNORE INTO metingvoor (wijziging, indicator, gebied, periode, waarde, voorlopig, import, metingWijziging, ontbreekt)
                VALUES ((SELECT coalesce(max(id), 0) + 1 FROM main.wijziging), OLD.indicator, OLD.gebied, OLD.periode, OLD.waarde, OLD.voorlopig, OLD.import, OLD.wijziging, OLD.ontbreekt);
            SELECT raadskompas_beeld(NULL);
            """
        try db.execute(sql: """
            CREATE TEMP TRIGGER IF NOT EXISTS metingvoor_update AFTER UPDATE ON main.meting
                WHEN (OLD.waarde IS NOT NEW.waarde OR OLD.voorlopig IS NOT NEW.voorlopig OR OLD.ontbreekt IS NOT NEW.ontbreekt) AND raadskompas_open()
            BEGIN \(copy) END;
            CREATE TEMP TRIGGER IF NOT EXISTS metingvoor_delete AFTER DELETE ON main.meting WHEN raadskompas_open()
            BEGIN \(copy) END;
            """)
    }

    // MARK: - Closing a change

    /// Closes the open change: writes its row when it recorded something (an undo or a herstel
    /// always, so that what it undid can name it). One statement: every answer typed goes here.
    /// Its number is the next after the highest (an INTEGER PRIMARY KEY without AUTOINCREMENT),
    /// the number `upcoming` gave and `metingvoor` used.
    static func close(_ db: Database, _ recorder: Recorder) throws {
        guard let open = recorder.take(), open.count > 0 || open.metingen || open.kind != "wijziging" else { return }
        // The time in SQLite's own format, as GRDB reads a Date (formatting one in Swift costs
        // more than the change itself).
        try db.cachedStatement(sql: """
            INSERT INTO wijziging (tijd, opdracht, open, soort, herstelt, beelden)
                VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now'), ?, 0, ?, ?, ?)
            """).execute(arguments: [open.statement, open.kind, open.restores, "[" + String(decoding: open.images, as: UTF8.self) + "]"])
    }
}
