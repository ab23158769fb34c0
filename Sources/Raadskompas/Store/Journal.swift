import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The history of every change to user data, kept in the database with the change.
///
/// `Store.write` opens a *wijziging* (a numbered change with the statement that made it) at the
/// start of its transaction and closes it at the end. While it is open, the connection's `Recorder`
/// is told of each row inserted, updated or deleted in a table of user data: the table,
/// the key, and the row before and after, as JSON objects of SQL literals (`quote()`), so that every
/// value, a REAL included, comes back exactly; an update keeps only the columns it changed and
/// those that identify the row. Closing the change writes one `wijziging` row that
/// holds them all (`beelden`, a JSON array, oldest first), in the same transaction as the change:
/// a change and its history are committed together or not at all, from any process.
///
/// One row per change, rather than one row per changed record with an index to find them by, is
/// what keeps the history cheap (`make bench`, section 6): a typical answer changes one record, and
/// its history then costs one appended row on one page.
///
/// The recorder is told through SQLite's pre-update hook of its own connection, where SQLite has
/// it (`PreUpdate`; Debian's has), else through TEMP triggers that connection makes
/// (`installTriggers`); both give the same images in the same order (`HistoryTests`). The hook
/// adds no trigger program to every statement that changes a table and makes the JSON without
/// SQL functions: it took the extra time of a typed edit from 20% to 13–16% (`make bench`).
/// Either way other programs that open the file (the `sqlite3` shell, a viewer) change it as
/// before, unrecorded.
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

    /// The images of the open change, collected from one connection: by SQLite's pre-update hook
    /// (`PreUpdate`) where this SQLite has it, otherwise by TEMP triggers (`installTriggers`).
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
        private struct State {
            var open: Open?
            /// The recorded tables, as the pre-update hook reads them (`learnShapes`).
            var shapes: [Shape] = []
            /// Images from the hook that wait for the rows their change changes in turn (see
            /// `record`), with the trigger depth of their change; the deepest last.
            var pending: [(depth: Int32, image: [UInt8])] = []

            /// Adds the waiting images of depth `depth` and deeper, the deepest first.
            mutating func settle(downTo depth: Int32) {
                while let last = pending.last, last.depth >= depth {
                    pending.removeLast()
                    guard open != nil else { continue }
                    if open!.count > 0 { open!.images.append(UInt8(ascii: ",")) }
                    open!.images.append(contentsOf: last.image)
                    open!.count += 1
                }
            }
        }
        private let state = Mutex(State())
        /// Whether this connection records through SQLite's pre-update hook (else: triggers).
        let usesHook: Bool
        /// This store's session, written with each change (`wijziging.sessie`): random, so two
        /// shells on one database differ.
        let sessie: String

        init(usesHook: Bool) {
            self.usesHook = usesHook
            sessie = String(UInt64.random(in: 1...UInt64.max), radix: 36)
        }

        func open(statement: String, kind: String, restores: Int64?) {
            let statement = statement.utf8.count <= 2000 ? statement : String(statement.prefix(2000))
            state.withLock { $0.open = Open(statement: statement, kind: kind, restores: restores) }
        }

        /// Sets what an undo undoes, once it has found that.
        func restores(_ change: Int64) {
            state.withLock { $0.open?.restores = change }
        }

        /// Ends the open change (also when its transaction failed); returns what it collected.
        func take() -> Open? {
            state.withLock { state in
                state.settle(downTo: 0)
                defer { state.open = nil }
                return state.open
            }
        }

        var isOpen: Bool { state.withLock { $0.open != nil } }

        /// Adds one row's image (UTF-8 JSON); false when no change is open.
        func append(_ image: UnsafeBufferPointer<UInt8>) -> Bool {
            state.withLock { state in
                guard state.open != nil else { return false }
                if state.open!.count > 0 { state.open!.images.append(UInt8(ascii: ",")) }
                state.open!.images.append(contentsOf: image)
                state.open!.count += 1
                return true
            }
        }

        /// Notes that earlier values of measurements were kept; false when no change is open.
        func keptMeasurements() -> Bool {
            state.withLock { state in
                guard state.open != nil else { return false }
                state.open!.metingen = true
                return true
            }
        }

        /// Registers on the connection `raadskompas_beeld(json)` (one row's image; NULL: a
        /// measurement's earlier value was kept) and `raadskompas_open()`, each returning whether a
        /// change is open, and the pre-update hook when this recorder uses it. Plain C functions:
        /// GRDB's wrapper would first copy every argument into an array of values, at every changed
        /// row. The store that owns this recorder also owns the connection, so the recorder
        /// outlives every call.
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
            if usesHook, let preUpdate = PreUpdate.available {
                _ = preUpdate.hook(db.sqliteConnection, { context, connection, operation, schema, table, _, _ in
                    guard let context, let connection, let schema, let table, strcmp(schema, "main") == 0 else { return }
                    Unmanaged<Recorder>.fromOpaque(context).takeUnretainedValue().record(operation, table, connection)
                }, context)
            }
        }

        // MARK: The pre-update hook

        /// A recorded table as the hook reads it: its name, its columns (as JSON keys), which of
        /// them form the key, and which an update keeps even when they did not change.
        struct Shape {
            let name: [CChar]
            let columns: [[UInt8]]
            let key: [Int]
            let identifying: [Bool]
        }

        /// Reads the recorded tables' columns; the hook needs them before the first change.
        func learnShapes(_ db: Database) throws {
            var shapes: [Shape] = []
            for table in Journal.tables {
                let (names, key) = try Journal.columnsAndKey(of: table, db)
                let identifying = Set(key + (HistoryRenderer.naming[table]?.fields ?? []) + (parents[table] ?? []))
                var columns: [[UInt8]] = []
                for name in names {
                    var json: [UInt8] = []
                    ImageWriter.string(Array(name.utf8)[...], into: &json)
                    columns.append(json)
                }
                shapes.append(Shape(name: Array(table.utf8CString), columns: columns,
                                    key: key.compactMap { names.firstIndex(of: $0) }, identifying: names.map(identifying.contains)))
            }
            state.withLock { $0.shapes = shapes }
        }

        /// One row about to be inserted, updated or deleted in `main` (SQLite's pre-update hook):
        /// its image, as the triggers would make it, added to the open change.
        fileprivate func record(_ operation: Int32, _ table: UnsafePointer<CChar>, _ connection: OpaquePointer) {
            guard let preUpdate = PreUpdate.available else { return }
            state.withLock { state in
                guard state.open != nil, let index = state.shapes.firstIndex(where: { strcmp($0.name, table) == 0 }) else { return }
                // Triggers run AFTER a row changed, so a record removed with its rows (ON DELETE
                // CASCADE) came after them; the hook runs before, the record first. Each image
                // waits until the next one at its depth or above: then the changes it caused are
                // recorded, and the images come in the triggers' order, which undo relies on
                // (it removes what a change added newest first: the rows before their record).
                let depth = preUpdate.depth(connection)
                state.settle(downTo: depth)
                let shape = state.shapes[index]
                let count = min(Int(preUpdate.count(connection)), shape.columns.count)
                func value(_ column: Int, new: Bool) -> OpaquePointer? {
                    var value: OpaquePointer?
                    let status = new ? preUpdate.new(connection, Int32(column), &value) : preUpdate.old(connection, Int32(column), &value)
                    return status == SQLITE_OK ? value : nil
                }
                var kept = [Bool](repeating: true, count: count)
                if operation == SQLITE_UPDATE {
                    var changed = false
                    for column in 0..<count {
                        let same = ImageWriter.same(value(column, new: false), value(column, new: true))
                        changed = changed || !same
                        kept[column] = shape.identifying[column] || !same
                    }
                    // As the triggers' WHEN: an update that changes nothing is not a change.
                    guard changed else { return }
                }
                var image: [UInt8] = []
                image.reserveCapacity(256)
                func object(new: Bool, columns: [Int]) {
                    image.append(UInt8(ascii: "{"))
                    for (position, column) in columns.enumerated() {
                        if position > 0 { image.append(UInt8(ascii: ",")) }
                        image.append(contentsOf: shape.columns[column])
                        image.append(UInt8(ascii: ":"))
                        ImageWriter.literal(value(column, new: new), into: &image)
                    }
                    image.append(UInt8(ascii: "}"))
                }
                let all = Array(0..<count)
                image.append(contentsOf: #"{"t":"#.utf8)
                ImageWriter.string(shape.name.dropLast().map { UInt8(bitPattern: $0) }[...], into: &image)
                image.append(contentsOf: #","s":"#.utf8)
                object(new: operation == SQLITE_INSERT, columns: shape.key.filter { $0 < count })
                image.append(contentsOf: #","v":"#.utf8)
                if operation == SQLITE_INSERT { image.append(contentsOf: "null".utf8) } else { object(new: false, columns: all.filter { kept[$0] }) }
                image.append(contentsOf: #","n":"#.utf8)
                if operation == SQLITE_DELETE { image.append(contentsOf: "null".utf8) } else { object(new: true, columns: all.filter { kept[$0] }) }
                image.append(UInt8(ascii: "}"))
                state.pending.append((depth, image))
            }
        }
    }

    /// SQLite's pre-update hook, where this SQLite has it (`SQLITE_ENABLE_PREUPDATE_HOOK`, as in
    /// Debian's): called before every row that a statement of the connection inserts, updates or
    /// deletes, with the values before and after. Looked up at run time, because the header
    /// declares it only under that option. Recording through it costs no trigger program in every
    /// statement that changes a table, and no JSON made by SQL functions.
    struct PreUpdate: @unchecked Sendable {
        typealias Callback = @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int64, Int64) -> Void
        let hook: @convention(c) (OpaquePointer?, Callback?, UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?
        let old: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
        let new: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
        let count: @convention(c) (OpaquePointer?) -> Int32
        /// 0 for a row a statement changes itself, 1 for one its trigger or foreign-key action
        /// changes, and so on.
        let depth: @convention(c) (OpaquePointer?) -> Int32

        static let available: PreUpdate? = {
            guard sqlite3_compileoption_used("ENABLE_PREUPDATE_HOOK") == 1, let process = dlopen(nil, RTLD_NOW),
                  let hook = dlsym(process, "sqlite3_preupdate_hook"), let old = dlsym(process, "sqlite3_preupdate_old"),
                  let new = dlsym(process, "sqlite3_preupdate_new"), let count = dlsym(process, "sqlite3_preupdate_count"),
                  let depth = dlsym(process, "sqlite3_preupdate_depth") else { return nil }
            typealias Value = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
            return PreUpdate(hook: unsafeBitCast(hook, to: (@convention(c) (OpaquePointer?, Callback?, UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?).self),
                             old: unsafeBitCast(old, to: Value.self), new: unsafeBitCast(new, to: Value.self),
                             count: unsafeBitCast(count, to: (@convention(c) (OpaquePointer?) -> Int32).self),
                             depth: unsafeBitCast(depth, to: (@convention(c) (OpaquePointer?) -> Int32).self))
        }()
    }

    /// Writes images as the triggers do with `json_object` and `quote()`: JSON strings that hold
    /// SQL literals exactly as `quote()` writes them (undo compares them with `quote()` of the
    /// current values).
    enum ImageWriter {
        /// `value` as a JSON string holding its `quote()` literal: NULL, an integer, a real (15
        /// significant digits when they give the value back, else 20), 'text' with inner quotes
        /// doubled (up to a NUL, as `%Q`), or X'HEX'.
        static func literal(_ value: OpaquePointer?, into out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            defer { out.append(UInt8(ascii: "\"")) }
            guard let value else { out.append(contentsOf: "NULL".utf8); return }
            switch sqlite3_value_type(value) {
            case SQLITE_INTEGER:
                out.append(contentsOf: String(sqlite3_value_int64(value)).utf8)
            case SQLITE_FLOAT:
                out.append(contentsOf: real(sqlite3_value_double(value)).utf8)
            case SQLITE_TEXT:
                guard let text = sqlite3_value_text(value) else { out.append(contentsOf: "NULL".utf8); return }
                let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                out.append(UInt8(ascii: "'"))
                for byte in bytes[..<end] {
                    if byte == UInt8(ascii: "'") { out.append(byte) }
                    escape(byte, into: &out)
                }
                out.append(UInt8(ascii: "'"))
            case SQLITE_BLOB:
                let hex = Array("0123456789ABCDEF".utf8)
                out.append(contentsOf: "X'".utf8)
                if let blob = sqlite3_value_blob(value) {
                    for byte in UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(value))) {
                        out.append(hex[Int(byte >> 4)])
                        out.append(hex[Int(byte & 15)])
                    }
                }
                out.append(UInt8(ascii: "'"))
            default:
                out.append(contentsOf: "NULL".utf8)
            }
        }

        /// A real as `quote()` writes it, through SQLite's own formatter.
        static func real(_ number: Double) -> String {
            func format(_ pattern: String) -> String {
                guard let text = withVaList([number], { sqlite3_vmprintf(pattern, $0) }) else { return "NULL" }
                defer { sqlite3_free(text) }
                return String(cString: text)
            }
            let short = format("%!0.15g")
            return strtod(short, nil) == number ? short : format("%!0.20e")
        }

        /// `text` as a JSON string.
        static func string(_ text: ArraySlice<UInt8>, into out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            for byte in text { escape(byte, into: &out) }
            out.append(UInt8(ascii: "\""))
        }

        private static func escape(_ byte: UInt8, into out: inout [UInt8]) {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default:
                out.append(byte)
            }
        }

        /// Whether two values are the same (SQL `IS`, by type and value; an integer and a real
        /// of the same number count as different, which at worst keeps a column too many).
        static func same(_ a: OpaquePointer?, _ b: OpaquePointer?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            let type = sqlite3_value_type(a)
            guard type == sqlite3_value_type(b) else { return false }
            switch type {
            case SQLITE_NULL: return true
            case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b)
            case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b)
            case SQLITE_TEXT:
                let first = sqlite3_value_text(a), second = sqlite3_value_text(b)
                let count = sqlite3_value_bytes(a)
                guard count == sqlite3_value_bytes(b) else { return false }
                guard let first, let second else { return first == nil && second == nil }
                return memcmp(first, second, Int(count)) == 0
            default:
                let first = sqlite3_value_blob(a), second = sqlite3_value_blob(b)
                let count = sqlite3_value_bytes(a)
                guard count == sqlite3_value_bytes(b) else { return false }
                guard count > 0 else { return true }
                guard let first, let second else { return false }
                return memcmp(first, second, Int(count)) == 0
            }
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
    static func columnsAndKey(of table: String, _ db: Database) throws -> (names: [String], key: [String]) {
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

    /// Makes this connection ready to record, from the tables' current columns: the recorder
    /// learns them for its pre-update hook, or (without that hook) TEMP triggers hand the images of
    /// each changed row to it (`raadskompas_beeld`) while a change is open. Measurements keep
    /// their earlier values through TEMP triggers either way. Done once per connection, before its
    /// first change (not at opening: a read needs none of it).
    static func installTriggers(_ db: Database, recorder: Recorder) throws {
        if recorder.usesHook {
            try recorder.learnShapes(db)
        }
        for table in tables where !recorder.usesHook {
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
            INSERT INTO wijziging (tijd, opdracht, open, soort, herstelt, beelden, sessie)
                VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now'), ?, 0, ?, ?, ?, ?)
            """).execute(arguments: [open.statement, open.kind, open.restores, "[" + String(decoding: open.images, as: UTF8.self) + "]", recorder.sessie])
    }
}
