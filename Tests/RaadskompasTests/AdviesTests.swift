import Foundation
import Testing
import KompasDSL
@testable import Raadskompas

@Suite struct TermijnTests {
    func advies(issued: String?, answered: String? = nil) -> Advies {
        Advies(id: "a", raad: "r", soort: "gevraagd", onderwerp: "o", thema: "", wetten: "", aangevraagd: nil,
               uitgebracht: issued, reactieOntvangen: answered, bijRaadsstukken: nil, voorstel: nil)
    }

    func day(_ y: Int, _ m: Int, _ d: Int) -> DateValue { DateValue(year: y, month: m, day: d)! }

    @Test func theDueDayItselfIsStillOnTime() {
        // Six weeks after 10 January 2026 is 21 February 2026.
        let a = advies(issued: "2026-01-10")
        #expect(Termijn.status(a, weeks: 6, today: day(2026, 2, 21)) == .open(uiterlijk: day(2026, 2, 21), dagenOver: 0))
        #expect(Termijn.status(a, weeks: 6, today: day(2026, 2, 22)) == .teLaat(uiterlijk: day(2026, 2, 21), dagenTeLaat: 1))
        #expect(Termijn.status(advies(issued: "2026-01-10", answered: "2026-02-21"), weeks: 6, today: day(2026, 6, 1)) == .opTijd(uiterlijk: day(2026, 2, 21)))
        #expect(Termijn.status(advies(issued: "2026-01-10", answered: "2026-02-22"), weeks: 6, today: day(2026, 6, 1))
                == .laatBeantwoord(uiterlijk: day(2026, 2, 21), dagenTeLaat: 1))
    }

    @Test func acrossTheYearEnd() {
        let a = advies(issued: "2025-12-01")
        #expect(Termijn.status(a, weeks: 6, today: day(2026, 1, 12)) == .open(uiterlijk: day(2026, 1, 12), dagenOver: 0))
        #expect(Termijn.status(a, weeks: 6, today: day(2026, 1, 13)) == .teLaat(uiterlijk: day(2026, 1, 12), dagenTeLaat: 1))
    }

    @Test func noTermijnNoSilentDefault() {
        #expect(Termijn.status(advies(issued: "2026-01-10"), weeks: nil, today: day(2027, 1, 1)) == .geenTermijn)
        #expect(Termijn.status(advies(issued: nil), weeks: 6, today: day(2027, 1, 1)) == .nietUitgebracht)
    }
}

@Suite struct AdviesStatementTests {
    func session(_ folder: TemporaryFolder) -> Session {
        let s = Session(library: bundledLibrary, database: (folder.path("adv.sqlite"), false))
        s.today = { DateValue(year: 2026, month: 3, day: 1)! }
        return s
    }

    /// A typo in one of two dates: uitgebracht before aangevraagd is refused, also when one date
    /// comes in a later correction; nothing is stored.
    @Test func issuedBeforeAskedIsRefused() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        #expect(run(s, "adviesraad asd naam=\"Adviesraad\" reactietermijn=6").diagnostics.isEmpty)
        let wrong = run(s, "advies adv-1 raad=asd soort=gevraagd onderwerp=\"Jeugd\" aangevraagd=12-03-2026 uitgebracht=1-3-2026").diagnostics.first
        #expect(wrong?.summary == "advies adv-1 zou zijn uitgebracht (1 maart 2026) vóór het werd aangevraagd (12 maart 2026); er is niets opgeslagen")
        #expect(run(s, "advies lijst").output.contains("adv-1") == false)
        #expect(run(s, "advies adv-1 raad=asd soort=gevraagd onderwerp=\"Jeugd\" aangevraagd=2026-03-12").diagnostics.isEmpty)
        #expect(run(s, "advies adv-1 uitgebracht=2026-03-01").diagnostics.first?.summary.contains("vóór het werd aangevraagd") == true)
        #expect(run(s, "advies adv-1 uitgebracht=2026-04-01").diagnostics.isEmpty)
    }

    @Test func adviesraadAdviesAndReactie() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let setup = run(s, """
            adviesraad asd naam="Adviesraad Sociaal Domein" gemeente="Dommelrade" reactietermijn=6
            voorstel rv-1 { titel "Wmo-verordening"; tekst "Het college stelt voor de verordening vast te stellen." }
            advies adv-1 raad=asd soort=gevraagd onderwerp="Wmo-verordening" uitgebracht=2026-01-10 voorstel=rv-1 {
              aanbeveling 1 "Neem mantelzorg op"
              aanbeveling 2 "Houd de eigen bijdrage laag"
            }
            advies adv-2 raad=asd soort=ongevraagd onderwerp="Eenzaamheid" uitgebracht=2026-01-05 { aanbeveling 1 "Maak een aanpak" }
            reactie adv-1 datum=2026-02-20 { aanbeveling 1 overgenomen "Artikel 4"; aanbeveling 2 deels "Voor lage inkomens" }
            """)
        #expect(setup.diagnostics.isEmpty, "\(DiagnosticRenderer().render(setup.diagnostics))")
        let list = run(s, "advies lijst").output
        #expect(list.contains("reactie op tijd (uiterlijk 21 februari 2026)"))
        #expect(list.contains("TE LAAT: reactie had er uiterlijk 16 februari 2026 moeten zijn (13 dagen over de termijn)"))
        let shown = run(s, "advies toon adv-1").output
        #expect(shown.contains("→ overgenomen: Artikel 4") && shown.contains("→ deels: Voor lage inkomens"))
        #expect(shown.contains("1 van 2 aanbevelingen overgenomen, 1 deels."))
        // Thema and wetten show once given (they were missing from `advies toon`).
        #expect(!shown.contains("thema:"))
        #expect(run(s, "advies wijzig adv-1 thema=\"mantelzorg\" wetten=[wmo, jeugdwet]").diagnostics.isEmpty)
        #expect(run(s, "advies toon adv-1").output.contains("  thema: mantelzorg · wetten: wmo, jeugdwet\n"))
        // Declaring the advies again keeps the college's reacties.
        _ = run(s, "advies adv-1 raad=asd soort=gevraagd onderwerp=\"Wmo-verordening 2026\" uitgebracht=2026-01-10 { aanbeveling 1 \"Neem mantelzorg op\"; aanbeveling 2 \"Houd de eigen bijdrage laag\" }")
        #expect(run(s, "advies toon adv-1").output.contains("→ overgenomen: Artikel 4"))
    }

    @Test func mistakesAreExplained() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        #expect(run(s, "adviesraad asd naam=\"ASD\"").output.contains("zonder reactietermijn"))
        #expect(run(s, "advies lijst").output == "Er zijn nog geen adviezen.\n")
        #expect(run(s, "advies a1 raad=asdd soort=gevraagd onderwerp=\"x\"").diagnostics.first?.hint == "bedoelde je `asd`?")
        #expect(run(s, "advies a1 raad=asd soort=gevraagt onderwerp=\"x\"").diagnostics.first?.hint == "bedoelde je `gevraagd`?")
        #expect(run(s, "advies a1 raad=asd soort=gevraagd onderwerp=\"x\" { aanbeveling 1 \"a\"; aanbeveling 1 \"b\" }").diagnostics.first?.summary == "aanbeveling 1 staat er twee keer")
        #expect(run(s, "advies a1 raad=asd soort=gevraagd onderwerp=\"x\" voorstel=rv-9").diagnostics.first?.summary == "geen voorstel met id `rv-9`")
        #expect(run(s, "advies a9 onderwerp=\"x\"").diagnostics.first?.summary == "advies a9 bestaat nog niet en mist `raad`, `soort`")
        _ = run(s, "advies a1 raad=asd soort=gevraagd onderwerp=\"x\" { aanbeveling 1 \"a\" }")
        let missing = run(s, "reactie a1 datum=2026-02-01 { aanbeveling 4 niet }").diagnostics.first
        #expect(missing?.summary == "advies a1 heeft geen aanbeveling 4")
        #expect(missing?.hint == "aanbevelingen: 1")
        #expect(run(s, "reactie a2 datum=2026-02-01 { aanbeveling 1 niet }").diagnostics.first?.hint == "bedoelde je `a1`?")
        #expect(run(s, "reactie a1 datum=2026-02-01 { aanbeveling 1 misschien }").diagnostics.first?.summary == "onbekende waarde `misschien` voor `reactie`")
        #expect(run(s, "advies lijst").output.contains("geen reactietermijn ingesteld"))
    }
}

@Suite struct MeasurementImportTests {
    func session(_ folder: TemporaryFolder) -> Session {
        Session(library: bundledLibrary, database: (folder.path("m.sqlite"), false))
    }

    func file(_ folder: TemporaryFolder, _ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func periodCodes() {
        #expect(MeasurementImport.period("2023JJ00") == "2023")
        #expect(MeasurementImport.period("2023KW02") == "2023-K2")
        #expect(MeasurementImport.period("2023MM05") == "2023-05")
        #expect(MeasurementImport.period("2023KW05") == nil)
        #expect(MeasurementImport.period("2023XX01") == nil)
    }

    @Test func longFormatIsIdempotentAndProvisionalValuesAreReplaced() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let first = try file(folder, "a.csv", "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022;12,5\neenzaamheid-75plus;GM0363;2023KW02;13,1*\neenzaamheid-75plus;GM0034;2022;.\n")
        #expect(run(s, "importeer metingen \"\(first)\"").output.contains("3 nieuw of gewijzigd.\n"))
        #expect(run(s, "importeer metingen \"\(first)\"").output.contains("0 nieuw of gewijzigd.\n"))
        let final = try file(folder, "b.csv", "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2023KW02;13,4\n")
        #expect(run(s, "importeer metingen \"\(final)\"").output.contains("1 nieuw of gewijzigd.\n"))
        let shown = run(s, "metingen eenzaamheid-75plus").output
        #expect(shown.contains("2023-K2  13,4") && !shown.contains("voorlopig"))
        #expect(shown.contains("Almere (GM0034)  1 meting, 2022 – 2022\n  2022     onbekend"))
    }

    @Test func cbsStatLineCsv() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let cbs = try file(folder, "cbs.csv", "\"ID\";\"RegioS\";\"Perioden\";\"Totaal_1\";\"Jongeren_2\"\n\"0\";\"GM0363\";\"2023JJ00\";\"100\";\"10,2\"\n\"1\";\"GM0034\";\"2023MM05\";\"90\";\"9,8*\"\n")
        let ambiguous = run(s, "importeer metingen \"\(cbs)\" indicator=jongeren-met-jeugdhulp").diagnostics.first
        #expect(ambiguous?.summary.contains("het bestand heeft 2 kolommen met waarden") == true)
        #expect(ambiguous?.hint.map { $0.contains("Totaal_1") && $0.contains("Jongeren_2") } == true)
        #expect(run(s, "importeer metingen \"\(cbs)\" indicator=jongeren-met-jeugdhulp kolom=\"Jongeren_2\"").diagnostics.isEmpty)
        let shown = run(s, "metingen jongeren-met-jeugdhulp").output
        #expect(shown.contains("Amsterdam (GM0363)  1 meting, 2023 – 2023\n  2023     10,2") && shown.contains("2023-05  9,8        voorlopig"))
        #expect(run(s, "importeer metingen \"\(cbs)\"").diagnostics.first?.summary.contains("in een CBS-bestand staat niet welke indicator het is") == true)
    }

    @Test func badFilesStoreNothingAndNameTheLine() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let cases: [(String, String)] = [
            ("indicator,gebied,periode,waarde\nx,y,z,1\n", "regel 2 van"),
            ("indicator;gebied;periode\neenzaamheid-75plus;GM0363;2022\n", "kolommen niet herkend"),
            ("indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022;1\neenzaamheid-75plus;GM0363;2023;veel\n", "regel 3 van"),
            ("indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022;1\neenzaamheid-75plus;GM0363;2022;2\n", "dubbele regel"),
            ("indicator;gebied;periode;waarde\neenzaamheid-75plu;GM0363;2022;1\n", "onbekende indicator"),
            ("indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022JJ01;1\n", "onbekende periodecode"),
            ("indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022\n", "kolommen, de kopregel"),
            ("indicator;gebied;periode;waarde\n", "heeft alleen een kopregel"),
        ]
        for (i, (text, expected)) in cases.enumerated() {
            let path = try file(folder, "bad\(i).csv", text)
            let d = run(s, "importeer metingen \"\(path)\"").diagnostics.first
            #expect(d?.summary.contains(expected) == true, "geval \(i): \(d?.summary ?? "geen fout")")
        }
        #expect(run(s, "metingen eenzaamheid-75plus").output.contains("Nog geen metingen"), "niets half ingelezen")
        let typo = run(s, "importeer metingen \"\(try file(folder, "t.csv", "indicator;gebied;periode;waarde\neenzaamheid-75plu;GM0363;2022;1\n"))\"").diagnostics.first
        #expect(typo?.hint == "bedoelde je `eenzaamheid-75plus`?")
    }
}

@Suite struct SparklineTests {
    @Test func scalesFromLowToHighWithGapsForUnknown() {
        #expect(IndicatorReport.sparkline([1, 2, 3, nil, 8]) == "▁▂▃ █")
        #expect(IndicatorReport.sparkline([5, 5]) == "▄▄")
        #expect(IndicatorReport.sparkline([nil, nil]) == "  ")
    }

    @Test func metingenShowsTheTrend() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("s.sqlite"), false))
        let path = folder.path("t.csv")
        try "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2021;10\neenzaamheid-75plus;GM0363;2022;12\neenzaamheid-75plus;GM0363;2023;14\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var output = ""
        #expect(s.run("importeer metingen \"\(path)\"\nmetingen eenzaamheid-75plus") { output += $0 }.succeeded)
        #expect(output.contains("Amsterdam (GM0363)  3 metingen, 2021 – 2023\n  ▁▅█  10 → 14\n"))
    }
}
