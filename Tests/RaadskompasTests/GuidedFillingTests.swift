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
        #expect(first.transcript.contains("Gestopt. Alles is bewaard"))
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
                                  "120", "70%",              // a wrong percentage, then a right one
                                  "1850", "2030",            // a wrong year, then a right one
                                  "?eenzaam", "eenzaamheid-75plu", "eenzaamheid-75plus",
                                  "", "", "", "", ""]
        let conversation = ScriptedConversation(answers)
        let s = session(folder, conversation)
        _ = s.run("werkblad nieuw \"Doelen\"") { _ in }
        _ = s.run("werkblad invullen \"Doelen\"") { _ in }
        #expect(conversation.transcript.contains("Dat is geen percentage tussen 0 en 100."))
        #expect(conversation.transcript.contains("Typ een jaartal tussen 2000 en 2100"))
        #expect(conversation.transcript.contains("eenzaamheid-75plus"), "zoeken met ? toont indicatoren")
        #expect(conversation.transcript.contains("Bedoelde je `eenzaamheid-75plus`?"))
        #expect(conversation.transcript.contains("Klaar: alle vier de stappen zijn doorlopen."))
        var exported = ""
        let path = folder.path("d.kompas")
        _ = s.run("exporteer werkblad \"Doelen\" naar \"\(path)\"") { exported += $0 }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("resultaat \"Minder eenzame ouderen\" percentage=70% jaar=2030 indicator=eenzaamheid-75plus"))
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
        #expect(applied == ["v1 werkbladen", "v2 voortgang"])
    }
}
