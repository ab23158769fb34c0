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
        #expect(db.run("voorstel toon rv-14").contains("nr. 1887654 · datum 2025-03-25"))
        // What the statement gives wins over the header.
        let other = VoorstelKopTests.folder.appending(path: "kop-15.txt").path
        #expect(!db.run("voorstel importeer \"\(other)\" id=rv-15 datum=2025-07-11").contains("datum 10 juli"))
    }
}
