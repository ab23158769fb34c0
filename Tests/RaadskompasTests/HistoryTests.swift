import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// A session on a database in a temporary folder.
final class DatabaseSession {
    let folder: TemporaryFolder
    let session: Session
    var path: String { folder.path("data.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        session = Session(library: bundledLibrary, style: TextStyle(width: 100, color: false),
                          database: (path: folder.path("data.sqlite"), isDefault: false))
        session.today = { DateValue(year: 2026, month: 6, day: 1)! }
    }

    /// Runs statements; an error fails the test with the rendered diagnostics.
    @discardableResult
    func run(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        var output = ""
        let result = session.run(text) { output += $0 }
        #expect(result.succeeded, "\(DiagnosticRenderer().render(result.diagnostics))", sourceLocation: sourceLocation)
        return output
    }

    /// Runs statements that must fail; returns the first error.
    func fail(_ text: String) -> Diagnostic? {
        session.run(text) { _ in }.diagnostics.first { $0.severity == .error }
    }

    /// Every table of user data, as text: what "nothing else changed" is checked against.
    func snapshot() throws -> String {
        try #require(DatabaseSession.snapshot(of: path, tables: Journal.tables + ["meting"]))
    }
}

@Suite struct HistoryTests {
    static let setup = """
        adviesraad asd naam="ASD" reactietermijn=6
        advies adv-1 raad=asd soort=gevraagd onderwerp="Jeugdhulp" uitgebracht=2026-01-10 { aanbeveling 1 "Meer"; aanbeveling 2 "Minder" }
        reactie adv-1 datum=2026-03-03 { aanbeveling 1 overgenomen "ok"; aanbeveling 2 niet "nee" }
        indicator nieuw wachttijd naam="Wachttijd" eenheid="dagen"
        koppel aanbeveling adv-1 1 indicator=wachttijd richting=omlaag
        voorstel rv-1 { titel "Wmo"; datum 2026-02-01; tekst "Het college stelt voor de Wmo te wijzigen." }
        beoordeling rv-1 door="Griffie" { criterium A score=2; criterium B score=1 "Dun" }
        werkblad "Visie" eigenaar="Anaïs" { stap waarden { zelf { waarde "Zelfbeschikking" } } stap resultaten { zelf { resultaat "Minder eenzaam" } } }
        duiding wachttijd periode=2025 { a "Hoog" }
        """

    @Test func everyKindOfRecordIsUndoneAndRestoredExactly() throws {
        let db = try DatabaseSession()
        db.run("geschiedenis")
        let before = try db.snapshot()
        db.run(HistoryTests.setup)
        let full = try db.snapshot()
        let history = HistoryStore(store: try Store(path: db.path))
        let count = try history.count()
        #expect(count == 9)
        // Walking back through every change brings back the empty database.
        for _ in 0..<count { db.run("ongedaan") }
        #expect(try db.snapshot() == before)
        #expect(db.fail("ongedaan")?.summary == "er is niets om ongedaan te maken")
        // `herstel` of the first undo puts everything back, as one change.
        let firstUndo = try #require(try history.changes(limit: 100).last { $0.soort == "ongedaan" })
        db.run("herstel \(firstUndo.id)")
        #expect(try db.snapshot() == full)
        // And that herstel can itself be undone.
        db.run("ongedaan")
        #expect(try db.snapshot() == before)
    }

    /// Where SQLite has a pre-update hook (Debian's has), the history is recorded through it;
    /// elsewhere through TEMP triggers. Both must record the same images, and both must undo and
    /// restore exactly: here every kind of record, a REPLACE (a beoordeling declared again), a
    /// removal with the rows that go with it (ON DELETE CASCADE), reals and quotes in texts.
    @Test(arguments: [true, false]) func theHookAndTheTriggersRecordTheSame(hook: Bool) throws {
        let folder = try TemporaryFolder()
        func session(_ name: String, hook: Bool) throws -> (Session, Store) {
            let store = try Store(path: folder.path(name), createDirectory: false, recordsHistory: true, preUpdateHook: hook)
            let session = Session(library: bundledLibrary, store: store)
            session.today = { DateValue(year: 2026, month: 6, day: 1)! }
            return (session, store)
        }
        let (recorded, store) = try session("hook.sqlite", hook: hook)
        #expect(store.recorder?.usesHook == hook || Journal.PreUpdate.available == nil)
        let (reference, _) = try session("triggers.sqlite", hook: false)
        let csv = folder.path("metingen.csv")
        try "indicator;gebied;periode;waarde\nwerkloze-jongeren;GM0363;2023;4,5\nwerkloze-jongeren;GM0363;2024;0,00001\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let csv2 = folder.path("metingen2.csv")
        try "indicator;gebied;periode;waarde\nwerkloze-jongeren;GM0363;2024;123456789012,3\n".write(toFile: csv2, atomically: true, encoding: .utf8)
        let script = HistoryTests.setup + """

            beoordeling rv-1 door="Griffie" { criterium A score=0 "L'avis \\\\ \\"zo\\"" }
            werkblad wijzig "visie" waarden.zelf.1 "Zelfbeschikking, ook voor één"
            koppel resultaat "visie" resultaten.zelf.1 indicator=wachttijd doel=0.1 richting=omlaag jaar=2030
            importeer metingen "\(csv)"
            importeer metingen "\(csv2)" toch=ja
            aanbeveling verwijder adv-1 1 zeker=ja
            werkblad verwijder "Visie" zeker=ja
            """
        for session in [recorded, reference] {
            var output = ""
            let result = session.run(script) { output += $0 }
            #expect(result.succeeded, "\(DiagnosticRenderer().render(result.diagnostics))")
        }
        /// Every change's images, in order, without the times of day they hold. (The hook is
        /// told of a removed record before the rows removed with it; triggers after. The order
        /// must be the triggers': undo removes what a change added newest first.)
        func images(_ name: String) throws -> [[String]] {
            let queue = try DatabaseQueue(path: folder.path(name))
            defer { try? queue.close() }
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT beelden FROM wijziging ORDER BY id").map { text in
                    let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
                    return try array.map { image in
                        var image = image
                        for side in ["v", "n"] {
                            if var values = image[side] as? [String: String] {
                                values = values.filter { !$0.value.hasPrefix("'2026-") }
                                image[side] = values
                            }
                        }
                        return String(decoding: try JSONSerialization.data(withJSONObject: image, options: [.sortedKeys]), as: UTF8.self)
                    }
                }
            }
        }
        let recordedImages = try images("hook.sqlite")
        #expect(recordedImages == (try images("triggers.sqlite")))
        #expect(recordedImages.count == 16)
        #expect(recordedImages.joined().contains { $0.contains(#"L''avis \\ \"zo\""#) })
        // Everything undone, one change at a time, leaves an empty database; a herstel of the
        // first undo brings all back.
        let path = folder.path("hook.sqlite")
        let full = try #require(DatabaseSession.snapshot(of: path, tables: Journal.tables + ["meting"]))
        for _ in recordedImages { #expect(recorded.run("ongedaan") { _ in }.succeeded) }
        let empty = try #require(DatabaseSession.snapshot(of: path, tables: Journal.tables + ["meting"]))
        #expect(!empty.contains("="))
        let history = HistoryStore(store: store)
        let firstUndo = try #require(try history.changes(limit: 100).last { $0.soort == "ongedaan" })
        #expect(recorded.run("herstel \(firstUndo.id)") { _ in }.succeeded)
        #expect(DatabaseSession.snapshot(of: path, tables: Journal.tables + ["meting"]) == full)
    }

    @Test func undoTouchesOnlyTheLastChange() throws {
        let db = try DatabaseSession()
        db.run(HistoryTests.setup)
        let full = try db.snapshot()
        db.run("werkblad wijzig \"Visie\" waarden.zelf.1 \"Eigen regie\"")
        #expect(try db.snapshot() != full)
        let reply = db.run("ongedaan")
        #expect(reply.contains("waarden") && reply.contains("weer ‘Zelfbeschikking’"), "\(reply)")
        #expect(try db.snapshot() == full)
    }

    @Test func historyListsChangesNewestFirstAndFiltersById() throws {
        let db = try DatabaseSession()
        #expect(db.run("geschiedenis").contains("Er is nog niets veranderd"))
        db.run(HistoryTests.setup)
        let all = db.run("geschiedenis")
        #expect(all.contains("#9") && all.contains("#1"))
        #expect(all.range(of: "#9")!.lowerBound < all.range(of: "#1 ")!.lowerBound)
        let advies = db.run("geschiedenis adv-1")
        #expect(advies.contains("aanbeveling adv-1 · 1: motivering ‘’ → ‘ok’"), "\(advies)")
        #expect(!advies.contains("werkblad Visie"))
        let werkblad = db.run("geschiedenis \"visie\"")
        #expect(werkblad.contains("werkblad Visie: nieuw") && werkblad.contains("antwoord"), "\(werkblad)")
        #expect(db.run("geschiedenis onbekend").contains("Er is geen geschiedenis van ‘onbekend’"))
        // The total is of what is asked for, not of the whole database (found by a newcomer).
        let count = advies.components(separatedBy: "\n#").count - 1
        #expect(advies.contains("(nieuwste eerst; \(count) in totaal)"), "\(advies)")
    }

    /// An edit records what it changed and what names the row, not the whole row: a new datum of a
    /// voorstel with a long text does not copy that text; undo and `geschiedenis ID` still work,
    /// also for an answer found through its werkblad.
    @Test func anEditRecordsOnlyWhatChanged() throws {
        let db = try DatabaseSession()
        let tekst = String(repeating: "Het college stelt voor de Wmo-verordening te wijzigen. ", count: 400)
        db.run("voorstel rv-1 { titel \"Wmo\"; datum 2026-02-01; tekst \"\(tekst)\" }")
        db.run("werkblad \"Visie\" { stap waarden { zelf { waarde \"Zelfbeschikking\" } } }")
        let before = try db.snapshot()
        db.run("voorstel wijzig rv-1 datum=2026-03-12")
        db.run("werkblad wijzig \"Visie\" waarden.zelf.1 \"Eigen regie\"")
        let images = try DatabaseQueue(path: db.path).read { db in
            try String.fetchAll(db, sql: "SELECT beelden FROM wijziging ORDER BY id DESC LIMIT 2")
        }
        #expect(images.allSatisfy { $0.utf8.count < 600 }, "\(images)")
        #expect(images[1].contains("'2026-03-12'") && !images[1].contains("Wmo-verordening"))
        #expect(db.run("geschiedenis rv-1").contains("datum ‘2026-02-01’ → ‘2026-03-12’"))
        #expect(db.run("geschiedenis \"visie\"").contains("tekst ‘Zelfbeschikking’ → ‘Eigen regie’"))
        db.run("ongedaan")
        db.run("ongedaan")
        #expect(try db.snapshot() == before)
    }

    /// A voorstel's datum is user data (only an import run's date is bookkeeping), and a long text
    /// is shown where it changed, on one line.
    @Test func historyShowsADatumAndWhereALongTextChanged() throws {
        let db = try DatabaseSession()
        db.run("voorstel rv-1 { titel \"T\"; tekst \"Raadsvoorstel Cliëntondersteuning voor iedereen in de gemeente\\nBeslispunten: in te stemmen met het plan.\" }")
        db.run("voorstel wijzig rv-1 datum=2026-05-01")
        db.run("voorstel rv-1 { tekst \"Raadsvoorstel Cliëntondersteuning voor iedereen in de gemeente\\nBeslispunten: in te stemmen met het nieuwe plan.\" }")
        let shown = db.run("geschiedenis rv-1")
        #expect(shown.contains("datum ‘leeg’ → ‘2026-05-01’"), "\(shown)")
        #expect(shown.contains("met het plan.") && shown.contains("met het nieuwe plan."), "\(shown)")
        let undone = db.run("ongedaan")
        #expect(!undone.contains("Raadsvoorstel\nCliënt") && !undone.contains("gemeente\nBeslis"), "\(undone)")
    }

    /// Found by an hour of fuzzing: `geschiedenis` read every row of a herstel of thousands of
    /// changes (seconds), `herstel` prepared each row's SQL anew, and its reply named every number.
    @Test func aLongHistoryStaysQuickAndShort() throws {
        let db = try DatabaseSession()
        db.run("werkblad \"Bench\" { stap resultaten { zelf { resultaat \"begin\" doel=0.1 } } }")
        db.run("koppel resultaat \"Bench\" zelf.1 indicator=werkloze-jongeren doel=33.333333333333336 jaar=2027")
        let start = try db.snapshot()
        for i in 0..<1_500 { db.run("werkblad wijzig \"Bench\" resultaten.zelf.1 \"versie \(i)\"") }
        let started = Date()
        let reply = db.run("herstel 3")
        #expect(reply.hasPrefix("Teruggezet wat er was vóór wijziging #3: 1.500 wijzigingen teruggedraaid (#1502, #1501,")
                || reply.hasPrefix("Teruggezet wat er was vóór wijziging #3: 1500 wijzigingen teruggedraaid (#1502, #1501,"), "\(reply)")
        #expect(reply.contains("… en nog 1489, tot en met #3)"), "\(reply)")
        #expect(reply.count < 300)
        #expect(try db.snapshot() == start, "every value back exactly, reals included")
        let listing = db.run("geschiedenis aantal=1")
        #expect(listing.contains("… en nog 1.492 regels"), "\(listing)")
        db.run("ongedaan")
        #expect(try db.snapshot().contains("versie 1499"))
        // Generous for a debug build on a busy machine; the release build takes a fraction of it.
        #expect(Date().timeIntervalSince(started) < 30)
    }

    /// A database from before v11 (one `journaal` row per record, persistent triggers) keeps its
    /// history: listed, undone and restored as before, and new changes are recorded after it.
    @Test func historyFromBeforeOneRowPerChangeIsKept() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("oud.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Store.migrator.migrate(queue, upTo: "v10 gebieden")
        // Two changes as the old version recorded them: an open wijziging row, the triggers copy.
        for (statement, sql) in [("instelling a", "INSERT INTO instelling (sleutel, waarde) VALUES ('gemeente', 'Breda')"),
                                 ("instelling b", "UPDATE instelling SET waarde = 'O''Brien-stad ë' WHERE sleutel = 'gemeente'")] {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO wijziging (tijd, opdracht, open) VALUES ('2026-01-02 10:00:00.000', ?, 1)", arguments: [statement])
                try db.execute(sql: sql)
                try db.execute(sql: "UPDATE wijziging SET open = 0")
            }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journaal") } == 2)
        try queue.close()

        let store = try Store(path: path)
        let history = HistoryStore(store: store)
        let changes = try history.changes()
        #expect(changes.map(\.id) == [2, 1])
        #expect(changes.map(\.opdracht) == ["instelling b", "instelling a"])
        #expect(changes[0].rows.first?.voor?["waarde"] == "'Breda'")
        #expect(changes[0].rows.first?.na?["waarde"] == "'O''Brien-stad ë'")
        #expect(changes[1].rows.first?.voor == nil)
        #expect(try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' OR name = 'journaal'")
        } == 0)
        func waarde() throws -> String? {
            try store.read { db in try String.fetchOne(db, sql: "SELECT waarde FROM instelling WHERE sleutel = 'gemeente'") }
        }
        let undo = try history.undoLast()
        #expect(undo.undone.id == 2 && undo.undo == 3)
        #expect(try waarde() == "Breda")
        // A new change is recorded after the old ones, and undone in turn.
        try store.write { db in try db.execute(sql: "UPDATE instelling SET waarde = 'Tilburg' WHERE sleutel = 'gemeente'") }
        let newest = try history.changes(limit: 1)
        #expect(newest.map(\.id) == [4])
        #expect(newest.first?.rows.first?.na?["waarde"] == "'Tilburg'")
        #expect(try history.changes(limit: 10).first { $0.id == 3 }?.herstelt == 2)
        _ = try history.restore(before: 1)
        #expect(try waarde() == nil)
        #expect(try history.count() == 5)
        // Another program that changes the file (without Raadskompas's function) is not stopped.
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "INSERT INTO instelling (sleutel, waarde) VALUES ('x', 'y')") }
        try other.close()
        #expect(try history.count() == 5)
    }

    @Test func badInputLeavesTheDatabaseUnchanged() throws {
        let db = try DatabaseSession()
        #expect(db.fail("ongedaan")?.summary == "er is niets om ongedaan te maken")
        #expect(db.fail("herstel 3")?.summary == "er is geen wijziging #3")
        db.run(HistoryTests.setup)
        let full = try db.snapshot()
        #expect(db.fail("herstel 99")?.hint == "kies een nummer uit `geschiedenis` (de nieuwste is #9)")
        // A record changed since, outside the history (another program): undo refuses, changes nothing.
        let queue = try DatabaseQueue(path: db.path)
        try queue.write { db in try db.execute(sql: "DELETE FROM duiding") }
        try queue.close()
        let changedOutside = try db.snapshot()
        #expect(changedOutside != full)
        let conflict = db.fail("ongedaan")
        #expect(conflict?.summary.contains("sindsdien buiten Raadskompas om veranderd") == true, "\(String(describing: conflict))")
        #expect(try db.snapshot() == changedOutside)
    }

    @Test func measurementImportsAreUndoneWithTheValuesTheyReplaced() throws {
        let db = try DatabaseSession()
        let first = db.folder.path("eerste.csv"), second = db.folder.path("tweede.csv")
        try "indicator;gebied;periode;waarde\nwerkloze-jongeren;GM0363;2023;4,5\nwerkloze-jongeren;GM0363;2024;5,1\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "indicator;gebied;periode;waarde\nwerkloze-jongeren;GM0363;2024;5,3\nwerkloze-jongeren;GM0363;2025;6\n".write(toFile: second, atomically: true, encoding: .utf8)
        db.run("importeer metingen \"\(first)\"")
        let afterFirst = try db.snapshot()
        db.run("importeer metingen \"\(second)\"")
        #expect(try db.snapshot().contains("waarde=5.3"))
        db.run("ongedaan")
        #expect(try db.snapshot() == afterFirst)
        db.run("ongedaan")
        #expect(!(try db.snapshot()).contains("waarde="))
        // The own indicator's measurements come back with the indicator.
        db.run("indicator nieuw eigen naam=\"Eigen\" eenheid=\"%\"")
        let own = db.folder.path("eigen.csv")
        try "indicator;gebied;periode;waarde\neigen;GM0363;2024;12\n".write(toFile: own, atomically: true, encoding: .utf8)
        db.run("importeer metingen \"\(own)\"")
        let withOwn = try db.snapshot()
        db.run("indicator verwijder eigen zeker=ja")
        db.run("ongedaan")
        #expect(try db.snapshot() == withOwn)
    }

    @Test func twoSessionsShareOneHistory() throws {
        let first = try DatabaseSession()
        first.run("adviesraad asd naam=\"ASD\"")
        let second = Session(library: bundledLibrary, database: (path: first.path, isDefault: false))
        var output = ""
        #expect(second.run("adviesraad rkc naam=\"RKC\"") { output += $0 }.succeeded)
        // The first shell undoes the newest change, the second shell's, and says so: its own is #1.
        let reply = first.run("ongedaan")
        #expect(reply.contains("Let op: dit was een wijziging uit een andere sessie (een andere shell of een script), niet jouw laatste wijziging (#1)."))
        #expect(!(try first.snapshot()).contains("RKC"))
        #expect(try first.snapshot().contains("ASD"))
        output = ""
        #expect(second.run("ongedaan") { output += $0 }.succeeded)
        #expect(!(try first.snapshot()).contains("ASD"))
        // The second shell has no change of its own left (its one was undone): nothing to point at.
        #expect(!output.contains("Let op"))
        // Undoing its own change says nothing extra.
        first.run("adviesraad rkc naam=\"RKC\"")
        #expect(!first.run("ongedaan").contains("Let op"))
    }

    @Test func backupIsACompleteConsistentCopy() throws {
        let db = try DatabaseSession()
        db.run(HistoryTests.setup)
        let copy = db.folder.path("kopie.sqlite")
        let reply = db.run("reservekopie naar \"\(copy)\"")
        #expect(reply.hasPrefix("Reservekopie geschreven naar"))
        let original = DatabaseSession.snapshot(of: db.path)
        #expect(original != nil && DatabaseSession.snapshot(of: copy) == original)
        // Bad targets: nothing written, a clear error.
        #expect(db.fail("reservekopie naar \"\(copy)\"")?.summary == "`\(copy)` bestaat al")
        #expect(db.fail("backup naar \"\(db.path)\"")?.summary == "`\(db.path)` is de database zelf")
        #expect(db.fail("reservekopie naar \"/bestaat/niet/kopie.sqlite\"")?.summary == "de map `/bestaat/niet` bestaat niet")
        #expect(db.fail("reservekopie naar \"/dev/full\"")?.summary == "`/dev/full` is geen gewoon bestand")
        #expect(db.fail("reservekopie naar \"\(copy)\"")?.hint == "kies een andere naam, of zet `overschrijf=ja` om het te vervangen")
        // `overschrijf=ja`, as for exports; `vervang=ja`, its first name, still works.
        db.run("reservekopie naar \"\(copy)\" overschrijf=ja")
        #expect(DatabaseSession.snapshot(of: copy) == original)
        db.run("reservekopie naar \"\(copy)\" vervang=ja")
        #expect(DatabaseSession.snapshot(of: copy) == original)
    }

    @Test func theDatabaseFileAloneIsCompleteAfterASession() throws {
        let db = try DatabaseSession()
        db.run("adviesraad asd naam=\"Laatste wijziging\"")
        db.session.close()
        let alone = db.folder.path("alleen.sqlite")
        try FileManager.default.copyItem(atPath: db.path, toPath: alone)
        #expect(DatabaseSession.snapshot(of: alone)?.contains("Laatste wijziging") == true)
    }
}

extension DatabaseSession {
    /// The rows of the tables of user data of the database at `path`, opened read-only, as text
    /// (without the columns that hold the time of a change).
    static func snapshot(of path: String, tables: [String] = Journal.tables) -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in
            try tables.map { table in
                let order = (1...min(3, try db.columns(in: table).count)).map(String.init).joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
                return table + ": " + rows.map { row in
                    row.columnNames.filter { !["gewijzigd", "geimporteerd", "datum", "aangemaakt"].contains($0) }
                        .map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: ",")
                }.joined(separator: " | ")
            }.joined(separator: "\n")
        }
    }
}

/// Edit verbs for every kind of record: one field at a time, the rest kept, undoable.
@Suite struct EditVerbTests {
    @Test func everyRecordHasAWijzigVerb() throws {
        let db = try DatabaseSession()
        db.run(HistoryTests.setup)
        db.run("voorstel rv-2 { titel \"Jeugd\"; tekst \"Het college stelt voor.\" }")
        let before = try db.snapshot()
        #expect(db.run("advies wijzig adv-1 onderwerp=\"Jeugd en gezin\" voorstel=rv-2")
                == "Advies adv-1 bijgewerkt: onderwerp, voorstel gewijzigd; aanbevelingen 1, 2 ongewijzigd.\n")
        #expect(db.run("adviesraad wijzig asd reactietermijn=8") == "Adviesraad asd bijgewerkt: reactietermijn.\n"
                + "De reactietermijn geldt voor 1 uitgebrachte advies van deze raad: wat op tijd of te laat is, is opnieuw berekend (zie `advies lijst`).\n")
        #expect(db.run("indicator wijzig wachttijd eenheid=\"weken\"") == "Eigen indicator wachttijd bijgewerkt: eenheid.\n")
        #expect(db.run("aanbeveling wijzig adv-1.2 \"Veel minder\"") == "Advies adv-1 bijgewerkt: aanbeveling 2 bijgewerkt; aanbeveling 1 ongewijzigd.\n")
        #expect(db.run("aanbeveling nieuw adv-1 \"Sneller\"") == "Advies adv-1 bijgewerkt: aanbeveling 3 nieuw; aanbevelingen 1, 2 ongewijzigd.\n")
        let toon = db.run("advies toon adv-1")
        // The reacties, the indicator link and the dates stay.
        #expect(toon.contains("Jeugd en gezin") && toon.contains("Veel minder") && toon.contains("Sneller") && toon.contains("→ niet overgenomen: nee"))
        #expect(toon.contains("◆ Wachttijd"))
        let indicator = db.run("indicator lijst")
        #expect(indicator.contains("Wachttijd") && indicator.contains("weken"))
        // Every change is one step back.
        for _ in 0..<5 { db.run("ongedaan") }
        #expect(try db.snapshot() == before)
        // Records that do not exist are named with the nearest one; nothing changes.
        #expect(db.fail("advies wijzig adv-2 onderwerp=\"x\"")?.hint == "bedoelde je `adv-1`?")
        #expect(db.fail("adviesraad wijzig asx naam=\"x\"")?.hint == "bedoelde je `asd`?")
        #expect(db.fail("indicator wijzig wachtijd naam=\"x\"")?.hint == "bedoelde je `wachttijd`?")
        #expect(db.fail("indicator wijzig werkloze-jongeren naam=\"x\"")?.summary.hasPrefix("`werkloze-jongeren` staat in de catalogus") == true)
        #expect(db.fail("aanbeveling wijzig adv-1 7 \"x\"")?.summary == "advies adv-1 heeft geen aanbeveling 7")
        // `adv-1.7`, as `koppel` writes an aanbeveling, is read as advies adv-1, number 7; the
        // error then points at the 7.
        let dotted = db.fail("aanbeveling wijzig ADV-1.7 \"x\"")
        #expect(dotted?.summary == "advies adv-1 heeft geen aanbeveling 7")
        #expect(dotted?.span?.text == "7")
        #expect(db.fail("aanbeveling nieuw adv-1 \"x\" nummer=1")?.summary == "advies adv-1 heeft al een aanbeveling 1")
        #expect(db.fail("advies wijzig adv-1")?.summary == "zeg wat er verandert")
        // The name instead of the id points at the id (not at a new id made of the name).
        #expect(db.fail("adviesraad wijzig \"ASD \" reactietermijn=8")?.hint == "dat is de naam van `asd`; schrijf de id: adviesraad wijzig asd …")
        #expect(db.fail("advies wijzig \"jeugdhulp\" thema=\"x\"")?.hint == "dat is het onderwerp van `adv-1`; schrijf de id: advies wijzig adv-1 …")
        #expect(db.fail("indicator wijzig \"Wachttijd\" eenheid=\"x\"")?.hint == "dat is de naam van `wachttijd`; schrijf de id: indicator wijzig wachttijd …")
        #expect(db.fail("advies wijzig adv-1 voorstel=rv-9")?.hint == "bedoelde je `rv-1`?")
        #expect(try db.snapshot() == before)
        // A quoted action word is still a name, and a block still goes to the declaration.
        #expect(db.fail("voorstel lijst { tekst \"x\" }")?.summary == "`lijst` kan geen id zijn: het is een actie van `voorstel`")
    }
}

/// `ongedaan N`: one change undone, the later ones kept.
@Suite struct SelectiveUndoTests {
    @Test func oneChangeIsUndoneAndTheLaterOnesStay() throws {
        let db = try DatabaseSession()
        db.run("werkblad \"Visie\" { stap waarden { zelf { waarde \"Zelfbeschikking\"; waarde \"Nabijheid\" } } }")  // #1
        db.run("werkblad wijzig \"Visie\" waarden.zelf.1 \"Zelfbeschikking voor iedereen\"")                      // #2
        db.run("adviesraad asd naam=\"ASD\" reactietermijn=6")                                                     // #3
        db.run("werkblad wijzig \"Visie\" waarden.zelf.2 \"Nabijheid, dichtbij\"")                                // #4
        let reply = db.run("ongedaan 2")
        #expect(reply.hasPrefix("Wijziging #2 ongedaan gemaakt (werkblad wijzig \"Visie\" waarden.zelf.1"))
        let toon = db.run("werkblad toon \"Visie\"")
        #expect(toon.contains("1. Zelfbeschikking\n") && toon.contains("2. Nabijheid, dichtbij"))
        #expect(db.run("adviesraad lijst").contains("asd"))
        #expect(db.fail("ongedaan 2")?.summary == "wijziging #2 is al ongedaan gemaakt (door #5)")
        #expect(db.fail("ongedaan 5")?.summary == "wijziging #5 is zelf een ongedaan")
        #expect(db.fail("ongedaan 99")?.summary == "er is geen wijziging #99")
        // A row that a later change changed again: that change is named, nothing changes.
        db.run("werkblad wijzig \"Visie\" waarden.zelf.2 \"Nabijheid, heel dichtbij\"")                           // #6
        let before = try db.snapshot()
        let later = db.fail("ongedaan 4")
        #expect(later?.summary == "wijziging #4 kan niet alleen worden teruggedraaid: antwoord 2 is daarna nog veranderd door wijziging #6")
        #expect(later?.hint == "er is niets veranderd; maak eerst #6 ongedaan (`ongedaan 6`), of zet alles vanaf #4 terug met `herstel 4`")
        #expect(try db.snapshot() == before)
        // And `ongedaan` without a number still takes the newest.
        #expect(db.run("ongedaan").hasPrefix("Wijziging #6 ongedaan gemaakt"))
    }
}

/// Removing an advies or an adviesraad takes an explicit verb; an action word is no id.
@Suite struct RemovalVerbTests {
    @Test func adviesAndAdviesraadAreRemovedExplicitly() throws {
        let db = try DatabaseSession()
        db.run(HistoryTests.setup)
        let full = try db.snapshot()
        #expect(db.fail("advies verwijder")?.summary == "`advies` mist een id")
        #expect(db.fail("advies verwijder raad=asd soort=gevraagd onderwerp=\"x\"")?.summary == "`advies` mist een id")
        #expect(db.fail("advies \"verwijder\" raad=asd soort=gevraagd onderwerp=\"x\"")?.summary == "`verwijder` kan geen id zijn: het is een actie van `advies`")
        #expect(db.fail("advies verwijder adv-1")?.hint == "schrijf in een script `advies verwijder adv-1 zeker=ja`")
        let raad = db.fail("adviesraad verwijder asd zeker=ja")
        #expect(raad?.summary == "adviesraad asd heeft nog 1 advies (adv-1)")
        #expect(try db.snapshot() == full)
        #expect(db.run("advies verwijder adv-1 zeker=ja") == "Advies adv-1 verwijderd, met 2 aanbevelingen en 1 koppeling aan een indicator. `ongedaan` zet het terug.\n")
        #expect(db.run("adviesraad verwijder asd zeker=ja") == "Adviesraad asd verwijderd. `ongedaan` zet hem terug.\n")
        #expect(!(try db.snapshot()).contains("adv-1"))
        db.run("ongedaan")
        db.run("ongedaan")
        #expect(try db.snapshot() == full)
    }
}
