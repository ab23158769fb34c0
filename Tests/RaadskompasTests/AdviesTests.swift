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

    func run(_ s: Session, _ text: String) -> (output: String, diagnostics: [Diagnostic]) {
        var output = ""
        let result = s.run(text) { output += $0 }
        return (output, result.diagnostics)
    }

    @Test func adviesraadAdviesAndReactie() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let setup = run(s, """
            adviesraad asd naam="Adviesraad Sociaal Domein" gemeente="Dommelrade" reactietermijn=6
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
        #expect(run(s, "advies a1 raad=asd soort=gevraagd onderwerp=\"x\" { aanbeveling 2 \"b\" }").diagnostics.first?.summary == "`aanbeveling 2` staat op de plek van aanbeveling 1")
        _ = run(s, "advies a1 raad=asd soort=gevraagd onderwerp=\"x\" { aanbeveling 1 \"a\" }")
        let missing = run(s, "reactie a1 datum=2026-02-01 { aanbeveling 4 niet }").diagnostics.first
        #expect(missing?.summary == "advies a1 heeft geen aanbeveling 4")
        #expect(missing?.hint == "aanbevelingen: 1")
        #expect(run(s, "reactie a2 datum=2026-02-01 { aanbeveling 1 niet }").diagnostics.first?.hint == "bedoelde je `a1`?")
        #expect(run(s, "reactie a1 datum=2026-02-01 { aanbeveling 1 misschien }").diagnostics.first?.summary == "onbekende waarde `misschien` voor `reactie`")
        #expect(run(s, "advies lijst").output.contains("geen reactietermijn ingesteld"))
    }
}
