import Testing
import KompasDSL
@testable import Raadskompas

@Suite struct ValidationTests {
    @Test func validCardLoads() {
        let (library, diagnostics) = check(validStaalkaart)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(library.card("testwet")?.title == "Testwet")
        #expect(library.resolve("testwet.rol-raad")?.part?.title == "Rol van de raad")
    }

    /// Content loads a card at a time (`Parser.parseEach`): a variable set at the top still
    /// reaches the cards after it, a loop still makes its cards, a broken statement costs only
    /// itself, a later duplicate id is still caught, and the diagnostics come in reading order.
    @Test func cardsLoadedOneAtATimeSeeEverythingBeforeThem() {
        let text = """
            laat onderwerp = "sturing"
            kaart a titel="A" thema=$onderwerp bron="b"
            kaart b titel="B" thema=sturing bron=
            voor elk n in ["c", "d"] {
              kaart "k-${n}" titel="K ${n}" thema=$onderwerp bron="b"
            }
            kaart a titel="A nog eens" thema=sturing bron="b"
            kaart e titel="E" thema=onbekend bron="b"
            """
        let (library, diagnostics) = check(text)
        #expect(library.card("a")?.title == "A")
        #expect(library.card("k-c")?.title == "K c" && library.card("k-d") != nil)
        #expect(library.card("b") == nil)
        let lines = diagnostics.map { $0.span?.location.line ?? 0 }
        #expect(lines == lines.sorted())
        #expect(diagnostics.count == 3, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(diagnostics.contains { $0.summary.hasPrefix("waarde ontbreekt na `bron=`") })
        #expect(diagnostics.contains { $0.summary == "de id `a` bestaat al" })
        #expect(diagnostics.contains { $0.summary.hasPrefix("onbekende waarde `onbekend`") })
    }

    /// Part ids are unique among their siblings, at every depth; the same id at another depth is
    /// fine (`a` and `a.a`).
    @Test func twiceTheSamePartIdIsReported() {
        let card = """
            kaart k {
              titel "K"
              thema sturing
              bron "b"
              sectie a "A" {
                tekst "een"
                sectie a "Binnen A" {
                  tekst "twee"
                }
                sectie b "B1" {
                  tekst "drie"
                }
                sectie b "B2" {
                  tekst "vier"
                }
              }
              sectie c "C" {
                tekst "vijf"
              }
              sectie c "C nog eens" {
                tekst "zes"
              }
            }
            """
        let summaries = check(card).diagnostics.map(\.summary)
        #expect(summaries == ["`a.b` komt twee keer voor in kaart `k`", "`c` komt twee keer voor in kaart `k`"])
        #expect(check(card.replacingOccurrences(of: "sectie b \"B2\"", with: "sectie d \"B2\"")
                           .replacingOccurrences(of: "sectie c \"C nog eens\"", with: "sectie e \"E\"")).diagnostics.isEmpty)
    }

    /// A node is valid or not by its own diagnostics: warnings elsewhere in the file do not count,
    /// and many of them do not make validation slow.
    @Test func warningsBeforeANodeDoNotMakeItInvalid() {
        var validation = Validation()
        for _ in 0..<10_000 {
            validation.warning("een waarschuwing", at: SourceSpan(file: SourceFile(name: "t", text: "x"), start: 0, end: 1))
        }
        let (program, _) = Parser.parse(SourceFile(name: "t", text: "kaart x titel=\"t\" thema=sturing bron=\"b\""))
        var nodes: [Node] = []
        Interpreter().run(program) { nodes.append($0) }
        let asKaart = validation.validate(nodes[0], against: ContentSchemas.kaart)
        let asStaalkaart = validation.validate(nodes[0], against: ContentSchemas.staalkaart)
        #expect(asKaart)
        #expect(!asStaalkaart)
    }

    @Test func unknownFieldOneLetterOffSuggestsTheField() {
        let text = validStaalkaart.replacingOccurrences(of: "afkorting \"Tw\"", with: "afkortin \"Tw\"")
        let diagnostics = check(text).diagnostics
        let d = diagnostics.first { $0.summary.contains("afkortin`") }
        #expect(d?.hint == "bedoelde je `afkorting`?")
        #expect(d?.span?.location == SourceLocation(line: 3, column: 3))
        // … and the field it meant is then missing.
        #expect(diagnostics.contains { $0.summary == "`staalkaart testwet` mist het veld `afkorting`" })
    }

    @Test func unknownPropertySuggestsTheField() {
        let d = check("kaart x titel=\"t\" them=sturing bron=\"b\"").diagnostics.first { $0.summary.contains("them`") }
        #expect(d?.summary == "onbekend veld `them` bij `kaart`")
        #expect(d?.hint == "bedoelde je `thema`?")
    }

    @Test func wrongValueType() {
        let text = validStaalkaart.replacingOccurrences(of: "titel \"Testwet\"", with: "titel 12")
        let d = check(text).diagnostics.first
        #expect(d?.summary == "verkeerd soort waarde voor `titel`: het getal 12, verwacht een tekst tussen aanhalingstekens")
        #expect(d?.span?.location == SourceLocation(line: 2, column: 9))
    }

    /// Issue 15: "verkeerd soort waarde voor `naam`: naam, verwacht …" said the kind of value in a
    /// word that was also the field's name; now it shows the value itself.
    @Test func wrongValueTypeShowsTheValue() throws {
        let db = try DatabaseSession()
        let d = db.fail("adviesraad asd naam=Adviesraad")
        #expect(d?.summary == "verkeerd soort waarde voor `naam`: het woord `Adviesraad`, verwacht een tekst tussen aanhalingstekens")
        #expect(d?.hint == "zet de tekst tussen aanhalingstekens: \"Adviesraad\"")
        #expect(d?.span?.location == SourceLocation(line: 1, column: 21))
    }

    @Test func wrongChoice() {
        let d = check("kaart x { titel \"t\"; thema sturin; bron \"b\" }").diagnostics.first
        #expect(d?.hint == "bedoelde je `sturing`?")
    }

    @Test func duplicateIdPointsAtBoth() {
        let text = "kaart dubbel { titel \"a\"; thema sturing; bron \"b\" }\nkaart dubbel { titel \"a\"; thema sturing; bron \"b\" }\n"
        let d = check(text).diagnostics.first
        #expect(d?.summary == "de id `dubbel` bestaat al")
        #expect(d?.span?.location == SourceLocation(line: 2, column: 7))
        #expect(d?.notes.first?.span?.location == SourceLocation(line: 1, column: 1))
    }

    @Test func overrideReplacesABundledCard() {
        let text = validStaalkaart.replacingOccurrences(of: "testwet", with: "wmo").replacingOccurrences(of: "zie wmo.doelen", with: "zie jeugdwet")
        let (library, diagnostics) = check(text)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(library.card("wmo")?.title == "Testwet")
        #expect(library.cards(ofKind: "staalkaart").count == 6)
    }

    @Test func referencesAreChecked() {
        let unknownCard = check("kaart x { titel \"t\"; thema sturing; bron \"b\"; zie koerskaart-preventi }").diagnostics.first
        #expect(unknownCard?.summary == "verwijzing naar onbekende kaart `koerskaart-preventi`")
        #expect(unknownCard?.hint == "bedoelde je `koerskaart-preventie`?")
        let unknownPart = check("kaart x { titel \"t\"; thema sturing; bron \"b\"; zie wmo.doeln }").diagnostics.first
        #expect(unknownPart?.summary == "kaart `wmo` heeft geen onderdeel `doeln`")
        #expect(unknownPart?.hint == "bedoelde je `doelen`?")
        let wrongKind = check("""
            indicator x { naam "n"; omschrijving "o"; eenheid "e"; bron "b"; wet [waardemodel]; bbv nee }
            """).diagnostics.first
        #expect(wrongKind?.summary == "`waardemodel` is een waardemodel, hier hoort een staalkaart")
    }

    @Test func missingRequiredSectionsInOneDiagnostic() {
        let text = "staalkaart x { titel \"t\"; afkorting \"a\"; wettekst \"https://x\"; bron \"b\"; sectie doelen \"D\" { tekst \"a\" } }"
        let diagnostics = check(text).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.summary == "staalkaart mist de secties `verantwoordelijkheid`, `praktijk`, `financiering`, `rol-raad`")
    }

    @Test func unknownCardKind() {
        let d = check("staalkart x { }").diagnostics.first
        #expect(d?.summary == "`staalkart` is geen soort kaart")
        #expect(d?.hint == "bedoelde je `staalkaart`?")
    }

    @Test func tableRowsMatchColumns() {
        let text = "kaart x { titel \"t\"; thema sturing; bron \"b\"\n tabel \"T\" { kolommen [\"a\", \"b\"]; rij [\"1\"] } }"
        #expect(check(text).diagnostics.first?.summary == "rij heeft 1 cellen, maar de tabel heeft 2 kolommen")
    }

    @Test func pagesAreNumberedWithoutGaps() {
        let text = """
            koerskaart k { titel "t"; onderwerp "o"; bron "b"
              pagina 1 "een" { tekst "x" }
              pagina 3 "drie" { tekst "x" }
            }
            """
        #expect(check(text).diagnostics.first?.summary == "`pagina 3` staat op de plek van pagina 2")
    }

    @Test func fieldGivenTwice() {
        let d = check("kaart x titel=\"a\" { titel \"b\"; thema sturing; bron \"b\" }").diagnostics.first
        #expect(d?.summary == "veld `titel` staat er twee keer")
    }

    @Test func invalidUrl() {
        let text = validStaalkaart.replacingOccurrences(of: "https://wetten.overheid.nl/BWBR0000000", with: "wetten overheid")
        #expect(check(text).diagnostics.first?.summary == "`wetten overheid` is geen webadres")
    }

    @Test func contentDirectoryErrors() {
        if case .failure(let d) = ContentFiles.directory("/bestaat/niet") {
            #expect(d.summary == "inhoudsmap `/bestaat/niet` bestaat niet")
        } else {
            Issue.record("expected failure")
        }
        if case .failure(let d) = ContentFiles.read(packageRoot.appending(path: "Content").path) {
            #expect(d.summary.hasSuffix("is een map, geen bestand"))
        } else {
            Issue.record("expected failure")
        }
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        components(separatedBy: a).joined(separator: b)
    }
}
