import Foundation
import Testing

/// The database under real processes: two shells writing at once, and `kill -9` in the middle.
@Suite struct DatabaseProcessTests {
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try #require(BinaryRunner.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func twoProcessesWriteAtOnce() throws {
        let scratch = try Scratch()
        let db = scratch.url.appending(path: "samen.sqlite").path
        let script = { (prefix: String) in
            "voor elk i in bereik(1, 40) { werkblad nieuw \"\(prefix)-${i}\" eigenaar=\"\(prefix)\" }"
        }
        let first = try start(["--db", db, "-c", script("Anna")])
        let second = try start(["--db", db, "-c", script("Bram")])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
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
}
