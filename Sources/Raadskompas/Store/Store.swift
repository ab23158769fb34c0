import Foundation
import GRDB

/// The user's data in one SQLite database (GRDB, system libsqlite3). WAL with a busy timeout, so two
/// shells on one database both work; every change is its own transaction, committed at once.
public final class Store: Sendable {
    /// `PRAGMA application_id`: marks a file as a Raadskompas database ("RKMP").
    public static let applicationID: Int32 = 0x524B_4D50

    public let path: String
    let pool: DatabasePool

    /// Opens (or creates) the database at `path`. A file that is not a Raadskompas database, or one
    /// made by a newer version, is refused and left exactly as it was.
    public init(path: String, createDirectory: Bool = false) throws(StoreError) {
        self.path = path
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
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Store.migrator.migrate(pool)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Checks an existing file read-only before anything writes to it.
    static func inspectExistingFile(_ path: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        if let handle = FileHandle(forReadingAtPath: path) {
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            try? handle.close()
            if header != Data("SQLite format 3\u{0}".utf8) { throw .notADatabase(path) }
        } else {
            throw .readOnly(path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID != Store.applicationID, tables > 0 {
                    throw StoreError.notRaadskompas(path)
                }
                if applicationID == Store.applicationID, try Store.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path)
                }
            }
            try queue.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return .other(path, detail: "\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path)
        case .SQLITE_CORRUPT: return .corrupt(path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path)
        default: return .other(path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs a change in one transaction. Database errors become `StoreError`s; errors the closure
    /// throws itself pass through unchanged (and roll the transaction back).
    public func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(updates)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }

    public func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(value)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }
}
