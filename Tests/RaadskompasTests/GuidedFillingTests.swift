import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// A conversation that answers from a script and records what was said.
final class ScriptedConversation: Conversation {
    var answers: [String?]
    var transcript = ""
    var prompts: [String] = []

    init(_ answers: [String?]) { self.answers = answers }

    func say(_ text: String) { transcript += text }

    func ask(_ prompt: String) -> String? {
        prompts.append(prompt)
        guard !answers.isEmpty else { return nil }
        return answers.removeFirst()
    }
}

@Suite struct GuidedFillingTests {
    func session(_ folder: TemporaryFolder, _ conversation: ScriptedConversation) -> Session {
        let session = Session(library: bundledLibrary, database: (folder.path("g.sqlite"), false))
        session.conversation = conversation
        return session
    }

    @Test func walksTheStepsStoresEachAnswerAndResumes() throws {
        let folder = try TemporaryFolder()
        let first = ScriptedConversation([
            "Zelfbeschikking", "  Solidariteit  ", "?", "",   // waarden, zelf (with tips)
            "Menselijke maat", "",                             // waarden, samen
            "Dichtbij organiseren", "stop",                    // principes, zelf, then stop
        ])
        let s = session(folder, first)
        _ = s.run("werkblad nieuw \"Visie\"") { _ in }
        var output = ""
        let result = s.run("werkblad invullen \"Visie\"") { output += $0 }
        #expect(result.succeeded, "\(DiagnosticRenderer().render(result.diagnostics))")
        #expect(first.transcript.contains("Stap 1 van 4: Maatschappelijke waarden — zelf"))
        #expect(first.transcript.contains("✎ Noteer: Welke drie maatschappelijke waarden"))
        #expect(first.transcript.contains("Ede"), "? toont de tips en voorbeelden")
        #expect(first.transcript.contains("Gestopt. Elk antwoord waarop je Enter gaf, is bewaard"))
        #expect(first.prompts.first == "waarde> ")

        // Everything typed before `stop` is stored, trimmed, in order.
        var shown = ""
        _ = s.run("werkblad toon \"Visie\"") { shown += $0 }
        #expect(shown.contains("1. Zelfbeschikking") && shown.contains("2. Solidariteit"))
        #expect(shown.contains("1. Menselijke maat") && shown.contains("1. Dichtbij organiseren"))

        // Coming back resumes at principes/zelf, showing what is there.
        let second = ScriptedConversation(["Regie bij inwoners", nil])
        s.conversation = second
        _ = s.run("werkblad invullen \"Visie\"") { _ in }
        #expect(second.transcript.contains("Je gaat verder waar je gebleven was."))
        #expect(second.transcript.contains("Stap 2 van 4: Leidende principes — zelf"))
        #expect(second.transcript.contains("Al ingevuld:\n  1. Dichtbij organiseren"))
        #expect(second.transcript.contains("Gestopt."), "Ctrl-C/Ctrl-D stopt netjes")
        _ = s.run("werkblad toon \"Visie\"") { shown = $0 }
        #expect(shown.contains("2. Regie bij inwoners"))
    }

    @Test func resultsTakeAMeasurableTargetWithCheckedInput() throws {
        let folder = try TemporaryFolder()
        let answers: [String?] = ["", "", "", "",          // waarden and principes: nothing
                                  "Minder eenzame ouderen",
                                  "120%", "70%",             // a wrong percentage, then a right one
                                  "",                        // richting: Enter takes "omlaag" from "Minder …"
                                  "1850", "2030",            // a wrong year, then a right one
                                  "?eenzaam", "eenzaamheid-75plu", "eenzaamheid-75plus",
                                  "", "", "", "", ""]
        let conversation = ScriptedConversation(answers)
        let s = session(folder, conversation)
        _ = s.run("werkblad nieuw \"Doelen\"") { _ in }
        _ = s.run("werkblad invullen \"Doelen\"") { _ in }
        #expect(conversation.transcript.contains("Dat is geen streefwaarde."))
        #expect(conversation.transcript.contains("richting (omhoog/omlaag, Enter = omlaag)> ") || conversation.prompts.contains("  richting (omhoog/omlaag, Enter = omlaag)> "))
        #expect(conversation.transcript.contains("Typ een jaartal tussen 2000 en 2100"))
        #expect(conversation.transcript.contains("eenzaamheid-75plus"), "zoeken met ? toont indicatoren")
        #expect(conversation.transcript.contains("Bedoelde je `eenzaamheid-75plus`?"))
        #expect(conversation.transcript.contains("Klaar: alle vier de stappen zijn doorlopen."))
        var exported = ""
        let path = folder.path("d.kompas")
        _ = s.run("exporteer werkblad \"Doelen\" naar \"\(path)\"") { exported += $0 }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("resultaat \"Minder eenzame ouderen\" doel=70% richting=omlaag jaar=2030 indicator=eenzaamheid-75plus"), "\(text)")
    }

    /// An own indicator counts in the guided flow as in `koppel resultaat`; removing it later leaves
    /// the raadslid's streefwaarde standing and says what went.
    @Test func ownIndicatorsCountInTheFlowAndTheirRemovalKeepsTheTarget() throws {
        let folder = try TemporaryFolder()
        let answers: [String?] = ["", "", "", "", "In 2030 kent de helft de cliëntondersteuning", "50%", "omhoog", "2030",
                                  "?bekendheid", "bekendheid-clientondersteuning", "", "", "", "", ""]
        let conversation = ScriptedConversation(answers)
        let s = session(folder, conversation)
        #expect(run(s, "indicator nieuw bekendheid-clientondersteuning naam=\"Bekendheid cliëntondersteuning\" eenheid=\"%\"").diagnostics.isEmpty)
        _ = run(s, "werkblad nieuw \"Doelen\"")
        _ = run(s, "werkblad invullen \"Doelen\"")
        #expect(conversation.transcript.contains("bekendheid-clientondersteuning"), "zoeken vindt de eigen indicator")
        #expect(!conversation.transcript.contains("Geen indicator"))
        #expect(run(s, "werkblad toon \"Doelen\"").output.contains("bekendheid-clientondersteuning"))
        let removed = run(s, "indicator verwijder bekendheid-clientondersteuning zeker=ja").output
        #expect(removed.contains("1 resultaat in een werkblad meet niet meer met deze indicator; de streefwaarde blijft staan"), "\(removed)")
        let shown = run(s, "werkblad toon \"Doelen\"").output
        #expect(shown.contains("50%"), "\(shown)")
        #expect(!shown.contains("bekendheid-clientondersteuning"))
    }

    @Test func scriptsCannotAskQuestions() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("g.sqlite"), false))
        _ = s.run("werkblad nieuw \"X\"") { _ in }
        let d = s.run("werkblad invullen \"X\"") { _ in }.diagnostics.first
        #expect(d?.summary == "`werkblad invullen` werkt in de shell, waar Raadskompas vragen kan stellen")
    }
}

@Suite struct MigrationTests {
    @Test func upgradesADatabaseOfTheFirstSchema() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v1.sqlite")
        // Build a database as the first release left it, with data in it.
        let queue = try DatabaseQueue(path: path)
        try Store.migrator.migrate(queue, upTo: "v1 werkbladen")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO werkblad (naam, eigenaar, soort, gemeente, aangemaakt, gewijzigd) VALUES ('Oud', 'Sanne', 'raadslid', 'Almere', '2026-01-01', '2026-01-01')")
        }
        try queue.close()
        let store = try Store(path: path)
        let werkbladen = try WerkbladStore(store: store).all()
        #expect(werkbladen.map(\.naam) == ["Oud"])
        #expect(werkbladen.first?.positie == "")
        let applied = try store.read { db in try Store.migrator.appliedMigrations(db) }
        #expect(applied == Store.migrator.migrations)
        #expect(applied.first == "v1 werkbladen" && applied.count >= 3)
    }

    @Test func measurementsOfTheFifthSchemaKeepTheirSource() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v5.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Store.migrator.migrate(queue, upTo: "v5 metingen")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO meting (indicator, gebied, periode, waarde, voorlopig, bron) VALUES
                  ('werkloze-jongeren', 'GM0363', '2022', 2.5, 0, 'a.csv'),
                  ('werkloze-jongeren', 'GM0363', '2023', NULL, 1, 'a.csv'),
                  ('werkloze-jongeren', 'GM0344', '2023', 3, 0, 'b.csv')
                """)
        }
        try queue.close()
        let store = try Store(path: path)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT m.gebied, m.periode, m.waarde, m.voorlopig, i.pad FROM meting m JOIN metingimport i ON i.id = m.import ORDER BY m.gebied, m.periode")
        }
        #expect(rows.map { "\($0["gebied"] as String) \($0["periode"] as String) \(($0["waarde"] as Double?).map { String($0) } ?? "-") \($0["voorlopig"] as Bool) \($0["pad"] as String)" }
                == ["GM0344 2023 3.0 false b.csv", "GM0363 2022 2.5 false a.csv", "GM0363 2023 - true a.csv"])
        let withoutRowid = try store.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'meting'") }
        #expect(withoutRowid?.contains("WITHOUT ROWID") == true)
    }
}

@Suite struct KoppeltabelAndSamenTests {
    func session(_ folder: TemporaryFolder) -> Session {
        Session(library: bundledLibrary, database: (folder.path("k.sqlite"), false))
    }

    static let werkblad = """
        werkblad "Visie" {
          stap waarden { zelf { waarde "Zelfbeschikking"; waarde "Solidariteit" } }
          stap principes { zelf { principe "Eigen regie voorop" } }
          stap resultaten { zelf { resultaat "Meer steun voor 75-plussers"; resultaat "Minder schulden" } }
        }
        """

    @Test func guidedLinkingStoresCompleteRowsAndWarns() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        #expect(run(s, KoppeltabelAndSamenTests.werkblad).diagnostics.isEmpty)
        let conversation = ScriptedConversation(["?", "1", "1", "Wie regie heeft, doet langer mee", "9", "1", ""])
        s.conversation = conversation
        #expect(run(s, "werkblad koppel \"Visie\"").diagnostics.isEmpty)
        #expect(conversation.transcript.contains("Voorbeeld: "), "? toont de voorbeelden van de koppeltabel")
        #expect(conversation.transcript.contains("Kies een nummer van 1 tot en met 2"))
        #expect(conversation.transcript.contains("✓ koppeling bewaard: Zelfbeschikking → Eigen regie voorop → Meer steun voor 75-plussers"))
        #expect(conversation.transcript.contains("⚠ De waarde ‘Solidariteit’ leidt nog nergens heen"))
        #expect(conversation.transcript.contains("⚠ Het resultaat ‘Minder schulden’ wordt door geen leidend principe gedragen."))
        let shown = run(s, "werkblad toon \"Visie\"").output
        #expect(shown.contains("Zelfbeschikking → Eigen regie voorop → Meer steun voor 75-plussers"))
        #expect(!shown.contains("‘Zelfbeschikking’ leidt nog nergens heen"))
    }

    @Test func warningsCompareWithoutCaseOrAccents() {
        let werkblad = Werkblad(naam: "x")
        let content = WerkbladInhoud(werkblad: werkblad, items: [
            WerkbladItem(werkbladId: 0, stap: .waarden, kant: .zelf, volgorde: 1, tekst: "Coöperatie"),
            WerkbladItem(werkbladId: 0, stap: .resultaten, kant: .samen, volgorde: 1, tekst: "Meer banen"),
        ], koppelingen: [Koppeling(werkbladId: 0, volgorde: 1, waarde: " cooperatie", principe: "p", onderbouwing: "", resultaat: "MEER BANEN")])
        #expect(WerkbladAnalysis.warnings(content).isEmpty)
    }

    @Test func compareAndMergeSharedAnswers() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, """
            werkblad "Anna" { stap waarden { zelf { waarde "Zelfbeschikking"; waarde "Solidariteit" } } }
            werkblad "Bram" { stap waarden { zelf { waarde "zelfbeschikking " } } }
            werkblad "Cem" { stap waarden { samen { waarde "Solidariteit"; waarde "Zelfbeschikking"; waarde "Vertrouwen" } } }
            """)
        let compared = run(s, "werkblad vergelijk \"Anna\" \"Bram\" \"Cem\"")
        #expect(compared.diagnostics.isEmpty)
        #expect(compared.output.contains("3/3  Zelfbeschikking (Anna, Bram, Cem)"))
        #expect(compared.output.contains("2/3  Solidariteit (Anna, Cem)"))
        #expect(compared.output.contains("1/3  Vertrouwen (Cem)"))
        #expect(run(s, "werkblad vergelijk \"Anna\"").diagnostics.first?.summary == "vergelijken gaat met minstens twee werkbladen")
        let merged = run(s, "werkblad samenvoegen \"Raad\" uit=[\"Anna\", \"Bram\", \"Cem\"]")
        #expect(merged.output == "Werkblad ‘Raad’ gemaakt met 2 gedeelde antwoorden (in minstens 2 werkbladen).\n")
        let raad = run(s, "werkblad toon \"Raad\"").output
        #expect(raad.contains("raad (samen)") && raad.contains("1. Zelfbeschikking") && raad.contains("2. Solidariteit"))
        #expect(!raad.contains("Vertrouwen"))
        #expect(run(s, "werkblad samenvoegen \"Raad\" uit=[\"Anna\"]").diagnostics.first?.summary == "er is al een werkblad ‘Raad’")
        #expect(run(s, "werkblad samenvoegen \"R2\" uit=[\"Anan\"]").diagnostics.first?.hint == "bedoelde je ‘Anna’?")
    }

    @Test func editMoveAndRemoveAnswers() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, "werkblad \"W\" { stap waarden { zelf { waarde \"A\"; waarde \"B\"; waarde \"C\" } } }")
        #expect(run(s, "werkblad verplaats \"W\" waarden.zelf.3 naar 1").diagnostics.isEmpty)
        #expect(run(s, "werkblad schrap \"W\" waarden.zelf.2").diagnostics.isEmpty)
        #expect(run(s, "werkblad wijzig \"W\" waarden.zelf.2 \"B, herschreven\"").output == "Antwoord waarden.zelf.2 gewijzigd: ‘B’ → ‘B, herschreven’.\n")
        #expect(run(s, "werkblad wijzig \"W\" waarden.zelf.2 \"B, herschreven\"").output == "Antwoord waarden.zelf.2 had deze tekst al; niets veranderd.\n")
        let path = folder.path("w.kompas")
        _ = run(s, "exporteer werkblad \"W\" naar \"\(path)\"")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("waarde \"C\"\n      waarde \"B, herschreven\"\n"))
        #expect(!text.contains("waarde \"A\""))
        let bad = run(s, "werkblad schrap \"W\" waarden.zelf.7").diagnostics.first
        #expect(bad?.summary == "waarden.zelf heeft geen antwoord 7")
        let address = run(s, "werkblad schrap \"W\" waarden.2").diagnostics.first
        #expect(address?.summary == "`waarden.2` is geen adres van een antwoord")
        #expect(run(s, "werkblad wijzig \"W\" waarden.zelf.1 \"  \"").diagnostics.first?.summary == "`tekst` is leeg")
    }

    /// A werkblad's eigenaar, gemeente and soort change with `werkblad wijzig` too (a declaration
    /// with another eigenaar is refused: that could be someone else's werkblad); the reply names
    /// each change, and `ongedaan` puts them back.
    @Test func theWerkbladItselfIsEdited() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, "werkblad nieuw \"Visie Anaïs\" eigenaar=\"Anaïs\"")
        let reply = run(s, "werkblad wijzig \"visie anaïs\" eigenaar=\"Bram é\" soort=fractie gemeente=\"Breda\"")
        #expect(reply.diagnostics.isEmpty)
        #expect(reply.output == "Werkblad ‘Visie Anaïs’: eigenaar: ‘Anaïs’ → ‘Bram é’; gemeente: leeg → ‘Breda’; soort: ‘raadslid’ → ‘fractie’.\n")
        #expect(run(s, "werkblad lijst").output.contains("Visie Anaïs (fractie, Bram é, Breda)"))
        #expect(run(s, "werkblad wijzig \"Visie Anaïs\" eigenaar=\"Bram é\"").output == "Werkblad ‘Visie Anaïs’: eigenaar was al ‘Bram é’.\n")
        _ = run(s, "ongedaan")
        #expect(run(s, "werkblad lijst").output.contains("Visie Anaïs (raadslid, Anaïs)"))
        #expect(run(s, "werkblad wijzig \"Visie Anaïs\"").diagnostics.first?.summary == "zeg wat er verandert")
        #expect(run(s, "werkblad wijzig \"Visie Anaïs\" waarden.zelf.1").diagnostics.first?.summary == "de nieuwe tekst ontbreekt")
        #expect(run(s, "werkblad wijzig \"Visie Anaïs\" waarden.zelf.1 \"x\" gemeente=\"Breda\"").diagnostics.first?.summary
                == "wijzig een antwoord of het werkblad, niet allebei tegelijk")
        #expect(run(s, "werkblad wijzig \"Visie Anna\" eigenaar=\"X\"").diagnostics.first?.hint?.contains("Visie Anaïs") == true)
    }
}
