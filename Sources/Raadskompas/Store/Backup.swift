import Foundation
import GRDB

extension Store {
    public enum BackupFailure: Error, Sendable, Equatable {
        case missingFolder(String)
        case exists(String)
        case notAFile(String)
        case sameAsDatabase(String)
        case failed(String, detail: String)
        case full(String)
    }

    /// Writes a consistent copy of the database to `path` with SQLite's online backup, while other
    /// shells may keep working. The copy is written next to `path` first and then renamed, so a
    /// failure (a full disk) leaves no half copy. An existing file is only replaced with `replace`.
    /// Returns the copy's size in bytes.
    public func backup(to path: String, replace: Bool = false) throws(BackupFailure) -> Int {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingFolder(folder)
        }
        let source = URL(fileURLWithPath: self.path).standardizedFileURL.resolvingSymlinksInPath()
        if target.resolvingSymlinksInPath() == source || Store.sameFile(target.path, source.path) {
            throw .sameAsDatabase(path)
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let type = (try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType) ?? nil
            guard !isDirectory.boolValue, type == .typeRegular else { throw .notAFile(path) }
            guard replace else { throw .exists(path) }
        }
        let temporary = folder + "/." + target.lastPathComponent + ".reservekopie-\(UUID().uuidString.prefix(8))"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        do {
            let copy = try DatabaseQueue(path: temporary)
            try reader.backup(to: copy)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            // rename(2) replaces an existing file in one step: there is never no copy, or half a copy.
            guard rename(temporary, target.path) == 0 else {
                throw BackupFailure.failed(path, detail: Store.describe(errno: errno))
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw .full(path)
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH].contains(error.resultCode) {
            throw .failed(path, detail: "in de map `\(folder)` mag Raadskompas geen bestand schrijven")
        } catch let error as DatabaseError {
            // SQLite's own words are English: the reader gets the Dutch description.
            let translated = Store.translate(error, path: path)
            throw .failed(path, detail: { if case .other(_, let detail) = translated { return detail } else { return translated.message } }())
        } catch let failure as BackupFailure {
            throw failure
        } catch {
            throw .failed(path, detail: "onverwachte fout")
        }
        return (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
    }

    /// A system error number in Dutch words (strerror is English).
    static func describe(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "geen schrijfrechten in die map"
        case EROFS: "die schijf kan alleen gelezen worden"
        case ENOSPC, EDQUOT: "de schijf is vol"
        case EXDEV: "de kopie kon niet naar die schijf verplaatst worden"
        case ENAMETOOLONG: "de naam is te lang"
        case EISDIR: "er staat een map met die naam"
        default: "het bestand kon niet op zijn plek gezet worden (systeemfout \(code))"
        }
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
