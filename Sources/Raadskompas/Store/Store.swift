import Foundation
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The user's data in one SQLite database (GRDB, system libsqlite3). WAL with a busy timeout, so two
/// shells on one database both work; every change is its own transaction, committed at once.
///
/// One serialized connection (`DatabaseQueue`) rather than a `DatabasePool`: a pool writes to the
/// file each time it opens one whose write-ahead log is empty (GRDB issue 102), so even `lijst`
/// would change the database. The file is switched to WAL once, when it is made; opening it
/// afterwards only reads.
public final class Store: Sendable {
    /// `PRAGMA application_id`: marks a file as a Raadskompas database ("RKMP").
    public static let applicationID: Int32 = 0x524B_4D50

    public let path: String
    /// Reads go here; nil `writer` means the file can only be read (write-protected), and every
    /// change is refused with a clear message instead of failing halfway.
    let reader: any DatabaseReader
    let writer: (any DatabaseWriter)?
    private let label = Mutex("")
    private let waiting = Mutex<(@Sendable (Int) -> Void)?>(nil)
    /// Collects the open change's images (see `Journal`); nil when changes are not recorded.
    let recorder: Journal.Recorder?
    /// Whether this connection has made its history triggers (before its first change).
    private let triggersInstalled = Mutex(false)
    /// The temporary copy read instead of a database in a read-only folder (see `init`).
    private let readCopy: String?

    /// Opens (or creates) the database at `path`. A file that is not a Raadskompas database, or one
    /// made by a newer version, is refused and left exactly as it was.
    public convenience init(path: String, createDirectory: Bool = false) throws(StoreError) {
        try self.init(path: path, createDirectory: createDirectory, recordsHistory: true)
    }

    /// Only for measuring what the history costs (`make bench`): changes are not recorded.
    public static func withoutHistory(path: String) throws(StoreError) -> Store {
        try Store(path: path, createDirectory: false, recordsHistory: false)
    }


    /// Once the database is larger than SQLite's page cache (2 MB: a year of history, or a few long
    /// voorstellen), SQLite frees and allocates memory at every change, and glibc gives the top of
    /// its heap back to the system at each free and asks for it again at the next allocation: two
    /// `brk` calls and fresh zeroed pages per change (`strace -c`: 40,462 `brk` calls in 30,000
    /// changes; 30 with this setting). Keeping up to 16 MB of freed memory at the top of the heap
    /// stops that; the memory in use does not grow.
    private static let steadyHeap: Void = {
        #if canImport(Glibc)
        // `mallopt(M_TRIM_THRESHOLD, …)`: malloc.h is not part of Swift's Glibc module, so the
        // function is looked up (M_TRIM_THRESHOLD is -1 there).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(-1, 16 << 20)
        }
        #endif
    }()

    /// `preUpdateHook`: record through SQLite's pre-update hook where this SQLite has it (tests
    /// also try the TEMP triggers that replace it elsewhere).
    init(path: String, createDirectory: Bool, recordsHistory: Bool,
         preUpdateHook: Bool = Journal.PreUpdate.available != nil) throws(StoreError) {
        Store.steadyHeap
        self.path = path
        let recorder = recordsHistory ? Journal.Recorder(usesHook: preUpdateHook) : nil
        self.recorder = recorder
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            guard createDirectory else { throw .missingDirectory(directory) }
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreateDirectory(directory)
            }
        }
        try Store.inspectExistingFile(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // A row that `INSERT OR REPLACE` or a unique key with ON CONFLICT REPLACE removes must reach
        // the history too: SQLite fires delete triggers for it only with recursive triggers.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
            // What GRDB's WAL set-up does besides its write: fewer syncs, as safe in WAL mode.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            recorder?.register(on: db)
        }
        do {
            let queue = try Store.openQueue(path: path, configuration: configuration)
            reader = queue
            writer = queue
        } catch .readOnly(let path) where FileManager.default.fileExists(atPath: path) {
            // A write-protected database can still be read: list, show and export work.
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(10)
            var copy: String?
            do {
                var queue: DatabaseQueue
                do {
                    queue = try DatabaseQueue(path: path, configuration: readOnly)
                    _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                } catch {
                    // A database in write-ahead-log mode needs a shared-memory file beside it, which
                    // SQLite cannot make in a read-only folder. Then a copy in the temporary folder
                    // is read: the file itself stays exactly as it was.
                    copy = try Store.temporaryCopy(of: path)
                    queue = try DatabaseQueue(path: copy!, configuration: readOnly)
                }
                if try queue.read({ db in try Store.migrator.hasBeenSuperseded(db) }) { throw StoreError.newerSchema(path) }
                guard try queue.read({ db in try Store.migrator.hasCompletedMigrations(db) }) else { throw StoreError.readOnly(path) }
                reader = queue
                writer = nil
                readCopy = copy
                return
            } catch {
                if let copy { Store.removeCopy(copy) }
                if case StoreError.newerSchema = error { throw .newerSchema(path) }
                throw .readOnly(path)
            }
        }
        readCopy = nil
    }

    deinit {
        if let readCopy { Store.removeCopy(readCopy) }
    }

    /// Copies the database and its write-ahead log (when there is one) into a new temporary folder;
    /// returns the copy's path.
    static func temporaryCopy(of path: String) throws -> String {
        let folder = NSTemporaryDirectory() + "raadskompas-alleen-lezen-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = folder + "/" + (path as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        }
        return copy
    }

    static func removeCopy(_ copy: String) {
        try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
    }

    /// Whether changes can be saved.
    public var isWritable: Bool { writer != nil }

    /// Opens the connection. Switching a new file to WAL needs a moment of exclusive access, for
    /// which SQLite does not wait: when another process is opening the same file, try again shortly.
    static func openQueue(path: String, configuration: Configuration) throws(StoreError) -> DatabaseQueue {
        let deadline = Date().addingTimeInterval(60)
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                // `journal_mode` is kept in the file: only a new (or never switched) file is changed.
                let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
                if mode?.lowercased() != "wal" {
                    let switched = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                    guard switched?.lowercased() == "wal" else { throw StoreError.other(path, detail: "de database kan niet in WAL-modus") }
                }
                try migrate(queue)
                return queue
            } catch {
                let translated = translate(error, path: path)
                guard translated == .locked(path), Date() < deadline else { throw translated }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Applies the migrations. Two processes that open a new database at the same moment may both
    /// try; each migration is one transaction, so the loser's attempt rolls back and a second pass
    /// finds the work done.
    static func migrate(_ queue: DatabaseQueue) throws {
        // Whether every migration is in. A check while another process creates the tables can
        // fail ("no such table: grdb_migrations", from a schema read a moment before): that counts
        // as not yet, and is asked again.
        func completed() -> Bool {
            (try? queue.read { db in try migrator.hasCompletedMigrations(db) }) == true
        }
        // An up-to-date database needs no write to open: another process may hold it for a while.
        if completed() { return }
        // Mark a new, empty file as ours first, in its own transaction, so that another process
        // that looks at it while the migrations run never sees tables without our mark.
        try queue.write { db in
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if tables == 0 { try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)") }
        }
        // The other process may be several migrations further: try again until it is done (each
        // failed attempt rolled back), for as long as a busy database is waited for.
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                if completed() { return }
                guard Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Checks an existing file read-only before anything writes to it.
    static func inspectExistingFile(_ path: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .readOnly(path) }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        try? handle.close()
        guard header.count >= 16, Data(header[0..<16]) == Data("SQLite format 3\u{0}".utf8) else { throw .notADatabase(path) }
        // Whose file it is comes from the header itself, so a database of another program is never
        // opened by SQLite (which could leave -wal and -shm files beside it).
        if header.count >= 100 {
            func word(_ offset: Int) -> UInt32 { header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
            let applicationID = Int32(bitPattern: word(68))
            let schemaCookie = word(40), userVersion = word(60)
            if applicationID != Store.applicationID {
                // Only an empty file (no schema, no version of another program) is adopted.
                guard schemaCookie == 0, userVersion == 0 else { throw .notRaadskompas(path) }
                return
            }
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        // Reading a write-ahead-log database makes -wal and -shm files beside it. A file that is
        // refused must be left as it was: the ones this check made (empty, as a read-only
        // connection writes nothing there) are removed again.
        let sidecars = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        var queue: DatabaseQueue?
        func leaveAsItWas() {
            try? queue?.close()
            queue = nil
            for sidecar in sidecars { try? FileManager.default.removeItem(atPath: sidecar) }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue!.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID != Store.applicationID, tables > 0 {
                    throw StoreError.notRaadskompas(path)
                }
                if applicationID == Store.applicationID, try Store.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path)
                }
            }
            try queue!.close()
        } catch let error as StoreError {
            leaveAsItWas()
            throw error
        } catch {
            leaveAsItWas()
            let translated = translate(error, path: path)
            // In a read-only folder SQLite cannot open a write-ahead-log database in place; the
            // header already says it is ours, and opening read-only checks the version on a copy.
            if translated == .readOnly(path) { return }
            throw translated
        }
    }

    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        // A record updated after another shell deleted it.
        if let error = error as? RecordError, case .recordNotFound = error { return .gone(path) }
        guard let error = error as? DatabaseError else { return .other(path, detail: "onverwachte fout") }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path)
        case .SQLITE_CORRUPT: return .corrupt(path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path)
        // SQLite's own words are English: the user reads what happened in Dutch, with the code.
        case .SQLITE_FULL: return .other(path, detail: "de schijf is vol")
        case .SQLITE_IOERR: return .other(path, detail: "de schijf gaf een lees- of schrijffout")
        case .SQLITE_NOMEM: return .other(path, detail: "er is niet genoeg geheugen")
        case .SQLITE_TOOBIG: return .other(path, detail: "een tekst of waarde is te groot voor de database")
        case .SQLITE_CONSTRAINT where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY: return .gone(path)
        case .SQLITE_CONSTRAINT: return .other(path, detail: "de wijziging past niet bij wat er al staat")
        case .SQLITE_INTERRUPT: return .other(path, detail: "de opdracht is onderbroken")
        default: return .other(path, detail: "onverwachte databasefout (SQLite-code \(error.extendedResultCode.rawValue)\(error.message.map { ": " + $0 } ?? ""))")
        }
    }

    /// What the next change is recorded as in the history: the statement that makes it.
    public func describeNextChanges(as statement: String) {
        label.withLock { $0 = statement }
    }

    /// Runs a change in one transaction, recorded in the history (`Journal`) in that same
    /// transaction. Database errors become `StoreError`s; errors the closure throws itself pass
    /// through unchanged (and roll the transaction back, history included).
    public func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try write(kind: "wijziging", restores: nil, updates)
    }

    func write<T>(kind: String, restores: Int64?, _ updates: (Database) throws -> T) throws -> T {
        guard let writer else { throw StoreError.readOnly(path) }
        let statement = label.withLock { $0 }
        // Another process may hold the database longer than SQLite's busy timeout (a large import):
        // an answer is not dropped but tried again, for up to `patience`, saying so through `waiting`.
        let started = Date()
        var attempt = 0
        while true {
            do {
                if recorder != nil, !triggersInstalled.withLock({ $0 }) {
                    // Outside the change's transaction: a rolled-back change must not take them along.
                    try writer.writeWithoutTransaction { db in try Journal.installTriggers(db, recorder: recorder!) }
                    triggersInstalled.withLock { $0 = true }
                }
                return try writer.write { db in
                    guard let recorder else { return try updates(db) }
                    recorder.open(statement: statement, kind: kind, restores: restores)
                    // A failed change leaves nothing open (its transaction rolls back).
                    defer { _ = recorder.take() }
                    let result = try updates(db)
                    try Journal.close(db, recorder)
                    return result
                }
            } catch let error as RecordError {
                throw Store.translate(error, path: path)
            } catch let error as DatabaseError {
                let translated = Store.translate(error, path: path)
                guard translated == .locked(path), Date().timeIntervalSince(started) < patience else { throw translated }
                attempt += 1
                waiting.withLock { $0 }?(attempt)
            }
        }
    }

    /// How long a change waits for another process that holds the database.
    public let patience: TimeInterval = 300

    /// Told each time a change has to wait for another process (the shell says so on screen).
    public func onWaiting(_ report: (@Sendable (Int) -> Void)?) {
        waiting.withLock { $0 = report }
    }

    /// Moves everything in the write-ahead log into the database file, so that the `.sqlite` file
    /// alone is complete (a clean exit does this). Quietly does less when another shell is reading.
    public func checkpoint() {
        guard let writer else { return }
        _ = try? writer.writeWithoutTransaction { db in
            if (try? db.checkpoint(.truncate)) == nil { _ = try? db.checkpoint(.passive) }
        }
    }

    /// Runs `value` in one read transaction (a consistent snapshot, even when another process
    /// writes meanwhile).
    public func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            if writer != nil, let queue = reader as? DatabaseQueue {
                // Not `DatabaseQueue.read`: it switches `PRAGMA query_only` on and off, and SQLite
                // expires every prepared statement at such a pragma, so the next change would compile
                // its statements (and their history triggers) anew: most of an edit's time.
                return try queue.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.deferred) {
                        result = try value(db)
                        return .commit
                    }
                    return result!
                }
            }
            return try reader.read(value)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }
}
