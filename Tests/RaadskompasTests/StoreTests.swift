import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// A fresh temporary folder per test.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "raadskompas-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appending(path: name).path }
}

func checksum(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
}

@Suite struct StoreTests {
    @Test func migratesAnEmptyDatabase() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.path("a.sqlite"))
        let (applicationID, tables, journal) = try store.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(applicationID == Store.applicationID)
        #expect(tables.contains("werkblad") && tables.contains("item") && tables.contains("koppeling"))
        #expect(journal == "wal")
        // Opening again is a no-op.
        _ = try Store(path: folder.path("a.sqlite"))
    }

    @Test func adoptsAnEmptySQLiteFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("leeg.sqlite")
        try DatabaseQueue(path: path).close()
        _ = try Store(path: path)
    }

    @Test func refusesAFileThatIsNotADatabaseAndLeavesIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tekst.sqlite")
        try Data("dit is geen database\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = checksum(path)
        #expect(throws: StoreError.notADatabase(path)) { try Store(path: path) }
        #expect(checksum(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesAnotherProgramsDatabaseAndLeavesIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ander.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try queue.close()
        let before = checksum(path)
        #expect(throws: StoreError.notRaadskompas(path)) { try Store(path: path) }
        #expect(checksum(path) == before)
    }

    @Test func refusesANewerSchemaAndLeavesIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nieuw.sqlite")
        do {
            let store = try Store(path: path)
            try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 uit de toekomst')") }
        }
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let before = checksum(path)
        #expect(throws: StoreError.newerSchema(path)) { try Store(path: path) }
        #expect(checksum(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["nieuw.sqlite"])
    }

    /// Issue 12: a command that only reads leaves the file byte for byte as it was, with nothing
    /// beside it afterwards (a `DatabasePool` wrote to it on every open).
    @Test func readingCommandsLeaveTheDatabaseAsItWas() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kompas.sqlite")
        func session() -> Session {
            let session = Session(library: bundledLibrary, style: TextStyle(width: 80, color: false), database: (path: path, isDefault: false))
            session.today = { DateValue(year: 2026, month: 6, day: 1)! }
            return session
        }
        do {
            let result = session().run("""
                adviesraad asd naam="Adviesraad Sociaal Domein" reactietermijn=6
                advies adv-1 raad=asd soort=gevraagd onderwerp="Armoede" { aanbeveling 1 "Meer hulp" }
                werkblad "Visie 2026" { stap resultaten { zelf { resultaat "Minder eenzaamheid" } } }
                """) { _ in }
            #expect(result.succeeded)
        }
        let before = checksum(path)
        #expect(before != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["kompas.sqlite"])
        for statement in ["werkblad lijst", "advies lijst", "advies toon adv-1", "geschiedenis", "werkblad toon \"Visie 2026\"", "jaaroverzicht 2026"] {
            do {
                let result = session().run(statement) { _ in }
                #expect(result.succeeded, "\(statement): \(result.diagnostics.map(\.summary))")
            }
            #expect(checksum(path) == before, "\(statement) changed the database")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["kompas.sqlite"], "\(statement)")
        }
    }

    /// Whether this machine lets the tests mount a small file system (root with mount rights, as
    /// in CI here); permissions alone do not stop root, so a read-only folder needs a read-only mount.
    static let canMountReadOnly: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        let probe = FileManager.default.temporaryDirectory.appending(path: "raadskompas-mount-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard StoreTests.shell("/bin/mount", ["-t", "tmpfs", "tmpfs", probe]) else { return false }
        return StoreTests.shell("/bin/umount", [probe])
    }()

    static func shell(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A database in a read-only folder (a read-only mount) can be read, refuses changes with the
    /// usual message, and stays byte for byte as it was, with no file beside it.
    @Test(.enabled(if: StoreTests.canMountReadOnly)) func readsADatabaseInAReadOnlyFolder() throws {
        let folder = try TemporaryFolder()
        let mount = folder.path("alleen-lezen")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(StoreTests.shell("/bin/mount", ["-t", "tmpfs", "tmpfs", mount]))
        defer { _ = StoreTests.shell("/bin/umount", [mount]) }
        let path = mount + "/kompas.sqlite"
        do {
            let store = try Store(path: path)
            _ = try WerkbladStore(store: store).create(Werkblad(naam: "Visie Súdwest-Fryslân", eigenaar: "", soort: .raadslid, gemeente: ""))
            store.checkpoint()
        }
        #expect(StoreTests.shell("/bin/mount", ["-o", "remount,ro", mount]))
        let before = checksum(path)
        let store = try Store(path: path)
        #expect(!store.isWritable)
        #expect(try WerkbladStore(store: store).all().map(\.naam) == ["Visie Súdwest-Fryslân"])
        #expect(throws: StoreError.readOnly(path)) { try store.write { db in try db.execute(sql: "DELETE FROM werkblad") } }
        #expect(checksum(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount) == ["kompas.sqlite"])
    }

    @Test func refusesACorruptDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kapot.sqlite")
        _ = try Store(path: path)
        var bytes = try #require(checksum(path))
        // Keep the header, break the schema page.
        for i in 100..<min(bytes.count, 4000) { bytes[i] = 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        #expect(throws: StoreError.self) { try Store(path: path) }
        // Refused and left exactly as it was: the same bytes, and nothing beside it.
        #expect(checksum(path) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["kapot.sqlite"])
    }

    @Test func namedFolderMustExistDefaultFolderIsMade() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appending(path: "nog/niet").path
        #expect(throws: StoreError.missingDirectory(missing)) { try Store(path: missing + "/x.sqlite") }
        _ = try Store(path: missing + "/x.sqlite", createDirectory: true)
    }

    @Test func locations() {
        #expect(DatabaseLocation.resolve(option: "/a.sqlite", environment: ["RAADSKOMPAS_DB": "/b.sqlite"])?.path == "/a.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["RAADSKOMPAS_DB": "/b.sqlite"])?.path == "/b.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/h"])?.path == "/data/raadskompas/raadskompas.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: ["HOME": "/h"])?.path == "/h/.local/share/raadskompas/raadskompas.sqlite")
        #expect(DatabaseLocation.resolve(option: nil, environment: [:]) == nil)
    }
}

@Suite struct WerkbladTests {
    func session(_ folder: TemporaryFolder) -> Session {
        Session(library: bundledLibrary, database: (folder.path("w.sqlite"), false))
    }

    func run(_ session: Session, _ text: String) -> (output: String, diagnostics: [Diagnostic]) {
        var output = ""
        let result = session.run(text) { output += $0 }
        return (output, result.diagnostics)
    }

    static let declaration = """
        werkblad "Visie fractie" eigenaar="Fractie Samen" gemeente="Almere" soort=fractie {
          stap waarden {
            zelf {
              waarde "Zelfbeschikking" toelichting="Inwoners houden regie over hun leven"
              waarde "Solidariteit"
            }
            samen { waarde "Rechtvaardigheid" }
          }
          stap resultaten {
            zelf { resultaat "Meer steun voor 75-plussers" percentage=70% jaar=2030 indicator=eenzaamheid-75plus }
          }
          koppeling {
            waarde "Zelfbeschikking"
            principe "Eigen regie voorop"
            onderbouwing "Wie regie heeft, doet langer mee"
            resultaat "Meer steun voor 75-plussers"
          }
        }
        """

    /// A newcomer made "visie sociaal domein zoeterwoude" next to "…Zoëterwoude" (two werkbladen
    /// that look like one) and a name with a line break (`"Visie\nieuw"`). Both are refused, by
    /// `nieuw`, `hernoem` and a declaration alike; the werkblad itself may still be renamed to
    /// its own name with other accents.
    @Test func namesThatDifferOnlyInAccentsOrHoldALineBreakAreRefused() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        #expect(run(s, "werkblad nieuw \"Visie sociaal domein Zoëterwoude\"").diagnostics.isEmpty)
        let twin = run(s, "werkblad nieuw \"visie sociaal domein zoeterwoude\"").diagnostics.first
        #expect(twin?.summary == "er is al een werkblad ‘Visie sociaal domein Zoëterwoude’; ‘visie sociaal domein zoeterwoude’ verschilt daarvan alleen in accenten")
        #expect(twin?.hint == "open het bestaande met `werkblad toon \"Visie sociaal domein Zoëterwoude\"`, of kies een naam die echt anders is")
        #expect(twin?.span?.location == SourceLocation(line: 1, column: 16)) // at the name, not at `werkblad`
        let declared = run(s, "werkblad \"Visie sociaal domein Zoeterwoude\" { }").diagnostics.first
        #expect(declared?.summary.hasPrefix("er is al een werkblad ‘Visie sociaal domein Zoëterwoude’") == true)
        let twoLines = run(s, "werkblad nieuw \"Visie\\nieuw\"").diagnostics.first
        #expect(twoLines?.summary == "de naam van een werkblad past op één regel")
        #expect(run(s, "werkblad nieuw \"Andere visie\"").diagnostics.isEmpty)
        let renamed = run(s, "werkblad hernoem \"Andere visie\" \"Visie sociaal domein Zoeterwoude\"").diagnostics.first
        #expect(renamed?.summary.hasPrefix("er is al een werkblad ‘Visie sociaal domein Zoëterwoude’") == true)
        #expect(run(s, "werkblad hernoem \"Andere visie\" \"Andere\\nvisie\"").diagnostics.first?.summary == "de naam van een werkblad past op één regel")
        // Its own name, written without the accent: allowed.
        #expect(run(s, "werkblad hernoem \"Visie sociaal domein Zoëterwoude\" \"Visie sociaal domein Zoeterwoude\"").diagnostics.isEmpty)
        let list = run(s, "werkblad lijst").output
        #expect(list.contains("Visie sociaal domein Zoeterwoude") && list.contains("Andere visie"))
        #expect(!list.contains("Zoëterwoude"))
    }

    @Test func createListShowRenameDelete() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        #expect(run(s, "werkblad nieuw \"Visie sociaal domein\" eigenaar=\"Sanne de Vries\" gemeente=\"Almere\"").diagnostics.isEmpty)
        #expect(run(s, "werkblad lijst").output.contains("Visie sociaal domein"))
        #expect(run(s, "lijst werkbladen").output.contains("Sanne de Vries"))
        let duplicate = run(s, "werkblad nieuw \"visie SOCIAAL domein\"").diagnostics.first
        #expect(duplicate?.summary == "er is al een werkblad ‘visie SOCIAAL domein’")
        #expect(run(s, "werkblad hernoem \"Visie sociaal domein\" \"Visie 2026\"").diagnostics.isEmpty)
        let typo = run(s, "werkblad toon \"Visie 2062\"").diagnostics.first
        #expect(typo?.hint == "bedoelde je ‘Visie 2026’?")
        #expect(typo?.span?.location == SourceLocation(line: 1, column: 15))
        let unsure = run(s, "werkblad verwijder \"Visie 2026\"").diagnostics.first
        #expect(unsure?.summary == "verwijderen vraagt om bevestiging")
        s.confirm = { _ in false }
        #expect(run(s, "werkblad verwijder \"Visie 2026\"").output == "Niets verwijderd.\n")
        s.confirm = { _ in true }
        #expect(run(s, "werkblad verwijder \"Visie 2026\"").output == "Werkblad ‘Visie 2026’ is verwijderd.\n")
        #expect(run(s, "werkblad lijst").output.hasPrefix("Er zijn nog geen werkbladen"))
    }

    @Test func declarativeFormCreatesAndReplaces() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let first = run(s, WerkbladTests.declaration)
        #expect(first.diagnostics.isEmpty, "\(DiagnosticRenderer().render(first.diagnostics))")
        #expect(first.output == "Werkblad ‘Visie fractie’ opgeslagen: 4 antwoorden, 1 koppeling.\n")
        let shown = run(s, "werkblad toon \"Visie fractie\"").output
        #expect(shown.contains("1. Zelfbeschikking"))
        #expect(shown.contains("(doel: 70% in 2030, indicator"), "\(shown)")
        // The same owner declaring again replaces the content, and the reply says what was there.
        #expect(run(s, "werkblad \"Visie fractie\" { stap principes { zelf { principe \"Dichtbij\" } } }").output
                == "Werkblad ‘Visie fractie’ vervangen: nu 1 antwoord en 0 koppelingen (was 4 en 1). `ongedaan` zet het vorige terug.\n")
        let replaced = run(s, "werkblad toon \"Visie fractie\"").output
        #expect(!replaced.contains("Zelfbeschikking") && replaced.contains("Dichtbij"))
    }

    @Test func declarationErrorsPointAtTheMistake() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let wrongItem = run(s, "werkblad \"X\" {\n  stap waarden { zelf { principe \"p\" } }\n}").diagnostics.first
        #expect(wrongItem?.summary == "in stap `waarden` schrijf je `waarde`, niet `principe`")
        #expect(wrongItem?.span?.location == SourceLocation(line: 2, column: 25))
        let indicator = run(s, "werkblad \"X\" { stap resultaten { zelf { resultaat \"r\" indicator=eenzaamheid-75plu } } }").diagnostics.first
        #expect(indicator?.summary == "onbekende indicator `eenzaamheid-75plu`")
        #expect(indicator?.hint == "bedoelde je `eenzaamheid-75plus`?")
        let step = run(s, "werkblad \"X\" { stap waardne { } }").diagnostics.first
        #expect(step?.hint == "bedoelde je `waarden`?")
        let twice = run(s, "werkblad \"X\" {\n  stap waarden { }\n  stap waarden { }\n}").diagnostics.first
        #expect(twice?.summary == "stap `waarden` staat er twee keer")
        #expect(twice?.notes.first?.span?.location == SourceLocation(line: 2, column: 8))
        // Nothing was stored by the failed declarations.
        #expect(run(s, "werkblad lijst").output.hasPrefix("Er zijn nog geen werkbladen"))
    }

    @Test func kompasExportImportsBackByteIdentical() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, WerkbladTests.declaration)
        let first = folder.path("visie.kompas")
        #expect(run(s, "exporteer werkblad \"Visie fractie\" naar \"\(first)\"").diagnostics.isEmpty)
        let empty = Session(library: bundledLibrary, database: (folder.path("leeg.sqlite"), false))
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(run(empty, text).diagnostics.isEmpty)
        let second = folder.path("visie2.kompas")
        #expect(run(empty, "exporteer werkblad \"Visie fractie\" naar \"\(second)\"").diagnostics.isEmpty)
        #expect(checksum(first) == checksum(second))
    }

    @Test func markdownExportMatchesTheGoldenFile() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, WerkbladTests.declaration)
        let path = folder.path("visie.md")
        #expect(run(s, "exporteer werkblad \"Visie fractie\" naar \"\(path)\"").diagnostics.isEmpty)
        let golden = packageRoot.appending(path: "Tests/RaadskompasTests/Golden/visie-fractie.md")
        let actual = try String(contentsOfFile: path, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RAADSKOMPAS_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func userTextNeverBecomesMarkup() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let evil = "<script>alert(1)</script> \\\"><img src=x onerror=alert(1)> **vet** [link](javascript:x) | pijp"
        let declaration = "werkblad \"Injectie\" eigenaar=\"\(evil.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\" { stap waarden { zelf { waarde \"<b>x</b> | y\" } } }"
        let result = run(s, declaration)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
        let path = folder.path("i.md")
        _ = run(s, "exporteer werkblad \"Injectie\" naar \"\(path)\"")
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        // Every character of the user's text that Markdown or HTML would read as markup is escaped.
        #expect(unescaped(in: markdown, of: "<").isEmpty)
        #expect(unescaped(in: markdown, of: "[").isEmpty)
        #expect(unescaped(in: markdown, of: "`").isEmpty)
        #expect(markdown.contains("\\*\\*vet\\*\\*"))
        let kompasPath = folder.path("i.kompas")
        _ = run(s, "exporteer werkblad \"Injectie\" naar \"\(kompasPath)\"")
        let again = Session(library: bundledLibrary, database: (folder.path("i2.sqlite"), false))
        #expect(run(again, try String(contentsOfFile: kompasPath, encoding: .utf8)).diagnostics.isEmpty)
        #expect(run(again, "werkblad toon \"Injectie\"").output.contains("<b>x</b> | y"))
    }

    /// Positions of `character` not preceded by a backslash.
    func unescaped(in text: String, of character: Character) -> [Int] {
        let characters = Array(text)
        return characters.indices.filter { characters[$0] == character && ($0 == 0 || characters[$0 - 1] != "\\") }
    }

    @Test func longEmojiAndRightToLeftText() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let long = String(repeating: "Zorg dichtbij. ", count: 700)
        let declaration = "werkblad \"Lang 🌍 مرحبا\" { stap waarden { zelf { waarde \"\(long)\" toelichting=\"👩‍👩‍👧 שלום\" } } }"
        #expect(run(s, declaration).diagnostics.isEmpty)
        let path = folder.path("lang.kompas")
        #expect(run(s, "exporteer werkblad \"Lang 🌍 مرحبا\" naar \"\(path)\"").diagnostics.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(long) && text.contains("👩‍👩‍👧 שלום"))
    }

    @Test func exportErrors() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, "werkblad nieuw \"W\"")
        #expect(run(s, "exporteer werkblad \"W\" naar \"/bestaat/niet/w.md\"").diagnostics.first?.summary == "de map `/bestaat/niet` bestaat niet")
        #expect(run(s, "exporteer werkblad \"W\" naar \"\(folder.path("w.docx"))\"").diagnostics.first?.summary == "onbekend soort bestand `docx`")
        #expect(run(s, "exporteer werkblad \"V\" naar \"\(folder.path("w.md"))\"").diagnostics.first?.hint == "bedoelde je ‘W’?")
        #expect(run(s, "exporteer werkblad \"W\" in \"\(folder.path("w.md"))\"").diagnostics.first != nil)
    }

    @Test func contentStatementsNeverCreateADatabase() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, "toon wmo\nzoek eenzaamheid\nlijst alles")
        #expect(!FileManager.default.fileExists(atPath: folder.path("w.sqlite")))
    }
}


@Suite struct HTMLExportTests {
    func session(_ folder: TemporaryFolder) -> Session {
        Session(library: bundledLibrary, database: (folder.path("h.sqlite"), false))
    }

    func golden(_ name: String, _ actual: String) throws {
        let url = packageRoot.appending(path: "Tests/RaadskompasTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RAADSKOMPAS_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) wijkt af van het goldenbestand")
    }

    @Test func werkbladAndInvulschemaMatchTheGoldenFiles() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = s.run(WerkbladTests.declaration) { _ in }
        let werkblad = folder.path("visie.html"), form = folder.path("invul.html")
        #expect(s.run("exporteer werkblad \"Visie fractie\" naar \"\(werkblad)\"") { _ in }.succeeded)
        #expect(s.run("exporteer invulschema naar \"\(form)\"") { _ in }.succeeded)
        let html = try String(contentsOfFile: werkblad, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.contains("@page { size: A4;"))
        try golden("visie-fractie.html", html)
        try golden("invulschema.html", try String(contentsOfFile: form, encoding: .utf8))
    }

    @Test func nothingTypedBecomesMarkupOrScript() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let attacks = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</style><b>vet</b>", "&lt;script&gt;"]
        for (i, attack) in attacks.enumerated() {
            let q = Value.quote(attack)
            let declaration = """
                werkblad \(Value.quote("Aanval \(i) " + attack)) eigenaar=\(q) gemeente=\(q) {
                  stap waarden { zelf { waarde \(q) toelichting=\(q) } }
                  stap resultaten { samen { resultaat \(q) } }
                  koppeling { waarde \(q); principe \(q); onderbouwing \(q); resultaat \(q) }
                }
                """
            #expect(s.run(declaration) { _ in }.succeeded)
            let path = folder.path("a\(i).html")
            #expect(s.run("exporteer werkblad \(Value.quote("Aanval \(i) " + attack)) naar \"\(path)\"") { _ in }.succeeded)
            let html = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>vet"))
            #expect(html.components(separatedBy: "</style>").count == 2, "alleen de eigen stylesheet sluit")
        }
    }

    @Test func pdfNeedsARendererOrSaysSo() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = s.run(WerkbladTests.declaration) { _ in }
        let path = folder.path("visie.pdf")
        let result = s.run("exporteer werkblad \"Visie fractie\" naar \"\(path)\"") { _ in }
        if PDFRenderer.find() == nil {
            #expect(result.diagnostics.first?.summary == "voor een PDF is Chromium of WeasyPrint nodig, en geen van beide is geïnstalleerd")
            #expect(!FileManager.default.fileExists(atPath: path))
        } else {
            #expect(result.succeeded)
            #expect(FileManager.default.contents(atPath: path)?.starts(with: Data("%PDF".utf8)) == true)
        }
        #expect(PDFRenderer.find(environment: ["PATH": folder.path("leeg")]) == nil)
    }
}
