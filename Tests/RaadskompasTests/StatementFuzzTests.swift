import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// A small, seeded random generator: the same seed gives the same statements, so a failure can be
/// replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How long a fuzz run goes on and what it saw: `RAADSKOMPAS_FUZZ_SECONDEN=N` runs for N seconds
/// (instead of a number of rounds); every input over `slowLimit` seconds is saved in
/// `RAADSKOMPAS_FUZZ_MAP` (default: a temporary folder) and the last input is always there as
/// `laatste.txt`, so a crash can be replayed. A summary line goes to standard output.
struct FuzzRun {
    let name: String
    let rounds: Int
    let deadline: Date?
    let folder: String?
    let slowLimit = 2.0
    /// How many inputs run against one database before a fresh one is made.
    static let freshDatabaseEvery = 2_000
    private(set) var done = 0
    private(set) var slowest = 0.0
    private(set) var slow: [String] = []
    private let started = Date()

    init(name: String, roundsVariable: String, defaultRounds: Int) {
        let environment = ProcessInfo.processInfo.environment
        self.name = name
        let seconds = environment["RAADSKOMPAS_FUZZ_SECONDEN"].flatMap { Double($0) }
        deadline = seconds.map { Date().addingTimeInterval($0) }
        rounds = seconds == nil ? environment[roundsVariable].flatMap { Int($0) } ?? defaultRounds : Int.max
        // Inputs are only written to disk in a long run: the short round in the suite stays fast.
        if seconds != nil || environment["RAADSKOMPAS_FUZZ_MAP"] != nil {
            let folder = environment["RAADSKOMPAS_FUZZ_MAP"] ?? NSTemporaryDirectory() + "raadskompas-fuzz"
            let path = folder + "/" + name
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            self.folder = path
        } else {
            folder = nil
        }
    }

    var goesOn: Bool { done < rounds && (deadline.map { Date() < $0 } ?? true) }

    /// Runs one input, timing it.
    mutating func round(_ input: [UInt8], _ body: () -> Void) {
        if let folder { FileManager.default.createFile(atPath: folder + "/laatste.txt", contents: Data(input)) }
        let start = Date()
        body()
        let took = Date().timeIntervalSince(start)
        slowest = max(slowest, took)
        if took > slowLimit {
            slow.append(String(format: "%.2f s", took))
            if let folder { FileManager.default.createFile(atPath: folder + "/traag-\(done).txt", contents: Data(input)) }
        }
        done += 1
    }

    func report() {
        let elapsed = Date().timeIntervalSince(started)
        print("fuzz \(name): \(done) invoer in \(String(format: "%.0f", elapsed)) s, traagste \(String(format: "%.3f", slowest)) s, boven \(slowLimit) s: \(slow.count)"
              + (folder.map { " (invoer in \($0))" } ?? ""))
    }
}

/// Statements built from the registry's own declarations, with values of every kind (and of the
/// wrong kind), run against a real database: nothing may crash, and every failure must be a
/// diagnostic that points into the text.
@Suite struct StatementFuzzTests {
    static let values = [
        "\"Visie 2026\"", "\"\"", "\"ë é ü — ‘quote’\"", "\"a\\\"b\"", "\"<script>alert(1)</script>\"", "\"=1+1\"",
        "rv-1", "adv-2026-01", "wmo", "x", "Ë", "lijst", "toon", "0", "-1", "3", "2.5", "1e308", "99999999999999999999",
        "40%", "2026-02-30", "2026-03-12", "12-03-2026", "ja", "nee", "[wmo, jeugdwet]", "[]", "[\"a\", \"b\"]", "$x", "(1 + 2)",
        "waarden.zelf.1", "zelf.1", "samen.9", "2024-K2", "\"/dev/null\"", "\"/bestaat/niet.csv\"", "\"@UIT@\"", "naar",
    ]

    /// `@UIT@` in a value stands for a file in the test's own temporary folder: exports and
    /// backups of the fuzzer never land in the working directory.
    func statement(_ random: inout SeededGenerator, folder: TemporaryFolder) -> String {
        statement(&random).replacingOccurrences(of: "@UIT@", with: folder.path("uit-\(Int.random(in: 0..<4, using: &random)).html"))
    }

    func statement(_ random: inout SeededGenerator) -> String {
        let command = Registry.all.randomElement(using: &random)!
        var words = [command.word]
        if let action = command.action { words.append(action) }
        let arguments = command.schema.arguments.dropFirst(command.action == nil ? 0 : 1)
        let argumentCount = Int.random(in: 0...(arguments.count + 1), using: &random)
        for _ in 0..<argumentCount { words.append(Self.values.randomElement(using: &random)!) }
        for field in command.schema.fields where Bool.random(using: &random) {
            words.append("\(field.name)=\(Self.values.randomElement(using: &random)!)")
        }
        if Int.random(in: 0..<5, using: &random) == 0 { words.append("onbekend=1") }
        var text = words.joined(separator: " ")
        if !command.schema.children.isEmpty, Bool.random(using: &random) {
            let child = command.schema.children.randomElement(using: &random)!
            text += " { \(child.name) \(Self.values.randomElement(using: &random)!) \(Self.values.randomElement(using: &random)!) }"
        }
        return text
    }

    @Test func registryStatementsNeverCrashAndEveryErrorHasASpan() throws {
        let folder = try TemporaryFolder()
        // A fresh database, with a little real data so that lookups succeed as often as they fail,
        // every `FuzzRun.freshDatabaseEvery` statements: what is measured is the time of one
        // statement on a database of a person's size, not of `herstel 3` over the hundred
        // thousand changes an hour of fuzzing piles up (that is linear work, measured in `make bench`).
        func freshSession(_ number: Int) -> Session {
            let session = Session(library: bundledLibrary, style: TextStyle(width: 80, color: false),
                                  database: (path: folder.path("fuzz-\(number).sqlite"), isDefault: false))
            session.today = { DateValue(year: 2026, month: 6, day: 1)! }
            _ = session.run("""
                adviesraad asd naam="ASD" reactietermijn=6
                advies adv-2026-01 raad=asd soort=gevraagd onderwerp="Armoede" { aanbeveling 1 "Meer"; aanbeveling 2 "Minder" }
                werkblad "Visie 2026" { stap resultaten { zelf { resultaat "Minder eenzaamheid" } } }
                voorstel rv-1 { titel "Wmo-verordening"; tekst "Het college stelt voor de Wmo te wijzigen." }
                """) { _ in }
            return session
        }
        var session = freshSession(0)
        // `RAADSKOMPAS_FUZZ=100000 RAADSKOMPAS_FUZZ_SEED=7 swift test --filter StatementFuzz` for a long
        // run, or `RAADSKOMPAS_FUZZ_SECONDEN=3600` for an hour (`make fuzz`).
        let environment = ProcessInfo.processInfo.environment
        var run = FuzzRun(name: "opdrachten", roundsVariable: "RAADSKOMPAS_FUZZ", defaultRounds: 1500)
        var random = SeededGenerator(state: environment["RAADSKOMPAS_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20261130)
        var failures = 0
        while run.goesOn {
            if run.done > 0, run.done % FuzzRun.freshDatabaseEvery == 0 {
                session = freshSession(run.done / FuzzRun.freshDatabaseEvery)
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: folder.path("fuzz-\(run.done / FuzzRun.freshDatabaseEvery - 1).sqlite" + suffix))
                }
            }
            let text = statement(&random, folder: folder)
            var result = Session.Result(diagnostics: [])
            run.round(Array(text.utf8)) { result = session.run(text) { _ in } }
            if !result.succeeded {
                failures += 1
                for diagnostic in result.diagnostics {
                    #expect(!diagnostic.summary.isEmpty, "\(text)")
                    if let span = diagnostic.span {
                        #expect(span.start >= 0 && span.end <= span.file.bytes.count, "\(text)")
                    }
                }
            }
        }
        run.report()
        // Most random statements are wrong; some are right. Both paths were taken.
        #expect(failures > run.done / 15 && failures < run.done)
        #expect(run.slowest < 5, "the slowest statement took \(run.slowest) s")
    }

    /// Found by the run above: a number too large for an Int stopped the program.
    @Test func hugeNumbersAreErrorsNotCrashes() {
        #expect(shell("volg 99999999999999999999").diagnostics.first?.summary == "99999999999999999999 is te groot voor `nummer`")
        let numbered = check("""
            koerskaart groot {
              titel "Groot"
              onderwerp "x"
              bron "test"
              pagina 99999999999999999999 "Een" { tekst "x" }
            }
            """).diagnostics.map(\.summary)
        #expect(numbered.contains { $0.contains("staat op de plek van pagina 1") }, "\(numbered)")
    }
}

/// Issue 12, first kinds: numbers out of their range are located errors, and a long chain of
/// operators is refused or evaluated without a deep stack.
@Suite struct NumberAndChainTests {
    @Test func numbersOutsideTheirRangeAreLocatedErrors() throws {
        let db = try DatabaseSession()
        let termijn = db.fail("adviesraad x naam=\"n\" reactietermijn=99999999999999999999")
        #expect(termijn?.summary == "99999999999999999999 is te groot voor `reactietermijn`")
        #expect(termijn?.span?.location == SourceLocation(line: 1, column: 38))
        #expect(db.fail("jaaroverzicht 1850")?.summary == "1850 is te klein voor `jaar`")
        db.run("adviesraad asd naam=\"a\" reactietermijn=6")
        #expect(db.fail("advies a1 raad=asd soort=gevraagd onderwerp=\"x\" { aanbeveling 99999999999999999999 \"a\" }")?.summary
                == "99999999999999999999 is te groot voor `nummer`")
        #expect(db.fail("werkblad \"W\" { stap resultaten { zelf { resultaat \"r\" jaar=30000 } } }")?.summary == "30000 is te groot voor `jaar`")
        #expect(try db.snapshot().contains("reactietermijn=6"), "nothing else was stored")
    }

    @Test func valuesThatMakeNoSenseAreRefused() throws {
        #expect(shell("schrijf (2026-01-01 + 9999999)").diagnostics.first?.summary == "de uitkomst ligt buiten de kalender (jaar 29405)")
        let db = try DatabaseSession()
        db.run("""
            adviesraad asd naam="a"
            advies a1 raad=asd soort=gevraagd onderwerp="x" uitgebracht=2026-03-01 { aanbeveling 1 "a" }
            """)
        #expect(db.fail("reactie a1 datum=2026-02-01 { aanbeveling 1 niet }")?.summary == "de reactie (1 februari 2026) is van vóór het advies (uitgebracht 1 maart 2026)")
        #expect(db.fail("duiding werkloze-jongeren periode=2025.5 { a \"x\" }")?.summary == "`2025,5` is geen periode")
    }

    @Test func longChainsAreEvaluatedOrRefused() {
        let thousand = Array(repeating: "1", count: 1000).joined(separator: "+")
        #expect(shell("schrijf (\(thousand))").output == "1000\n")
        let tooLong = shell("schrijf (\(thousand)+1+1)").diagnostics.first
        #expect(tooLong?.summary == "te lange expressie (meer dan 1000 bewerkingen)")
        let ands = Array(repeating: "ja", count: 1000).joined(separator: " en ")
        #expect(shell("schrijf (\(ands))").output == "ja\n")
    }
}

/// Issue 12: output is safe everywhere and files are never touched by surprise.
@Suite struct SafeOutputTests {
    @Test func controlCharactersNeverReachTheTerminalOrAFile() throws {
        #expect(SafeText.terminal("a\u{1B}]0;titel\u{07}b\u{1B}[2J") == "a␛]0;titel^Gb␛[2J")
        #expect(SafeText.terminal("\u{1B}[1mvet\u{1B}[0m") == "\u{1B}[1mvet\u{1B}[0m", "our own colours pass")
        #expect(SafeText.terminal("regel\rnog een") == "regel\nnog een")
        #expect(SafeText.csvCell("a\r=HYPERLINK(\"x\")") == "\"a\n=HYPERLINK(\"\"x\"\")\"")
        #expect(SafeText.csvCell("  =1+1") == "'  =1+1")
        #expect(SafeText.csvCell("-2,5") == "-2,5")
        #expect(WerkbladExport.escape("a\r~~~\u{1B}[2J") == "a ~~~\\[2J")
        let db = try DatabaseSession()
        db.run("werkblad \"Gevaar\u{1B}]0;x\u{07}\" { stap waarden { zelf { waarde \"\u{1B}[2Jweg\" } } }")
        let shown = db.run("werkblad lijst")
        #expect(!shown.contains("\u{1B}]") && shown.contains("␛]0;x^G"), "\(shown)")
    }

    @Test func exportsNeverOverwriteBySurprise() throws {
        let db = try DatabaseSession()
        db.run("werkblad nieuw \"W\"")
        let path = db.folder.path("w.md")
        try "van iemand anders".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(db.fail("exporteer werkblad \"W\" naar \"\(path)\"")?.summary == "`\(path)` bestaat al")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "van iemand anders")
        db.session.confirm = { _ in false }
        #expect(db.run("exporteer werkblad \"W\" naar \"\(path)\"") == "Niets geschreven.\n")
        db.session.confirm = nil
        db.run("exporteer werkblad \"W\" naar \"\(path)\" overschrijf=ja")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# W"))
        // A symbolic link stays a link; the file it points to gets the export.
        let target = db.folder.path("doel.md"), link = db.folder.path("link.md")
        try "oud".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        db.run("exporteer werkblad \"W\" naar \"\(link)\" overschrijf=ja")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# W"))
        #expect(db.fail("exporteer werkblad \"W\" naar \"/dev/full\"")?.summary == "`/dev/full` heeft geen extensie die het soort bestand noemt")
        #expect(ExportTarget.expand("~/x.md") == (ProcessInfo.processInfo.environment["HOME"] ?? "") + "/x.md")
    }

    @Test func devicesAndPipesAreRefusedBeforeReading() throws {
        #expect(ContentFiles.isRegularFile("/dev/zero") == false)
        if case .failure(let diagnostic) = ContentFiles.read("/dev/zero") {
            #expect(diagnostic.summary == "`/dev/zero` is geen gewoon bestand")
        } else {
            Issue.record("/dev/zero was read")
        }
        let db = try DatabaseSession()
        let fifo = db.folder.path("pijp")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(db.fail("importeer metingen \"\(fifo)\"")?.summary == "`\(fifo)` is geen gewoon bestand")
        let many = String(repeating: "$", count: 10_000)
        let rendered = DiagnosticRenderer().render(shell("schrijf \(many)").diagnostics)
        #expect(rendered.hasSuffix("herstel eerst de eerste hierboven.\n") && rendered.count < 100_000)
    }

    /// A database of another program is refused from its header, never opened: no -wal or -shm
    /// appears beside it, and an empty file that another program gave a version is not adopted.
    @Test func foreignDatabasesAreNeverTouched() throws {
        let folder = try TemporaryFolder()
        for (name, setup) in [("versie.sqlite", "PRAGMA user_version = 7;"),
                              ("wal.sqlite", "PRAGMA journal_mode = WAL; CREATE TABLE x (a); INSERT INTO x VALUES (1);")] {
            let path = folder.path(name)
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: setup) }
            try queue.close()
            for sidecar in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + sidecar) }
            let before = FileManager.default.contents(atPath: path)
            #expect(throws: StoreError.notRaadskompas(path)) { try Store(path: path) }
            #expect(FileManager.default.contents(atPath: path) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
        }
    }
}
