import Foundation
import Testing
@testable import Raadskompas

/// Issue 13: a voorstel is read into its parts before it is judged, on text as PDF extraction and
/// OCR leave it, and the output never contradicts itself.
@Suite struct VoorstelStructureTests {
    let analyzer = Analyzer(library: bundledLibrary)!

    @Test func eerdereBesluitvormingAndWettelijkKaderCountForA() {
        for heading in ["Eerdere besluitvorming", "Wettelijk- of beleidskader", "4. EERDERE BESLUITVORMING", "Relatie met bestaand beleid:"] {
            let text = """
                Raadsvoorstel
                Onderwerp: Verordening Wmo 2026

                \(heading)
                Dit voorstel volgt op het beleidsplan Samen Sterk 2024-2027 en werkt de keuzes uit die daarin zijn gemaakt voor de toegang.
                """
            let a = analyzer.analyze(text, name: "t").criteria["A"]!
            #expect(a.oordeel != .ontbreekt, "\(heading)")
            #expect(a.bewijs.contains { $0.signaal.hasPrefix("sectie ") && $0.regel == 4 }, "\(heading): \(a.bewijs)")
        }
    }

    @Test func aSummaryHeadingOnTheLineOfItsTextCountsForF() {
        let text = """
            Raadsvoorstel
            Samenvatting De gemeente wil dat meer kinderen op tijd hulp krijgen. Daarom komt er een coach op elke school. Dat kost € 400.000 per jaar.

            Beslispunten
            1. Het programma vast te stellen.
            """
        let result = analyzer.analyze(text, name: "t")
        #expect(result.criteria["F"]!.oordeel != .ontbreekt)
        #expect(result.secties.contains { $0.sectie == "samenvatting" && $0.regel == 2 })
    }

    @Test func formLabelsSeparatedFromTheirValuesAreRead() {
        let text = """
            Agendapunt
            Voorstelnummer
            Portefeuillehouder
            Reglstraüedatum
            :
            :
            :
            :
            7
            RV-2025-112
            wethouder Zorg
            3 juni 2025

            Onderwerp: Subsidie mantelzorgondersteuning
            """
        let result = analyzer.analyze(text, name: "t")
        #expect(result.velden.agendapunt == "7")
        #expect(result.velden.registratienummer == "RV-2025-112")
        #expect(result.velden.portefeuillehouder == "wethouder Zorg")
        #expect(result.velden.datum == "2025-06-03", "the OCR'd label Reglstraüedatum is read as registratiedatum")
        #expect(result.titel == "Subsidie mantelzorgondersteuning")
    }

    @Test func alternatievenGeenIsAbsenceNotEvidence() {
        let text = """
            Raadsvoorstel

            Argumenten
            Het plan is nodig omdat de wachtlijst groeit.

            Alternatieven
            Geen.

            Financiën
            De kosten zijn € 20.000.
            """
        let d = analyzer.analyze(text, name: "t").criteria["D"]!
        #expect(d.oordeel == .ontbreekt)
        #expect(d.bewijs.isEmpty, "the heading ‘Alternatieven’ above ‘Geen.’ is no evidence of alternatives: \(d.bewijs)")
        #expect(d.afwezig.first?.regel == 6)
        #expect(d.waarom.contains("regel 6"))
    }

    @Test func missingNamesOnlyWhatNoEvidenceCovers() {
        let text = """
            Raadsvoorstel

            Alternatieven
            Er zijn drie scenario's onderzocht. Scenario A valt af omdat het te duur is; scenario C is niet gekozen omdat de wachttijd dan oploopt.

            Kanttekeningen
            Als de vraag harder stijgt dan verwacht, dan ontstaat een wachtlijst.
            """
        let result = analyzer.analyze(text, name: "t")
        let d = result.criteria["D"]!
        #expect(d.oordeel == .aanwezig)
        #expect(d.ontbreekt.isEmpty)
        let b = result.criteria["B"]!
        #expect(!b.bewijs.isEmpty)
        #expect(!b.ontbreekt.contains { $0.contains("als … dan") }, "B quotes an ‘als … dan’ sentence, so it does not say there is none: \(b.ontbreekt)")
        for letter in Analyzer.letters {
            let c = result.criteria[letter]!
            #expect(!c.waarom.isEmpty)
            if c.oordeel == .aanwezig { #expect(c.ontbreekt.isEmpty) }
        }
    }

    @Test func jargonAboutStakeholdersIsNoConsultation() {
        let text = """
            Raadsvoorstel

            Uitvoering
            De uitvoering vindt plaats in nauwe samenspraak met stakeholders en ketenpartners, integraal en domeinoverstijgend.
            """
        let c = analyzer.analyze(text, name: "t").criteria["C"]!
        #expect(!c.bewijs.contains { $0.signaal.hasPrefix("c-uitvoerders") }, "\(c.bewijs)")
        #expect(c.oordeel != .aanwezig)
    }

    @Test func pdfTextIsMendedBeforeItIsQuoted() {
        let text = """
            Onderwerp: Regionaal beleidskader Beschermd Wonen en Maatschappelijke Opvang
            2026-2030 voor de regio Dommelvallei

            Aanleiding
            De raad heeft op 8 november 2021 de regionale Meerjarenvisie Beschermd Wo-
            nen vastgesteld, die uitgaat van de landelijke visie over een beschermd
            Raadsvoorstel 2025-041   pagina 2 van 6
            thuis. Dit kader werkt die visie verder uit.
            Raadsvoorstel 2025-041   pagina 3 van 6

            Tekst.
            Raadsvoorstel 2025-041   pagina 4 van 6
            """
        let result = analyzer.analyze(text, name: "t")
        #expect(result.titel == "Regionaal beleidskader Beschermd Wonen en Maatschappelijke Opvang 2026-2030 voor de regio Dommelvallei")
        #expect(result.titelRegel == 1)
        #expect(result.herhaaldeRegels == 3)
        let quote = result.criteria["A"]!.bewijs.first { $0.signaal.hasPrefix("a-eerder") }
        #expect(quote?.regel == 5)
        #expect(quote?.tekst == "De raad heeft op 8 november 2021 de regionale Meerjarenvisie Beschermd Wonen vastgesteld, die uitgaat van de landelijke visie over een beschermd thuis.")
    }

    @Test func leeswijzerReadsBeslispuntenAmountsAndRole() {
        let text = """
            Raadsvoorstel
            Behandeling: ter kennisname

            Het college stelt de raad voor:
            1. een investeringskrediet van € 865.000 beschikbaar te stellen voor de vervanging van
               twee kunstgrasvelden;
            2. de kapitaallasten te dekken uit de reserve Sportaccommodaties, waarbij:
               a. de reserve in 2026 wordt aangevuld;
               b. de begroting wordt gewijzigd.

            Aanleiding
            De velden zijn in 2012 aangelegd. De vervanging moet uiterlijk 1 juli 2026 klaar zijn.
            """
        let result = analyzer.analyze(text, name: "t")
        let l = result.leeswijzer
        #expect(l.besluit.count == 2, "\(l.besluit)")
        #expect(l.besluit.first?.tekst.hasSuffix("twee kunstgrasvelden;") == true)
        #expect(l.besluit.last?.tekst.contains("b. de begroting wordt gewijzigd.") == true)
        #expect(l.kosten.map(\.bedrag) == ["€ 865.000"])
        #expect(l.kosten.first?.regel == 5)
        #expect(!l.dekking.isEmpty)
        #expect(l.rol.soort == "besluit")
        #expect(l.rol.waarschuwing?.contains("ter kennisname") == true)
        #expect(l.termijnen.contains { $0.regel == 12 })
        #expect(result.vragen.contains { $0.contains("ter kennisname") })
    }

    @Test func aStukWithoutContentSaysSoInOneLine() {
        let text = """
            GEMEENTERAAD VAN VEENHOVEN

            Lijst van ingekomen stukken
            Raadsvergadering van 6 november 2025

            A1. Brief van de VNG over de Hervormingsagenda Jeugd.
            A2. Jaarverslag 2024 van de Stichting Welzijn.
            """
        let result = analyzer.analyze(text, name: "t")
        #expect(result.leeswijzer.leeg?.contains("ingekomen stukken") == true)
        let rendered = AnalysisRenderer.text(result, criteria: GuidedReview.criteria(from: bundledLibrary), style: TextStyle(width: 80, color: false))
        #expect(!rendered.contains("ontbreekt:"), "no generic checklist for a list of ingekomen stukken")
        #expect(rendered.contains("ingekomen stukken"))
    }

    @Test func badInputNeverCrashesAndStaysQuick() throws {
        let onlyHeadings = (1...200).map { _ in ["Aanleiding", "Argumenten", "Alternatieven", "Financiën", "Evaluatie"] }.joined().joined(separator: "\n")
        let longDocument = String(repeating: "Het college stelt voor. Als de vraag stijgt, dan is er een risico. € 1.000.000 in 2027.\n", count: 8_000)
        let odd = ["", "\n\n\n", ":\n:\n:", "1.\n2.\n3.", "a) b) c)", String(repeating: "-", count: 10_000), "\u{FEFF}\u{00A0}\u{0C}", "€€€ euro euro", "(((", "Samenvatting:",
                   "Alternatieven:\tGeen", String(repeating: "x", count: 200_000), "De raad besluit:\n" + (1...500).map { "\($0). iets te besluiten;" }.joined(separator: "\n"),
                   "This is a council proposal. The council is asked to approve the plan and the budget of the pilot for the homeless residents of the city."]
        for text in odd + [onlyHeadings, longDocument] {
            let start = Date()
            let result = analyzer.analyze(text, name: "t")
            #expect(Set(result.criteria.keys) == Set(Analyzer.letters))
            _ = AnalysisRenderer.text(result, criteria: [], style: TextStyle(width: 60, color: false))
            _ = AnalysisRenderer.markdown(result, criteria: [])
            _ = AnalysisRenderer.html(result, criteria: [])
            #expect(Date().timeIntervalSince(start) < 5, "\(text.prefix(40))")
        }
        #expect(analyzer.analyze(odd.last!, name: "t").taal == "en")
    }

    /// Random texts built from the pieces voorstellen are made of: headings, labels, list markers,
    /// amounts, dates, page footers, OCR slips, odd Unicode. Nothing may crash or take long.
    @Test func randomVoorstellenNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Beslispunten", "1.", "a)", "- ", "•", "Alternatieven:", "Geen.", "n.v.t.", "Samenvatting", "SAMENVATTING De gemeente wil.",
                      "Agendapunt", ":", "€ 1.200.000", "€", "2,5 miljoen euro", "12-03-2026", "3 juli 2025", "pagina 2 van 6", "Reglstraüedatum",
                      "raads-", "voorstel", "Het college stelt de raad voor:", "ter kennisname", "Rol van de raad: kaderstellend", "\t", "  ", "…",
                      "“", "’", "\u{FEFF}", "\u{00A0}", "\u{0C}", "é", "ĳ", "🙂", "(ASD)", "ASD", "als", "dan", "risico", "geen risico", "2027",
                      "Evaluatie", "wat willen we bereiken?", "1.1", "IV.", "§ 3", "# Kop", "Onderwerp:", "\r", "."]
        for round in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                text += pieces.randomElement(using: &generator)!
                text += ["\n", " ", "\n\n", ""].randomElement(using: &generator)!
            }
            let start = Date()
            let result = analyzer.analyze(text, name: "ronde \(round)")
            #expect(Set(result.criteria.keys) == Set(Analyzer.letters))
            for criterion in result.criteria.values where criterion.oordeel == .aanwezig { #expect(criterion.ontbreekt.isEmpty) }
            _ = AnalysisRenderer.text(result, criteria: [], style: TextStyle(width: 40, color: false))
            #expect(Date().timeIntervalSince(start) < 2, "ronde \(round)")
        }
    }

    @Test func checkValidatesTheSectionsAndTheirReferences() throws {
        let scratch = try TemporaryFolder()
        try """
            analyseregels breda {
              titel "Eigen regels"
              bron "Griffie"
              regel a-kader criterium=A gewicht=2 uitleg="noemt een kader" {
                patroon "kader"
              }
              sectie alternatieven criterium=D rol=alternatieven {
                kop "Alternatieven"
                kop "ALTERNATIEVEN:"
              }
              ontbreekt A "Geen kader." regels=["a-kaders"]
            }
            """.write(toFile: scratch.path("regels.kompas"), atomically: true, encoding: .utf8)
        let library = ContentLibrary.standard(extraDirectory: scratch.url.path)
        let messages = library.diagnostics.map(\.summary)
        #expect(messages.contains { $0.contains("`a-kaders` is geen regel of sectie") }, "\(messages)")
        #expect(messages.contains { $0.contains("staat ook bij de sectie `alternatieven`") }, "\(messages)")
    }

    @Test func aGriffieTunesTheHeadingsOfItsOwnTemplate() throws {
        let scratch = try TemporaryFolder()
        var rules = try String(contentsOf: packageRoot.appending(path: "Content/analyse/breda.kompas"), encoding: .utf8)
        rules = rules.replacingOccurrences(of: "    kop \"alternatieven\"\n", with: "    kop \"alternatieven\"\n    kop \"andere routes\"\n")
        try rules.write(toFile: scratch.path("breda.kompas"), atomically: true, encoding: .utf8)
        let library = ContentLibrary.standard(extraDirectory: scratch.url.path)
        #expect(!library.diagnostics.hasErrors, "\(library.diagnostics.map(\.summary))")
        let tuned = try #require(Analyzer(library: library))
        let text = "Raadsvoorstel\n\nAndere routes\nWe hebben drie varianten vergeleken; variant B valt af omdat die te duur is.\n"
        #expect(tuned.analyze(text, name: "t").secties.contains { $0.sectie == "alternatieven" })
        #expect(!analyzer.analyze(text, name: "t").secties.contains { $0.sectie == "alternatieven" })
    }

    @Test func analyseerWritesAPrintableLeeswijzer() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("a.sqlite"), false))
        let path = AnalysisTests.folder.appending(path: "09-beschermd-wonen.txt").path
        var output = ""
        let html = folder.path("leeswijzer.html"), md = folder.path("leeswijzer.md")
        #expect(s.run("voorstel importeer \"\(path)\" id=rv-bw\nanalyseer rv-bw naar \"\(html)\"\nanalyseer rv-bw naar \"\(md)\"") { output += $0 }.succeeded, "\(output)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<h2>Wat wordt besloten</h2>") && page.contains("Vragen aan het college") && page.contains("regel "))
        let markdown = try String(contentsOfFile: md, encoding: .utf8)
        #expect(markdown.hasPrefix("# Leeswijzer: "))
        #expect(markdown.contains("## Rol van de raad"))
        var error = ""
        #expect(!s.run("analyseer rv-bw naar \"x.docx\"") { error += $0 }.succeeded)
    }
}
