import Foundation
import Testing
import KompasDSL
@testable import Raadskompas

/// A conversation that answers from a script and, at a chosen prompt, lets "another shell" act
/// on the same database first.
final class InterruptedConversation: Conversation {
    var answers: [String?]
    var transcript = ""
    let interruptAt: String
    var skip: Int
    var interruption: (() -> Void)?

    /// Interrupts before the answer to the `skip + 1`th prompt that starts with `prompt`.
    init(_ answers: [String?], interruptAt prompt: String, skip: Int = 0, _ interruption: @escaping () -> Void) {
        self.answers = answers
        self.interruptAt = prompt
        self.skip = skip
        self.interruption = interruption
    }

    func say(_ text: String) { transcript += text }

    func ask(_ prompt: String) -> String? {
        if prompt.hasPrefix(interruptAt), interruption != nil, skip > 0 {
            skip -= 1
        } else if prompt.hasPrefix(interruptAt), let interruption {
            self.interruption = nil
            interruption()
        }
        guard !answers.isEmpty else { return nil }
        return answers.removeFirst()
    }
}

/// Two shells on one database, as a griffie with more than one person works: what one does while
/// the other is in a guided flow is never overwritten, and never reported as a broken database.
@Suite struct TwoShellTests {
    func shell(_ path: String) -> Session {
        Session(library: bundledLibrary, database: (path, false))
    }

    @Test func aToelichtingDoesNotWriteBackAScoreTheOtherShellChanged() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("twee.sqlite")
        let mine = shell(path), other = shell(path)
        #expect(run(mine, "voorstel rv-1 { titel \"Jeugdhulp\"; tekst \"x\" }").diagnostics.isEmpty)
        // I give A a 1 and, before my toelichting, the other shell makes it a 2.
        let conversation = InterruptedConversation(["1", "Effecten voor cliënten ontbreken.", nil], interruptAt: "toelichting") {
            #expect(run(other, "beoordeling rv-1 door=\"griffie\" { criterium A score=2 }").diagnostics.isEmpty)
        }
        mine.conversation = conversation
        #expect(run(mine, "beoordeel rv-1 door=\"Griffie\"").diagnostics.isEmpty)
        #expect(conversation.transcript.contains("Let op: de score van A is intussen ergens anders veranderd in ‘2 voldoende’"))
        let side = run(mine, "beoordelingen rv-1").output
        #expect(side.contains("A 2 voldoende"))
        #expect(side.contains("Effecten voor cliënten ontbreken."))
    }

    @Test func aWerkbladDeletedInTheOtherShellIsNamedNotABrokenDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("twee.sqlite")
        let mine = shell(path), other = shell(path)
        #expect(run(mine, "werkblad nieuw \"Concept\" eigenaar=\"Fractie B\"").diagnostics.isEmpty)
        var asked = 0
        let conversation = InterruptedConversation(["Toegankelijkheid", "Gelijkwaardigheid", nil], interruptAt: "", skip: 1) {
            asked += 1
            #expect(run(other, "werkblad verwijder \"Concept\" zeker=ja").diagnostics.isEmpty)
        }
        mine.conversation = conversation
        let result = run(mine, "werkblad invullen \"Concept\"")
        #expect(asked == 1)
        let message = (result.diagnostics.map { $0.summary + " " + ($0.hint ?? "") }.joined() + conversation.transcript)
        #expect(message.contains("bestaat niet meer"))
        // The answer that could not be stored is shown again, so it need not be typed anew.
        #expect(conversation.transcript.contains("Niet bewaard; je antwoord was:\n  Gelijkwaardigheid"))
        #expect(!message.contains("andere database"))
        #expect(!message.contains("SQLite"))
        // `ongedaan` in the other shell brings the werkblad and its first answer back.
        #expect(run(other, "ongedaan").diagnostics.isEmpty)
        #expect(run(other, "werkblad toon \"Concept\"").output.contains("Toegankelijkheid"))
    }

    @Test func anEditOfARecordDeletedMeanwhileIsNamedInDutch() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("twee.sqlite")
        let store = try Store(path: path)
        let werkbladen = WerkbladStore(store: store)
        let werkblad = try werkbladen.create(Werkblad(naam: "Visie", eigenaar: "", soort: .raadslid, gemeente: ""))
        var item = try werkbladen.addItem(to: werkblad, stap: .waarden, kant: .zelf, text: "Regie")
        try werkbladen.remove(item)
        item.tekst = "Regie bij inwoners"
        #expect(throws: WerkbladStore.Failure.store(.gone(path))) { try werkbladen.updateItem(item) }
    }

    @Test func aBackupWhereNothingMayBeWrittenSaysSoInDutch() throws {
        let folder = try TemporaryFolder()
        let s = shell(folder.path("b.sqlite"))
        _ = run(s, "werkblad nieuw \"Visie\"")
        let result = run(s, "reservekopie naar \"/proc/raadskompas-kopie.sqlite\"")
        let text = result.diagnostics.map { $0.summary + " " + ($0.hint ?? "") }.joined()
        #expect(!result.diagnostics.isEmpty)
        #expect(!text.contains("SQLite") && !text.contains("unable"))
        #expect(text.contains("mag Raadskompas geen bestand schrijven"))
    }
}

/// A name pasted from Word ("’s-Hertogenbosch") and the same name typed ("'s-Hertogenbosch") are
/// one werkblad and one beoordelaar.
@Suite struct ApostropheNameTests {
    @Test func typedAndCurlyApostrophesAreOneName() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("a.sqlite"), false))
        #expect(run(s, "werkblad nieuw \"Visie ’s-Hertogenbosch\"").diagnostics.isEmpty)
        #expect(run(s, "werkblad toon \"visie 's-hertogenbosch\"").diagnostics.isEmpty)
        let again = run(s, "werkblad nieuw \"Visie 's-Hertogenbosch\"")
        #expect(!again.diagnostics.isEmpty, "geen tweede werkblad met dezelfde naam")
        #expect(run(s, "voorstel rv-1 { titel \"T\"; tekst \"x\" }").diagnostics.isEmpty)
        _ = run(s, "beoordeling rv-1 door=\"Griffie ’s-Hertogenbosch\" { criterium A score=2 }")
        _ = run(s, "beoordeling rv-1 door=\"griffie 's-hertogenbosch\" { criterium B score=1 }")
        let list = run(s, "beoordelaar lijst").output
        #expect(list.contains("Griffie ’s-Hertogenbosch") && list.contains("2 scores"), "\(list)")
        #expect(!list.contains("Griffie 's-Hertogenbosch"))
    }
}

@Suite struct RemovedReferenceTests {
    /// An advies whose voorstel was removed says so, instead of naming it as if it were there.
    @Test func anAdviesNamesItsRemovedVoorstel() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("r.sqlite"), false))
        #expect(run(s, """
            voorstel rv-1 { titel "J"; tekst "x" }
            adviesraad asd naam="Adviesraad" gemeente="Almere" reactietermijn=6
            advies adv-1 raad=asd soort=gevraagd onderwerp="Jeugdhulp" voorstel=rv-1
            """).diagnostics.isEmpty)
        #expect(!run(s, "advies toon adv-1").output.contains("bestaat niet meer"))
        _ = run(s, "voorstel verwijder rv-1 zeker=ja")
        #expect(run(s, "advies toon adv-1").output.contains("⚑ voorstel rv-1 bestaat niet meer (verwijderd)"))
        _ = run(s, "ongedaan")
        #expect(!run(s, "advies toon adv-1").output.contains("bestaat niet meer"))
    }
}
