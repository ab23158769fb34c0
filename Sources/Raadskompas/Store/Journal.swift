import Foundation
import GRDB

/// The history of every change to user data, kept by the database itself.
///
/// `Store.write` opens a *wijziging* (a numbered change with the statement that made it) at the
/// start of its transaction and closes it at the end. Triggers on every table of user data copy
/// each inserted, updated or deleted row into `journaal` while a wijziging is open: the table, the
/// key, and the row before and after, as JSON objects of SQL literals (`quote()`), so that every
/// value, a REAL included, comes back exactly. Because the triggers run inside the same transaction
/// as the change, a change and its history are committed together or not at all, from any process.
///
/// Measurements are the exception, for the speed of a large import: `meting` rows are not copied
/// when they are inserted, only their earlier values when an update changes them or a delete removes
/// them (`metingvoor`); undoing an import removes the rows that import added or changed.
enum Journal {
    /// The tables of user data, in an order in which parents come before children.
    static let tables = ["werkblad", "item", "koppeling", "voorstel", "beoordeling", "adviesraad", "advies", "aanbeveling",
                         "eigenindicator", "aanbevelingindicator", "duiding", "metingimport", "instelling"]

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

    /// (Re)creates the triggers from the tables' current columns. Run by every migration that adds
    /// or changes a table of user data.
    static func installTriggers(_ db: Database) throws {
        // The open change is always the newest row (opened first in the transaction): found through
        // the end of the table's b-tree, with no index to keep up to date at every change.
        let open = "(SELECT id FROM wijziging WHERE id = (SELECT max(id) FROM wijziging) AND open = 1)"
        // A table that a later migration adds gets its triggers from that migration.
        for table in tables where try db.tableExists(table) {
            let columns = try db.columns(in: table)
            let names = columns.map(\.name)
            var key = columns.filter { $0.primaryKeyIndex > 0 }.sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }.map(\.name)
            if key.isEmpty { key = ["rowid"] }
            func image(_ row: String, _ columns: [String]) -> String {
                "json_object(" + columns.map { "'\($0)', quote(\(row).\"\($0)\")" }.joined(separator: ", ") + ")"
            }
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

    // MARK: - Opening and closing a change

    /// Opens a change for `statement`; returns its number.
    static func open(_ db: Database, statement: String, kind: String = "wijziging", restores: Int64? = nil) throws -> Int64 {
        // A change is open only inside its own transaction (a process that dies mid-way rolls it
        // back, flag and all), so no stray open change can exist. Every answer typed is a change:
        // cached statements, and the time in SQLite's own format, as GRDB reads a Date (formatting
        // one in Swift costs more than the change itself).
        try db.cachedStatement(sql: "INSERT INTO wijziging (tijd, opdracht, open, soort, herstelt) VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now'), ?, 1, ?, ?)")
            .execute(arguments: [String(statement.prefix(2000)), kind, restores])
        return db.lastInsertedRowID
    }

    /// Closes the change; a change that recorded nothing is not kept. One statement in the usual
    /// case (it recorded something): every answer typed goes through here.
    static func close(_ db: Database, _ id: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE wijziging SET open = 0 WHERE id = ?1
                AND (EXISTS (SELECT 1 FROM journaal WHERE wijziging = ?1) OR EXISTS (SELECT 1 FROM metingvoor WHERE wijziging = ?1))
            """).execute(arguments: [id])
        if db.changesCount == 0 {
            try db.cachedStatement(sql: "DELETE FROM wijziging WHERE id = ?").execute(arguments: [id])
        }
    }
}
