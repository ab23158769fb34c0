import Foundation
import Testing

/// The database under real processes: two shells writing at once, and `kill -9` in the middle.
@Suite struct DatabaseProcessTests {
    func start(_ arguments: [String], errors: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try #require(BinaryRunner.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    @Test func twoProcessesWriteAtOnce() throws {
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "samen.sqlite").path
        let script = { (prefix: String) in
            "voor elk i in bereik(1, 40) { werkblad nieuw \"\(prefix)-${i}\" eigenaar=\"\(prefix)\" }"
        }
        let firstErrors = scratch.url.appending(path: "anna.err"), secondErrors = scratch.url.appending(path: "bram.err")
        let first = try start(["--db", db, "-c", script("Anna")], errors: firstErrors)
        let second = try start(["--db", db, "-c", script("Bram")], errors: secondErrors)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0, "\((try? String(contentsOf: firstErrors, encoding: .utf8)) ?? "")")
        #expect(second.terminationStatus == 0, "\((try? String(contentsOf: secondErrors, encoding: .utf8)) ?? "")")
        let list = try BinaryRunner.run(["--db", db, "-c", "werkblad lijst"])
        #expect(list.stdout.contains("Werkbladen (80)"))
    }

    @Test func killDashNineLosesNothingThatWasCommitted() throws {
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "kill.sqlite").path
        let process = try start(["--db", db, "-c", "voor elk i in bereik(1, 100000) { werkblad nieuw \"W-${i}\" }"])
        // Let it write for a while, then kill it without warning.
        var created = 0
        let deadline = Date().addingTimeInterval(20)
        while created < 30, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            created = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0 > 0 ? 30 : 0
        }
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The database opens, is consistent, and holds an unbroken run W-1 … W-n.
        let check = try BinaryRunner.run(["--db", db, "-c", "werkblad lijst"])
        #expect(check.status == 0, "\(check.stderr)")
        let names = check.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!names.isEmpty)
        let numbers = Set(names.compactMap { Int($0.split(separator: " ").first?.dropFirst(2) ?? "") })
        #expect(numbers == Set(1...numbers.count), "elke opdracht tot de kill is bewaard, zonder gaten")
        let more = try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Na de kill\""])
        #expect(more.status == 0)
    }

    @Test func refusedDatabaseIsLeftUntouched() throws {
        let scratch = try Scratch()
        let path = try scratch.write("notities.sqlite", "Dit is een tekstbestand met notities.\n")
        let before = FileManager.default.contents(atPath: path)
        let result = try BinaryRunner.run(["--db", path, "-c", "werkblad lijst"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("`\(path)` is geen database"))
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        // Reading content does not need, open or create a database at all.
        let content = try BinaryRunner.run(["--db", path, "-c", "toon wmo.doelen"])
        #expect(content.status == 0)
    }

    /// Makes a file write-protected: chmod for a normal user, the immutable flag for root (whom
    /// file modes do not stop). Returns false when neither is possible here.
    func protect(_ path: String, _ on: Bool) -> Bool {
        if getuid() != 0 {
            return chmod(path, on ? 0o444 : 0o644) == 0
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [on ? "+i" : "-i", path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func writeProtectedDatabaseCanBeReadNotChanged() throws {
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "alleen-lezen.sqlite").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Visie\""]).status == 0)
        guard protect(db, true) else { return } // no way to protect a file on this machine
        defer { _ = protect(db, false) }
        let before = FileManager.default.contents(atPath: db)
        let list = try BinaryRunner.run(["--db", db, "-c", "werkblad lijst"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Visie"))
        let change = try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Ander\""])
        #expect(change.status == 1)
        #expect(change.stderr.contains("kan alleen gelezen worden"))
        #expect(FileManager.default.contents(atPath: db) == before)
    }

    /// Another program (sqlite3) that holds the write lock of `db` for `seconds` while `body` runs.
    func holdingTheLock(of db: String, for seconds: Double, _ body: () throws -> BinaryRunner.Result) throws -> BinaryRunner.Result {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE; INSERT INTO werkblad (naam, aangemaakt, gewijzigd) VALUES ('Van sqlite3', '2026-01-01', '2026-01-01');\n".utf8))
        Thread.sleep(forTimeInterval: 0.3)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        }
        let result = try body()
        holder.waitUntilExit()
        return result
    }

    @Test func aLockedDatabaseIsWaitedFor() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "bezet.sqlite").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Eerste\""]).status == 0)
        // Another program holds the write lock for two seconds.
        let start = Date()
        let result = try holdingTheLock(of: db, for: 2) { try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Tweede\""]) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) >= 1.5, "het wachtte op het slot")
        let list = try BinaryRunner.run(["--db", db, "-c", "werkblad lijst"])
        #expect(list.stdout.contains("Werkbladen (3)"))
    }

    /// Issue 11, reproduction 10: another process holds the database longer than SQLite's busy
    /// timeout (10 s, as a large import does); the change waits and is stored, not dropped.
    @Test func aChangeOutlastsALongLock() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "lang-bezet.sqlite").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Eerste\""]).status == 0)
        let start = Date()
        let result = try holdingTheLock(of: db, for: 12) { try BinaryRunner.run(["--db", db, "-c", "werkblad nieuw \"Tweede\""]) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) >= 11, "het wachtte langer dan de busy-timeout")
        #expect(try BinaryRunner.run(["--db", db, "-c", "werkblad lijst"]).stdout.contains("Tweede"))
    }

    /// Issue 11: two shells (processes) edit and undo on one database, and after they end the
    /// `.sqlite` file alone holds the last change.
    @Test func twoProcessesEditAndUndoOneHistory() throws {
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "samen.sqlite").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "adviesraad asd naam=\"ASD\""]).status == 0)
        #expect(try BinaryRunner.run(["--db", db, "-c", "adviesraad rkc naam=\"RKC\" reactietermijn=8"]).status == 0)
        let undo = try BinaryRunner.run(["--db", db, "-c", "ongedaan"])
        #expect(undo.stdout.hasPrefix("Wijziging #2 ongedaan gemaakt"), "\(undo.stdout)\(undo.stderr)")
        #expect(try BinaryRunner.run(["--db", db, "-c", "adviesraad asd reactietermijn=6"]).stdout == "Adviesraad asd bijgewerkt: reactietermijn.\n")
        let history = try BinaryRunner.run(["--db", db, "-c", "geschiedenis"]).stdout
        #expect(history.contains("#4") && history.contains("adviesraad asd: reactietermijn ‘leeg’ → ‘6’"), "\(history)")
        // Only the .sqlite file, copied after the shells ended.
        let alone = scratch.url.appending(path: "alleen.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: alone)
        let copy = try BinaryRunner.run(["--db", alone, "-c", "adviesraad lijst"])
        #expect(copy.stdout == "  asd  ASD — reactietermijn 6 weken\n", "\(copy.stdout)\(copy.stderr)")
    }
}
