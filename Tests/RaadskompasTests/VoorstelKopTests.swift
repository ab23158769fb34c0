import Foundation
import Testing
@testable import Raadskompas

/// The header of a raadsvoorstel: datum, portefeuillehouder, registratienummer. The fixtures in
/// `Tests/Fixtures/kop` were written and labelled by someone who had not seen the parser, in the
/// layouts gemeenten use (tables copied out of PDFs, tabs, dotted leaders, running text).
@Suite struct VoorstelKopTests {
    static let folder = packageRoot.appending(path: "Tests/Fixtures/kop")

    struct Expected: Decodable {
        let datum: String?
        let portefeuille: String?
        let registratienummer: String?
    }

    @Test func labelledFixturesAreReadAsAGriffierWould() throws {
        let data = try #require(FileManager.default.contents(atPath: VoorstelKopTests.folder.appending(path: "verwachting.json").path))
        let expectations = try JSONDecoder().decode([String: Expected].self, from: data)
        #expect(expectations.count == 40)
        for (name, expected) in expectations.sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOf: VoorstelKopTests.folder.appending(path: name), encoding: .utf8)
            let kop = VoorstelKop.read(text)
            #expect(kop.datum?.description == expected.datum, "\(name): datum")
            #expect(kop.portefeuille == expected.portefeuille, "\(name): portefeuille")
            #expect(kop.registratienummer == expected.registratienummer, "\(name): registratienummer")
        }
    }

    /// Shapes of real headers found in published raadsvoorstellen (names replaced by X): a table row
    /// flattened into one line without separators, and a column of labels with fewer values than
    /// labels (empty cells), where nothing may be guessed.
    @Test func realHeaderShapes() {
        let flattened = VoorstelKop.read("""
            Vergadering: 20 januari 2009 Agendanummer: 9 Status: Bespreekstuk Portefeuillehouder: X Behandelend ambtenaar:X, 0595-750306 E-mail:
            Aan de gemeenteraad, Onderwerp: Re-integratieverordening Winsum Voorgestelde besluit: De verordening vast te stellen.
            """)
        #expect(flattened.datum?.description == "2009-01-20")
        #expect(flattened.portefeuille == "X")
        #expect(flattened.onderwerp == "Re-integratieverordening Winsum")
        let ridderkerk = VoorstelKop.read("""
            Raadsvoorstel Onderwerp: Verordeningen Participatiewet Commissie: Samen leven d.d. 2 december 2014 Portefeuillehouder: X BBVnummer: 108066
            Gemeenteraad Ridderkerk: 11 december 2014
            Agendapunt: 5
            """)
        #expect(ridderkerk.datum?.description == "2014-12-11")
        #expect(ridderkerk.portefeuille == "X")
        #expect(ridderkerk.registratienummer == "108066")
        #expect(ridderkerk.onderwerp == "Verordeningen Participatiewet")
        let goeree = VoorstelKop.read("Gemeenteraad Postbus 1 *Z038C7E9AB1* Registratienummer : Z / 3645 Agendanummer : 13 Portefeuillehouder : Wethouder X Raadsvergadering : 30 oktober 2014 Behandelaar : X Onderwerp : Verordening Jeugdhulp 2015 Datum : 08 oktober 2014")
        #expect(goeree.datum?.description == "2014-10-30")
        #expect(goeree.portefeuille == "Wethouder X")
        #expect(goeree.registratienummer == "Z / 3645")
        // Eight labels, eight colons, five values: only the one date is certain.
        let column = VoorstelKop.read("""
            Agendapunt
            Voorstelnummer
            Raadsvergadering
            Naam opsteller
            Informatie op te vragen bij
            Portefeuillehouder(s)
            Zaaknummer
            Registratienummer
            :
            :
            :
            :
            :
            :
            :
            :
            25 september 2014
            X
            X
            X
            RAAD140135
            Onderwerp: Vaststelling WMO-verordening
            Aan de raad,
            """)
        #expect(column.datum?.description == "2014-09-25")
        #expect(column.portefeuille == nil)
        #expect(column.registratienummer == nil)
    }

    @Test func datesInEveryFormAndNoneFromTheBody() {
        #expect(VoorstelKop.firstDate("donderdag 3 juli 2025 om 19.30 uur")?.description == "2025-07-03")
        #expect(VoorstelKop.firstDate("12/6/2025")?.description == "2025-06-12")
        #expect(VoorstelKop.firstDate("2025-06-12")?.description == "2025-06-12")
        #expect(VoorstelKop.firstDate("24 apr. 2025")?.description == "2025-04-24")
        #expect(VoorstelKop.firstDate("31 februari 2025") == nil)
        let kop = VoorstelKop.read("Raadsvoorstel\nOnderwerp: Iets\n\nAanleiding\nIn de raadsvergadering van 3 juli 2025 besloot de raad al eerder.\nDatum: 1 januari 2020\n")
        #expect(kop.datum == nil && kop.portefeuille == nil && kop.registratienummer == nil, "a date in the body is not the voorstel's")
        #expect(kop.onderwerp == "Iets")
    }

    @Test func importReadsTheHeaderAndSaysSo() throws {
        let db = try DatabaseSession()
        let path = VoorstelKopTests.folder.appending(path: "kop-14.txt").path
        let reply = db.run("voorstel importeer \"\(path)\" id=rv-14")
        #expect(reply.contains("Uit de tekst gehaald: datum 25 maart 2025, portefeuille ‘wethouder S. Akkermans-Tahiri’, registratienummer 1887654."), "\(reply)")
        #expect(db.run("voorstel toon rv-14").contains("nr. 1887654 · datum 25 maart 2025"))
        // What the statement gives wins over the header.
        let other = VoorstelKopTests.folder.appending(path: "kop-15.txt").path
        #expect(!db.run("voorstel importeer \"\(other)\" id=rv-15 datum=2025-07-11").contains("datum 10 juli"))
    }
}

/// Headers and texts made of the pieces real ones are made of (labels, colons, dates, lone colon
/// lines, OCR bars, long lines): the reader and the analysis never crash, and stay quick.
@Suite struct GeneratedVoorstelTextTests {
    @Test func generatedHeadersAndTextsNeverCrash() {
        var generator = SeededGenerator(state: 0x5EED_2026)
        let pieces = ["Onderwerp:", "Portefeuillehouder", ": ", ":", "Registratienummer :", "Vergadering: 20 januari 2009", "BBVnummer: 108066",
                      "Gemeenteraad Ridderkerk: 11 december 2014", "Agendapunt", "Naam opsteller", "X", "RAAD140135", "25 september 2014",
                      "Samenvatting", "Samenvatting: ", "Wij stellen de raad voor om:", "|. Artikel 8", "1.", "a.", "’s-Hertogenbosch", "é",
                      "Gevraagd besluit De raad besluit:", "Participatiewet", "\t", "  ", "12/03/2026", "2024-05", "Beslispunten", "…", "\u{0C}"]
        let analyzer = Analyzer(library: bundledLibrary)!
        let started = Date()
        for _ in 0..<800 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                text += pieces.randomElement(using: &generator)!
                text += ["", " ", "\n", "\n\n", String(repeating: "woord ", count: Int.random(in: 0...90, using: &generator))].randomElement(using: &generator)!
            }
            let kop = VoorstelKop.read(text)
            #expect((kop.portefeuille?.count ?? 0) <= 160 && (kop.registratienummer?.count ?? 0) <= 80)
            _ = analyzer.analyze(text, name: "gegenereerd")
        }
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
