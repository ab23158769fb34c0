import Testing
import KompasDSL
@testable import Raadskompas

@Suite struct SearchTests {
    let index = SearchIndex(library: bundledLibrary)

    @Test func accentAndCaseInsensitive() {
        let plain = index.search("cooperatie").hits.map(\.address)
        let accented = index.search("COÖPERATIE").hits.map(\.address)
        #expect(!plain.isEmpty)
        #expect(plain == accented)
    }

    @Test func titlesRankFirst() throws {
        let hit = try #require(index.search("eigen risico").hits.first)
        #expect(hit.address.hasPrefix("zvw"))
        let law = try #require(index.search("schuldhulpverlening").hits.first)
        #expect(law.address.hasPrefix("wgs"))
    }

    @Test func everyWordMustOccur() {
        let (hits, total) = index.search("mantelzorg xyzzyqq")
        #expect(hits.isEmpty && total == 0)
    }

    @Test func snippetMarksTheMatch() throws {
        let hit = try #require(index.search("eenzaamheid").hits.first { !$0.highlights.isEmpty })
        let characters = Array(hit.snippet)
        let marked = try #require(hit.highlights.first)
        #expect(String(characters[marked]).lowercased() == "eenzaamheid")
    }

    @Test func searchStatementNumbersHitsForVolg() {
        let session = Session(library: bundledLibrary)
        var output = ""
        _ = session.run("zoek vroegsignalering") { output += $0 }
        #expect(output.contains("[1]"))
        #expect(output.contains("«"))
        #expect(!session.numberedTargets.isEmpty)
        var followed = ""
        let result = session.run("volg 1") { followed += $0 }
        #expect(result.succeeded)
        #expect(followed.contains("Bron: "))
    }

    @Test func nothingFound() {
        let (output, diagnostics) = shell("zoek qqqqzzzz")
        #expect(diagnostics.isEmpty)
        #expect(output.hasPrefix("Niets gevonden voor ‘qqqqzzzz’"))
    }

    @Test func volgFollowsReferencesAndExplainsMistakes() {
        let session = Session(library: bundledLibrary)
        var output = ""
        _ = session.run("volg 1") { output += $0 }
        let early = session.run("volg 1") { _ in }
        #expect(early.diagnostics.first?.hint?.contains("laat eerst een kaart zien") == true)
        _ = session.run("toon wmo.rol-raad") { output += $0 }
        #expect(output.contains("[1] zie "))
        let target = session.numberedTargets[0]
        var followed = ""
        #expect(session.run("volg 1") { followed += $0 }.succeeded)
        #expect(followed.contains("[\(target)]") || followed.contains(bundledLibrary.resolve(target)?.card.title ?? "?"))
        let tooFar = session.run("volg 99") { _ in }
        #expect(tooFar.diagnostics.first?.summary == "er is geen verwijzing met nummer 99")
    }
}

@Suite struct CompletionTests {
    let completer = Completer(library: bundledLibrary, variables: ["aantal", "map"], functions: ["lengte", "kaarten"])

    @Test func statementNames() {
        #expect(completer.complete(before: "", word: "to") == .words(["toon"]))
        #expect(completer.complete(before: "", word: "l") == .words(["laat", "lijst"]))
        #expect(completer.complete(before: "voor elk x in [1] { ", word: "sch") == .words(["schrijf"]))
    }

    @Test func cardIdsAndParts() {
        guard case .words(let ids) = completer.complete(before: "toon ", word: "wm") else {
            Issue.record("expected words")
            return
        }
        #expect(ids.first == "wmo")
        #expect(ids.allSatisfy { $0.hasPrefix("wm") })
        guard case .words(let parts) = completer.complete(before: "toon ", word: "wmo.rol") else {
            Issue.record("expected words")
            return
        }
        #expect(parts.contains("wmo.rol-raad"))
        #expect(parts.allSatisfy { $0.hasPrefix("wmo.rol") })
    }

    @Test func argumentsOfListAndHelp() {
        #expect(completer.complete(before: "lijst ", word: "koers") == .words(["koerskaarten"]))
        #expect(completer.complete(before: "help ", word: "staal") == .words(["staalkaart"]))
        #expect(completer.complete(before: "voor ", word: "e") == .words(["elk"]))
    }

    @Test func variablesFunctionsAndFiles() {
        #expect(completer.complete(before: "schrijf ", word: "$aa") == .words(["$aantal"]))
        #expect(completer.complete(before: "laat n = ", word: "len") == .words(["lengte("]))
        #expect(completer.complete(before: "voor elk p in bestanden(\"", word: "Exa") == .fileNames)
    }
}

@Suite struct WerkbladCompletionTests {
    let completer = Completer(library: bundledLibrary, variables: [], functions: [], werkbladen: ["Visie 2026", "Visie fractie", "Raad"])

    @Test func actionsNamesAndAddresses() {
        #expect(completer.complete(before: "werkblad ", word: "in") == .words(["invullen"]))
        #expect(completer.complete(before: "werkblad toon \"", word: "vis") == .words(["Visie 2026\"", "Visie fractie\""]))
        #expect(completer.complete(before: "werkblad schrap \"Raad\" ", word: "waarden.z") == .words(["waarden.zelf."]))
        #expect(completer.complete(before: "exporteer ", word: "inv") == .words(["invulschema"]))
        #expect(completer.complete(before: "exporteer werkblad \"Raad\" naar \"", word: "vis") == .fileNames)
    }
}

@Suite struct VoorstelCompletionTests {
    let completer = Completer(library: bundledLibrary, variables: [], functions: [], voorstellen: ["rv-2026-001", "rv-2026-014"])

    @Test func actionsAndIds() {
        #expect(completer.complete(before: "voorstel ", word: "im") == .words(["importeer"]))
        #expect(completer.complete(before: "voorstel toon ", word: "rv-2026-01") == .words(["rv-2026-014"]))
        #expect(completer.complete(before: "analyseer ", word: "rv") == .words(["rv-2026-001", "rv-2026-014"]))
        #expect(completer.complete(before: "beoordeel ", word: "rv-2026-00") == .words(["rv-2026-001"]))
    }

    @Test func helpForVoorstelListsEveryForm() {
        let (output, _) = shell("help voorstel")
        for word in ["voorstel importeer", "analyseer", "beoordeel", "beoordelingen", "vragen", "apk"] {
            #expect(output.contains(word))
        }
    }
}

@Suite struct MonitorCompletionAndHelpTests {
    let completer = Completer(library: bundledLibrary, variables: [], functions: [], werkbladen: ["Visie"],
                              adviezen: ["adv-2026-01", "adv-2026-02"], eigenIndicatoren: ["wachttijd-wmo"])

    @Test func adviesIdsIndicatorsAndKoppelWords() {
        #expect(completer.complete(before: "advies ", word: "t") == .words(["toon"]))
        #expect(completer.complete(before: "advies toon ", word: "adv-2026-0") == .words(["adv-2026-01", "adv-2026-02"]))
        #expect(completer.complete(before: "reactie ", word: "adv-2026-02") == .words(["adv-2026-02"]))
        #expect(completer.complete(before: "metingen ", word: "wacht") == .words(["wachttijd-wmo"]))
        #expect(completer.complete(before: "rapport ", word: "werkloze-j") == .words(["werkloze-jongeren"]))
        #expect(completer.complete(before: "koppel ", word: "") == .words(["aanbeveling", "resultaat"]))
        #expect(completer.complete(before: "koppel aanbeveling ", word: "adv-2026-01") == .words(["adv-2026-01"]))
        #expect(completer.complete(before: "koppel aanbeveling adv-2026-01 1 ", word: "indicator=werkloze-j") == .words(["indicator=werkloze-jongeren"]))
        #expect(completer.complete(before: "koppel aanbeveling adv-2026-01 1 indicator=x ", word: "rich") == .words(["richting=omhoog", "richting=omlaag"]))
        #expect(completer.complete(before: "koppel resultaat \"", word: "Vi") == .words(["Visie\""]))
        #expect(completer.complete(before: "indicator ", word: "n") == .words(["nieuw"]))
    }

    @Test func helpForAdviesListsEveryForm() {
        let (output, _) = shell("help advies")
        for word in ["advies nieuw", "reactie ID", "indicator nieuw", "importeer metingen", "koppel aanbeveling", "koppel resultaat",
                     "ontkoppel", "werkblad voortgang", "duid INDICATOR", "duiding INDICATOR", "jaaroverzicht JAAR", "rapport INDICATOR"] {
            #expect(output.contains(word), "\(word)")
        }
        // `help koppel` shows only its own statements, with the way to the whole task.
        let koppel = shell("help koppel").0
        #expect(koppel.hasPrefix("Opdrachten met `koppel`") && koppel.contains("koppel aanbeveling") && !koppel.contains("advies nieuw"))
        #expect(koppel.contains("`help adviezen`"))
    }

    @Test func checkPicksTheSchemaOfTheAction() throws {
        let source = SourceFile(name: "s.kompas", text: """
            werkblad toon "Visie"
            werkblad voortgang "Visie"
            advies lijst
            advies toon adv-1
            adviesraad lijst
            indicator nieuw wachttijd naam="Wachttijd" eenheid="dagen"
            koppel resultaat "Visie" zelf.1 indicator=werkloze-jongeren doel=2
            koppel aanbeveling adv-1 1 indicator=werkloze-jongeren richting=omhoog
            jaaroverzicht 2026 naar "x.html"
            """)
        let program = Parser.parse(source).program
        #expect(!ScriptCheck.isContent(program))
        #expect(ScriptCheck.check(program).map(\.summary) == [])
        let bad = Parser.parse(SourceFile(name: "b.kompas", text: "koppel aanbeveling adv-1 1 indicator=x richting=opwaarts\nindicator nieuw x naam=\"X\"")).program
        #expect(ScriptCheck.check(bad).map(\.summary) == ["onbekende waarde `opwaarts` voor `richting`", "`indicator nieuw` mist het veld `eenheid`"])
    }
}
