import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// The reproductions of issue 11 ("Nothing a user enters is ever lost …"), as tests.
@Suite struct ReproductionTests {
    /// 1. A forgotten remark on one criterion keeps the other scores; one score can be changed.
    @Test func oneCriterionChangesAndTheRestStays() throws {
        let db = try DatabaseSession()
        db.run("""
            voorstel rv-1 { titel "Wmo"; tekst "Het college stelt voor de Wmo te wijzigen." }
            beoordeling rv-1 door="Griffie" { criterium A score=2; criterium B score=2; criterium C score=1; criterium D score=1; criterium E score=3; criterium F score=2 }
            """)
        let reply = db.run("beoordeling rv-1 door=\"Griffie\" { criterium D score=0 \"Geen alternatieven.\" }")
        #expect(reply == "Beoordeling van rv-1 door Griffie: criterium D bijgewerkt; A, B, C, E, F ongewijzigd.\n")
        let side = db.run("beoordelingen rv-1")
        #expect(side.contains("Geen alternatieven.") && side.contains("  A 2"), "\(side)")
        // Removing takes an explicit word, and the reply says what went.
        #expect(db.run("beoordeling rv-1 door=\"griffie\" vervang=ja { criterium A score=3 }")
                == "Beoordeling van rv-1 door Griffie: criterium A bijgewerkt; B, C, D, E, F weggehaald (vervang=ja).\n")
    }

    /// 2. Re-declaring an advies to fix one field keeps its aanbevelingen, reacties, links and dates.
    @Test func reDeclaringAnAdviesKeepsWhatItDoesNotName() throws {
        let db = try DatabaseSession()
        db.run("""
            adviesraad asd naam="ASD" reactietermijn=6
            voorstel rv-1 { titel "Jeugdhulp"; tekst "Het college stelt voor de jeugdhulp te regelen." }
            advies adv-1 raad=asd soort=gevraagd onderwerp="Jeugdhulp" uitgebracht=2026-02-01 { aanbeveling 1 "Meer"; aanbeveling 2 "Minder" }
            reactie adv-1 datum=2026-03-03 { aanbeveling 1 overgenomen "ok"; aanbeveling 2 niet "nee" }
            koppel aanbeveling adv-1 1 indicator=werkloze-jongeren richting=omlaag
            """)
        let reply = db.run("advies adv-1 raad=asd soort=gevraagd onderwerp=\"Jeugdhulp\" voorstel=rv-1")
        #expect(reply == "Advies adv-1 bijgewerkt: voorstel gewijzigd; aanbevelingen 1, 2 ongewijzigd.\n")
        let shown = db.run("advies toon adv-1")
        #expect(shown.contains("→ overgenomen: ok") && shown.contains("→ niet overgenomen: nee"), "\(shown)")
        #expect(shown.contains("uitgebracht: 1 februari 2026") && shown.contains("bij voorstel rv-1"))
        #expect(shown.contains("◆"), "the link to the indicator stays")
        // One aanbeveling more, one removed explicitly.
        #expect(db.run("advies adv-1 { aanbeveling 3 \"Nog een\" }") == "Advies adv-1 bijgewerkt: aanbeveling 3 nieuw; aanbevelingen 1, 2 ongewijzigd.\n")
        #expect(db.run("aanbeveling verwijder adv-1 2 zeker=ja").hasPrefix("Aanbeveling 2 van adv-1 weggehaald."))
    }

    /// 4. `apk` says which scored voorstellen it leaves out, and why.
    @Test func apkNamesWhatItLeavesOut() throws {
        let db = try DatabaseSession()
        db.run("""
            voorstel rv-1 { titel "Een"; datum 2026-02-01; tekst "Tekst een." }
            voorstel rv-2 { titel "Twee"; tekst "Tekst twee." }
            voorstel rv-3 { titel "Drie"; tekst "Tekst drie." }
            beoordeling rv-1 door="Griffie" { criterium A score=2 }
            beoordeling rv-2 door="Griffie" { criterium A score=1 }
            beoordeling rv-3 door="Griffie" { criterium A score=3 }
            """)
        let report = db.run("apk 2026-01-01 2026-12-31")
        #expect(report.contains("1 beoordeelde voorstel"))
        #expect(report.contains("2 beoordeelde voorstellen niet meegeteld: geen datum (rv-2, rv-3)"), "\(report)")
        let csv = db.folder.path("apk.csv")
        db.run("apk 2026-01-01 2026-12-31 naar \"\(csv)\"")
        #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("rv-2;Twee;;;;niet meegeteld: geen datum;"))
        #expect(db.run("voorstel wijzig rv-2 datum=2026-03-01") == "Voorstel rv-2 bijgewerkt: datum.\n")
        #expect(db.run("apk 2026-01-01 2026-12-31").contains("2 beoordeelde voorstellen"))
    }

    /// 5. Beoordelaars match without regard to case, and can be renamed and removed.
    @Test func beoordelaarsIgnoreCase() throws {
        let db = try DatabaseSession()
        db.run("""
            voorstel rv-1 { titel "Een"; tekst "Tekst een." }
            beoordeling rv-1 door="griffie" { criterium A score=2 }
            beoordeling rv-1 door="Griffie" { criterium B score=1 }
            """)
        #expect(db.run("beoordelaar lijst") == "  griffie  (2 scores)\n")
        #expect(db.run("beoordelaar hernoem \"GRIFFIE\" \"Griffie Dommelrade\"") == "2 scores van ‘griffie’ staan nu op naam van ‘Griffie Dommelrade’.\n")
        #expect(db.fail("beoordelaar verwijder \"griffie\" zeker=ja")?.summary == "geen beoordelaar ‘griffie’")
        #expect(db.run("beoordelaar verwijder \"griffie dommelrade\" zeker=ja").hasPrefix("2 scores van ‘Griffie Dommelrade’ weggehaald."))
        db.run("ongedaan")
        #expect(db.run("beoordelaar lijst") == "  Griffie Dommelrade  (2 scores)\n")
    }

    /// 8. `check` finds the unknown variable that running would stop on.
    @Test func checkFindsUnknownVariables() {
        let program = Parser.parse(SourceFile(name: "s.kompas", text: "laat x = 1\ntoon $onbekend\nschrijf \"$x\"\nwerkblad toon \"a\" kleur=$x\n")).program
        #expect(ScriptCheck.check(program).map(\.summary) == ["onbekende variabele `$onbekend`", "onbekend veld `kleur` bij `werkblad`"])
    }

    /// `check` finds a criterium that does not exist, as running does (found by a newcomer).
    @Test func checkFindsAnUnknownCriterium() {
        let program = Parser.parse(SourceFile(name: "s.kompas", text: "beoordeling rv-1 door=\"Griffie\" {\n  criterium F score=0 \"Geen.\"\n  criterium G score=2 \"bestaat niet\"\n}\n")).program
        let found = ScriptCheck.check(program)
        #expect(found.map(\.summary) == ["er is geen criterium G"])
        #expect(found.first?.hint == "de criteria zijn A, B, C, D, E, F")
    }

    /// Found by a newcomer: `herstel #12` (as `geschiedenis` shows the number) and a score typed as
    /// its word.
    @Test func herstelWithHashAndScoresAsWords() throws {
        let db = try DatabaseSession()
        let hint = db.session.run("herstel #12") { _ in }.diagnostics.first?.hint
        #expect(hint == "schrijf het nummer zonder #, bijvoorbeeld `herstel 12`: met # begint een opmerking")
        #expect(GuidedReview.score("voldoende")! == (2, false))
        #expect(GuidedReview.score("2 voldoende")! == (2, false))
        #expect(GuidedReview.score("Goed")! == (3, false))
        #expect(GuidedReview.score("n.v.t.")! == (nil, true))
        #expect(GuidedReview.score("prima") == nil)
    }

    /// An id typed with capitals and accents gets the id it could be.
    @Test func anInvalidIdGetsASuggestion() throws {
        let db = try DatabaseSession()
        let hint = db.fail("indicator nieuw Bekendheid-Cliëntondersteuning naam=\"B\" eenheid=\"%\"")?.hint
        #expect(hint?.hasSuffix("bijvoorbeeld `bekendheid-clientondersteuning`") == true, "\(hint ?? "")")
        #expect(Validation.identifier(from: "12 ±") == nil)
        #expect(Validation.identifier(from: "Wmo 2026!") == "wmo-2026")
    }

    /// 10. A score confirmed with Enter is stored before its toelichting is asked.
    @Test func aScoreCountsBeforeItsToelichting() throws {
        let db = try DatabaseSession()
        db.run("voorstel rv-1 { titel \"Een\"; tekst \"Tekst een.\" }")
        let conversation = ScriptedConversation(["2", nil])
        db.session.conversation = conversation
        db.run("beoordeel rv-1")
        let side = db.run("beoordelingen rv-1")
        #expect(side.contains("  A 2 voldoende"), "\(side)")
        // Changing one score later: Enter keeps the score, a toelichting is added.
        let again = ScriptedConversation(["", "Helder beleid"])
        db.session.conversation = again
        db.run("beoordeel rv-1 criterium=A door=\"GRIFFIE\"")
        #expect(db.run("beoordelingen rv-1").contains("Helder beleid"))
    }

    /// 9. Sharing a werkblad never replaces another one by surprise; an export carries its own
    /// indicators and numbers the language reads back.
    @Test func sharingWithoutOverwriting() throws {
        let anna = try DatabaseSession()
        anna.run("""
            indicator nieuw wachttijd naam="Wachttijd Wmo" eenheid="dagen" richting=lager-is-beter
            werkblad "Visie Anna" eigenaar="Anna" {
              stap waarden { zelf { waarde "Zelfbeschikking"; waarde "Solidariteit" } }
              stap resultaten { zelf { resultaat "Kortere wachttijd" indicator=wachttijd doel=0.00001 jaar=2030 } }
            }
            """)
        let before = try anna.snapshot()
        let refused = anna.fail("werkblad \"VISIE ANNA\" eigenaar=\"Bram\" { stap waarden { zelf { waarde \"Eigen regie\" } } }")
        #expect(refused?.summary == "er is al een werkblad ‘Visie Anna’ (van Anna); dit bestand zou het overschrijven")
        #expect(try anna.snapshot() == before)
        // Merge adds what is missing; keeping both stores a second werkblad.
        #expect(anna.run("werkblad \"VISIE ANNA\" eigenaar=\"Bram\" samenvoegen=ja { stap waarden { zelf { waarde \"Eigen regie\"; waarde \"solidariteit\" } } }")
                == "Werkblad ‘Visie Anna’ samengevoegd: 1 antwoord en 0 koppelingen erbij; wat er stond, bleef staan.\n")
        #expect(anna.run("werkblad \"Visie Anna\" eigenaar=\"Bram\" als=\"Visie Bram\" { stap waarden { zelf { waarde \"Eigen regie\" } } }").hasPrefix("Werkblad ‘Visie Bram’ opgeslagen"))
        // In the shell the user chooses.
        let conversation = ScriptedConversation(["x", "b"])
        anna.session.conversation = conversation
        #expect(anna.run("werkblad \"visie anna\" eigenaar=\"Bram\" { stap waarden { zelf { waarde \"Iets\" } } }") == "Werkblad opgeslagen als ‘Visie Anna (Bram)’, naast ‘Visie Anna’.\n")
        #expect(conversation.transcript.contains("Typ v, b, s of n."))
        anna.session.conversation = nil

        // The export reads back into another database, own indicator and small number included.
        let file = anna.folder.path("anna.kompas")
        anna.run("exporteer werkblad \"Visie Anna\" naar \"\(file)\"")
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(exported.contains("indicator nieuw wachttijd") && exported.contains("doel=0.00001") && exported.contains("export=ja"), "\(exported)")
        let bram = try DatabaseSession()
        bram.run(exported)
        #expect(bram.run("werkblad toon \"Visie Anna\"").contains("Kortere wachttijd"))
        let again = bram.folder.path("terug.kompas")
        bram.run("exporteer werkblad \"Visie Anna\" naar \"\(again)\"")
        #expect(try String(contentsOfFile: again, encoding: .utf8) == exported)
        // Running the export again is refused in a script: it is a whole werkblad.
        #expect(bram.fail(exported)?.summary.hasPrefix("er is al een werkblad ‘Visie Anna’") == true)
    }

    /// 3. The guided advies checks the voorstel like a declaration, and `?` is help, never an answer.
    @Test func guidedAdviesChecksAndHelps() throws {
        let db = try DatabaseSession()
        db.run("""
            adviesraad asd naam="ASD" reactietermijn=6
            voorstel rv-2026-014 { titel "Jeugdhulp"; tekst "Het college stelt voor de jeugdhulp te regelen." }
            """)
        let conversation = ScriptedConversation([
            "gev", "Jeugdhulp", "", "?", "jeugd", "jeugdwet", "", "12-3-2026", "",
            "rv-2026-14", "rv-2026-014", "?", "Meer inspraak", "", nil,
        ])
        db.session.conversation = conversation
        db.run("advies nieuw")
        #expect(conversation.transcript.contains("Er is geen raadsvoorstel `rv-2026-14`. Bedoelde je `rv-2026-014`?"), "\(conversation.transcript)")
        let shown = db.run("advies toon adv-2026-01")
        #expect(shown.contains("bij voorstel rv-2026-014") && shown.contains("uitgebracht: 12 maart 2026") && shown.contains("1. Meer inspraak"), "\(shown)")
        #expect(!db.run("advies lijst").contains("⚑"), "the voorstel now has its advies")
        let stored = try DatabaseQueue(path: db.path).read { db in try String.fetchOne(db, sql: "SELECT thema FROM advies") }
        #expect(stored == "jeugd")
    }

    /// 6. One kind of target: what is typed in the guided flow, declared, or set with `koppel
    /// resultaat` is the same target everywhere, with its direction.
    @Test func oneKindOfTarget() throws {
        let db = try DatabaseSession()
        db.run("werkblad nieuw \"Visie\"")
        let conversation = ScriptedConversation(["", "", "", "",          // waarden and principes: nothing
                                                 "10% minder inwoners eenzaam", "40,5%", "", "2030", "",   // the target; Enter takes "omlaag"
                                                 "", "", "", ""])
        db.session.conversation = conversation
        db.run("werkblad invullen \"Visie\"")
        db.session.conversation = nil
        let shown = db.run("werkblad toon \"Visie\"")
        #expect(shown.contains("10% minder inwoners eenzaam (doel: 40,5% omlaag in 2030)"), "\(shown)")
        db.run("koppel resultaat \"Visie\" zelf.1 indicator=werkloze-jongeren doel=8 gebied=\"GM0363\"")
        let linked = db.run("werkblad toon \"Visie\"")
        #expect(linked.contains("(doel: 8 omlaag in 2030, indicator werkloze-jongeren in GM0363)"), "\(linked)")
        #expect(db.run("werkblad voortgang \"Visie\"").contains("doel 8 in 2030"))
        let file = db.folder.path("visie.kompas")
        db.run("exporteer werkblad \"Visie\" naar \"\(file)\"")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("doel=8 richting=omlaag jaar=2030 indicator=werkloze-jongeren gebied=\"GM0363\""))
        #expect(WerkbladItem.richting(in: "Meer jongeren aan het werk") == "omhoog")
        #expect(WerkbladItem.parseDoel("8 weken")! == (8, "weken"))
    }
}
